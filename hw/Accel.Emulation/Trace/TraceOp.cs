using System.Runtime.InteropServices;

namespace Accel.Emulation;

public enum TraceOpKind : byte
{
    /// <summary>Straight-line work: the process is busy for <see cref="TraceOp.Cycles"/> cycles.</summary>
    Delay,

    /// <summary>Opens a loop; pipelined when <see cref="TraceOp.InitiationInterval"/> is above 0.</summary>
    LoopBegin,

    /// <summary>Starts the next iteration of the innermost open loop; every op inside a loop follows one.</summary>
    IterationStart,

    LoopEnd,
    FifoWrite,
    FifoRead,
    PortRead,
    PortWrite,
}

/// <summary>
/// One recorded timing event of a process (24 bytes; traces are plain arrays of these). Which fields mean
/// what depends on <see cref="Kind"/>; use the factory methods or <see cref="TraceRecorder"/> to make them.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct TraceOp
{
    // Delay: cycles. Port ops: byte address.
    private readonly long _wide;

    // Loops: initiation interval (0 = not pipelined). FIFO and port ops: the element index.
    private readonly int _a;

    // Loops: pipeline depth. Port ops: byte count.
    private readonly int _b;

    private TraceOp(TraceOpKind kind, int a, int b, long wide)
    {
        Kind = kind;
        _a = a;
        _b = b;
        _wide = wide;
    }

    public TraceOpKind Kind { get; }

    public long Cycles => _wide;

    public int InitiationInterval => _a;

    public int Depth => _b;

    /// <summary>FIFO index for FIFO ops, port index for port ops.</summary>
    public int Index => _a;

    public long Address => _wide;

    public int Bytes => _b;

    public bool IsPipelinedLoop => Kind == TraceOpKind.LoopBegin && _a > 0;

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

    public override string ToString() => Kind switch
    {
        TraceOpKind.Delay => $"Delay({Cycles})",
        TraceOpKind.LoopBegin when IsPipelinedLoop => $"PipelinedLoop(II={InitiationInterval}, depth={Depth})",
        TraceOpKind.LoopBegin => "Loop()",
        TraceOpKind.FifoWrite or TraceOpKind.FifoRead => $"{Kind}({Index})",
        TraceOpKind.PortRead or TraceOpKind.PortWrite => $"{Kind}(port {Index}, 0x{Address:x}, {Bytes} B)",
        _ => Kind.ToString(),
    };
}
