namespace Accel.Emulation.Kernels;

public enum LoopKind { Pipelined, Sequential, Unrolled }

/// <summary>How the emulator times one loop: pipelined with II and depth, sequential at a body latency per
/// iteration, or unrolled (no loop at all: its body is part of the enclosing code).</summary>
public sealed record LoopTiming(int Id, int Line, LoopKind Kind, int II, int Depth, long BodyCycles);

/// <summary>The static timing of a kernel: every loop, and the straight-line latency of each function's code
/// outside its loops, by function name.</summary>
public sealed record KernelTiming(IReadOnlyDictionary<int, LoopTiming> Loops, IReadOnlyDictionary<string, long> FunctionCycles, double ClockMhz);
