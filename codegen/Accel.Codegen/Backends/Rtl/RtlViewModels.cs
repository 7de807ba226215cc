namespace Accel.Codegen.Backends.Rtl;

// Plain records the RTL templates render; built from the IR by RtlViewBuilder, never the IR itself.

public sealed record RtlScalarView(string Name, string Width, string CType);

/// <param name="ElementBits">width of one element (the data bus of this simple port)</param>
/// <param name="QueueBits">address bits of the read-response queue (0 for a port that is only written)</param>
/// <param name="ReadSlots">suffixes of the read slots' signals ("", "_1", ...): one word each per cycle</param>
/// <param name="WriteSlots">suffixes of the write slots' signals</param>
public sealed record RtlPortView(string Name, int ElementBits, int ElementBytes, string CType, bool Reads, bool Writes, int Count, int QueueBits,
    string Channel, int ChannelIndex, int LatencyCycles, int BeatBytes, long UnitsPerCycle, long ServiceUnits,
    IReadOnlyList<string> ReadSlots, IReadOnlyList<string> WriteSlots);

public sealed record RtlRomView(string Name, string Width, int Length, IReadOnlyList<string> Values);

public sealed record RtlStateView(string Name, int Code, IReadOnlyList<string> Lines);

public sealed record RtlModuleView(
    string Banner, string Module, IReadOnlyList<RtlScalarView> Scalars, IReadOnlyList<RtlPortView> Ports,
    IReadOnlyList<RtlRomView> Roms, IReadOnlyList<string> Declarations, IReadOnlyList<string> Start,
    IReadOnlyList<RtlStateView> States);

public sealed record RtlTestbenchView(string Banner, string Module, IReadOnlyList<RtlScalarView> Scalars, IReadOnlyList<RtlPortView> Ports,
    int Channels, long CycleLimit);

public sealed record RtlSynthView(string Banner, string Module, string Family);
