using Accel.Emulation;

namespace Accel.EdgeMoe.Timing;

/// <summary>What the emulator measured for one kernel call of the encoder: its cycles and the off-chip bytes of
/// each port. ExpertsThatRan lists, for a MoE call, the experts that served at least one token (the others'
/// weights are never fetched); it is empty for every other kernel.</summary>
public sealed record StageTiming(string Stage, int? Layer, string Kernel, string Config, long Cycles,
    IReadOnlyList<PortTiming> Ports, IReadOnlyList<ExpertLoad> ExpertsThatRan)
{
    public long BytesRead => Ports.Sum(p => p.BytesRead);
    public long BytesWritten => Ports.Sum(p => p.BytesWritten);
}

/// <summary>An expert of a MoE layer and the number of tokens routed to it.</summary>
public sealed record ExpertLoad(int Expert, int Tokens);
