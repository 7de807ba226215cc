namespace Accel.Emulation;

/// <summary>The recorded timing events of one process, in program order. Immutable once built.</summary>
public sealed class ProcessTrace
{
    internal ProcessTrace(TraceOps ops) => Ops = ops;

    public static ProcessTrace Empty { get; } = new(new TraceOps([], 0));

    public int Count => Ops.Count;

    public TraceOps Ops { get; }

    public static ProcessTrace From(ReadOnlySpan<TraceOp> ops)
    {
        var recorder = new TraceRecorder();
        foreach (var op in ops) recorder.Append(op);
        return recorder.Finish();
    }
}
