namespace Accel.Codegen.Backends.Rtl;

// Plain records the RTL templates render; built from the IR by RtlViewBuilder, never the IR itself.

public sealed record RtlScalarView(string Name, string Width, string CType);

/// <param name="ElementBits">width of one element (the data bus of this simple port)</param>
/// <param name="QueueBits">address bits of each read slot's response queue (0 for a port that is only written)</param>
/// <param name="ReadSlots">suffixes of the read slots' signals ("", "_1", ...): one word each per cycle</param>
/// <param name="WriteSlots">suffixes of the write slots' signals</param>
public sealed record RtlPortView(string Name, int ElementBits, int ElementBytes, string CType, bool Reads, bool Writes, int Count, int QueueBits,
    string Channel, int ChannelIndex, int LatencyCycles, int BeatBytes, long UnitsPerCycle, long ServiceUnits,
    IReadOnlyList<string> ReadSlots, IReadOnlyList<string> WriteSlots);

public sealed record RtlRomView(string Name, string Width, int Length, IReadOnlyList<string> Values);

public sealed record RtlStateView(string Name, int Code, IReadOnlyList<string> Lines);

/// <summary>One state machine: the top's, or in a dataflow top one per process, all started by ap_start together.</summary>
/// <param name="State">its state register ("state" for a plain top)</param>
/// <param name="Wait">its wait counter</param>
/// <param name="Start">the code of the idle state's start edge</param>
/// <param name="States">its states other than the shared S_IDLE and S_FINISH</param>
public sealed record RtlMachineView(string State, string Wait, IReadOnlyList<string> Start, IReadOnlyList<RtlStateView> States);

/// <summary>A FIFO between two dataflow processes (a Stream&lt;T&gt;): Depth words of Width bits; the occupancy
/// counts as the cycle began (pushes and pops are added at its end), so a word written in cycle c is readable
/// from c + 1 and a slot freed in c is writable from c + 1, the emulator's FIFO rules with read latency 1.</summary>
public sealed record RtlStreamView(string Name, string Width, int Depth, int CountBits);

public sealed record RtlModuleView(
    string Banner, string Module, IReadOnlyList<RtlScalarView> Scalars, IReadOnlyList<RtlPortView> Ports,
    IReadOnlyList<RtlRomView> Roms, IReadOnlyList<RtlStreamView> Streams, IReadOnlyList<string> Declarations,
    IReadOnlyList<RtlMachineView> Machines);

public sealed record RtlTestbenchView(string Banner, string Module, IReadOnlyList<RtlScalarView> Scalars, IReadOnlyList<RtlPortView> Ports,
    int Channels, long CycleLimit);

public sealed record RtlSynthView(string Banner, string Module, string Family);
