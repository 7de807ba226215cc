using System.Runtime.InteropServices;

namespace Accel.Emulation;

public enum TraceOpKind : byte
{
    /// <summary>Straight-line work: the process is busy for <see cref="TraceOp.Cycles"/> cycles.</summary>
    Delay,

    /// <summary>Opens a loop; pipelined when <see cref="TraceOp.InitiationInterval"/> is above 0.</summary>
    LoopBegin,

    /// <summary>Starts the next iteration of the innermost open loop; every op inside a loop follows one. The
    /// recorder folds it into the iteration's first op (<see cref="TraceOp.StartsIteration"/>), so this op is
    /// only recorded for an iteration that records no op of its own.</summary>
    IterationStart,

    LoopEnd,
    FifoWrite,
    FifoRead,
    PortRead,
    PortWrite,
}

/// <summary>
/// One recorded timing event of a process (16 bytes: traces hold tens of millions of these, and on a virtual
/// machine the first touch of fresh memory is what a long trace costs most). Which fields mean what depends on
/// <see cref="Kind"/>; use the factory methods or <see cref="TraceRecorder"/> to make them.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct TraceOp
{
    /// <summary>The largest index or initiation interval an op holds: the kind shares their word.</summary>
    public const int MaxIndex = (1 << 23) - 1;

    // Delay: cycles. Port ops: byte address.
    private readonly long _wide;

    // Low 7 bits: the kind; bit 7: the op starts an iteration. The rest (signed), loops: initiation interval
    // (0 = not pipelined); FIFO and port ops: the element index.
    private readonly int _kindAndA;
    private const int IterationFlag = 0x80;

    // Loops: pipeline depth. Port ops: byte count.
    private readonly int _b;

    private TraceOp(TraceOpKind kind, int a, int b, long wide)
    {
        if (a > MaxIndex || a < -MaxIndex)
            throw new ArgumentOutOfRangeException(nameof(a), a, $"expected an index or initiation interval within ±{MaxIndex}");
        _kindAndA = (a << 8) | (byte)kind;
        _b = b;
        _wide = wide;
    }

    private TraceOp(int kindAndA, int b, long wide) => (_kindAndA, _b, _wide) = (kindAndA, b, wide);

    public TraceOpKind Kind => (TraceOpKind)(_kindAndA & (IterationFlag - 1));

    /// <summary>The op begins a new iteration of the innermost open loop: it stands for an IterationStart
    /// followed by itself (one op instead of two, for the pipelined loops whose iterations hold one access).</summary>
    public bool StartsIteration => (_kindAndA & IterationFlag) != 0;

    /// <summary>This op as the first of an iteration (for every kind but IterationStart and LoopEnd).</summary>
    public TraceOp StartingAnIteration()
    {
        if (Kind is TraceOpKind.IterationStart or TraceOpKind.LoopEnd)
            throw new InvalidOperationException($"{Kind} cannot start an iteration of its own");
        return new TraceOp(_kindAndA | IterationFlag, _b, _wide);
    }

    public long Cycles => _wide;

    public int InitiationInterval => _kindAndA >> 8;

    public int Depth => _b;

    /// <summary>FIFO index for FIFO ops, port index for port ops.</summary>
    public int Index => _kindAndA >> 8;

    public long Address => _wide;

    public int Bytes => _b;

    public bool IsPipelinedLoop => Kind == TraceOpKind.LoopBegin && InitiationInterval > 0;

    public static TraceOp Delay(long cycles) => new(TraceOpKind.Delay, 0, 0, cycles);

    public static TraceOp PipelinedLoop(int initiationInterval, int depth) =>
        new(TraceOpKind.LoopBegin, initiationInterval, depth, 0);

    public static TraceOp Loop() => new(TraceOpKind.LoopBegin, 0, 0, 0);

    public static TraceOp IterationStart() => new(TraceOpKind.IterationStart, 0, 0, 0);

    public static TraceOp LoopEnd() => new(TraceOpKind.LoopEnd, 0, 0, 0);

    public static TraceOp FifoWrite(int fifo) => new(TraceOpKind.FifoWrite, fifo, 0, 0);

    public static TraceOp FifoRead(int fifo) => new(TraceOpKind.FifoRead, fifo, 0, 0);

    public static TraceOp PortRead(int port, long address, int bytes) => new(TraceOpKind.PortRead, port, bytes, address);

    public static TraceOp PortWrite(int port, long address, int bytes) => new(TraceOpKind.PortWrite, port, bytes, address);

    public override string ToString() => (StartsIteration ? "IterationStart+" : "") + Kind switch
    {
        TraceOpKind.Delay => $"Delay({Cycles})",
        TraceOpKind.LoopBegin when IsPipelinedLoop => $"PipelinedLoop(II={InitiationInterval}, depth={Depth})",
        TraceOpKind.LoopBegin => "Loop()",
        TraceOpKind.FifoWrite or TraceOpKind.FifoRead => $"{Kind}({Index})",
        TraceOpKind.PortRead or TraceOpKind.PortWrite => $"{Kind}(port {Index}, 0x{Address:x}, {Bytes} B)",
        _ => Kind.ToString(),
    };
}
