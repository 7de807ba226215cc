namespace Accel.Emulation.Kernels;

public enum LoopKind { Pipelined, Sequential, Unrolled }

/// <summary>How the emulator times one loop: pipelined with II and depth, sequential at a body latency per
/// iteration, or unrolled (no loop at all: its body is part of the enclosing code).</summary>
public sealed record LoopTiming(int Id, int Line, LoopKind Kind, int II, int Depth, long BodyCycles)
{
    public string Function { get; init; } = "";
    /// <summary>The source file's name, as reasons cite it.</summary>
    public string File { get; init; } = "";
    /// <summary>The II the source asks for: its Pipeline directive, 1 when Vitis pipelines the loop on its own,
    /// null when nothing asks for a pipeline.</summary>
    public int? RequestedII { get; init; }
    public bool AutoPipelined { get; init; }
    /// <summary>Iterations, when the bounds give them before the loop runs.</summary>
    public long? TripCount { get; init; }
    /// <summary>A partial unroll factor: this many iterations share one pass of the body (or one issue slot).</summary>
    public int UnrollFactor { get; init; } = 1;
    /// <summary>Why the schedule is not what was asked, or how the loop was treated; null when it is as written.</summary>
    public string? Reason { get; init; }
    /// <summary>A directive of the source that the schedule cannot honour (II not met, pipeline refused).</summary>
    public bool Unmet { get; init; }
    /// <summary>The directive is met here, but Vitis may not meet it (accesses the analysis cannot place): warned
    /// about as an unmet one is, with the reason saying how the emulator times it.</summary>
    public bool Caution { get; init; }
    /// <summary>An unrolled loop whose copies of the one pipelined loop inside run side by side (the trace replays
    /// them as one pipeline).</summary>
    public bool SideBySide { get; init; }

    public string Name => $"loop{Id}_line{Line}";
}

/// <summary>The static timing of a kernel: every loop, and the straight-line latency of each function's code
/// outside its loops, by function name.</summary>
public sealed record KernelTiming(IReadOnlyDictionary<int, LoopTiming> Loops, IReadOnlyDictionary<string, long> FunctionCycles, double ClockMhz)
{
    /// <summary>What the schedule found outside loops that Vitis would warn about (a non-canonical dataflow region).</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Loops whose directive the schedule could not meet, or Vitis may not, in source order: what a user must be told.</summary>
    public IEnumerable<LoopTiming> Warned => Loops.Values.Where(l => l.Unmet || l.Caution).OrderBy(l => l.Id);
}
