namespace Accel.Codegen.Backends.Rtl;

public enum RtlLoopKind { Pipelined, Sequential, Unrolled }

/// <summary>How the RTL runs one loop: pipelined (issue every II cycles, last stage at Depth - 1), sequential
/// (BodyCycles of straight-line work charged at the start of each iteration, then the nested loops), or unrolled
/// (replicated hardware inside the enclosing code).</summary>
public sealed record RtlLoop(RtlLoopKind Kind, int II, int Depth, long BodyCycles);

/// <summary>The schedule the RTL implements. The back end takes it from outside, so the RTL has the same
/// schedule as the emulator (today emulator/Accel.Emulation.Kernels/StaticTiming.cs, through the adapter in
/// testbenches/Accel.Testbenches/Rtl/EmulatorSchedule.cs) and can follow it when the schedule moves.</summary>
public interface IRtlSchedule
{
    double ClockMhz { get; }

    /// <summary>The loop with this IR id (ForStmt.Id / WhileStmt.Id).</summary>
    RtlLoop Loop(int loopId);

    /// <summary>Cycles of straight-line work the schedule charges when a function is entered (the top's own code).</summary>
    long EntryCycles(string function);
}

/// <summary>What the testbench's memory model needs for one m_axi port: the request latency in cycles, the beat
/// width, and the channel's bandwidth as an exact fraction (a beat occupies the channel ServiceUnits /
/// UnitsPerCycle cycles). Ports with the same Channel share its bandwidth.</summary>
public sealed record RtlPortTiming(string Port, string Channel, int LatencyCycles, int BeatBytes, long UnitsPerCycle, long ServiceUnits);
