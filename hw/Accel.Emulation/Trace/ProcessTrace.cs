namespace Accel.Emulation;

/// <summary>The recorded timing events of one process, in program order. Immutable once built.</summary>
public sealed class ProcessTrace
{
    private readonly TraceOp[] _ops;

    internal ProcessTrace(TraceOp[] ops, int count)
    {
        _ops = ops;
        Count = count;
    }

    public static ProcessTrace Empty { get; } = new([], 0);

    public int Count { get; }

    public ReadOnlySpan<TraceOp> Ops => _ops.AsSpan(0, Count);

    internal TraceOp[] Buffer => _ops;

    public static ProcessTrace From(ReadOnlySpan<TraceOp> ops) => new(ops.ToArray(), ops.Length);
}
