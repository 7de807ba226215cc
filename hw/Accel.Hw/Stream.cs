namespace Accel.Hw;

/// <summary>An on-chip FIFO between dataflow processes (hls::stream in C++). The depth is what the hardware
/// gets; in .NET the queue grows as needed because dataflow processes run one after another here, and the
/// emulator is where a too-shallow FIFO shows up as a deadlock.</summary>
public sealed class Stream<T> where T : unmanaged
{
    private readonly Queue<T> items = new();

    public Stream(int depth)
    {
        Depth = depth > 0 ? depth : throw new ArgumentOutOfRangeException(nameof(depth), depth, "a stream needs a depth of at least 1");
        StreamObserver.Current?.Created(this, depth);
    }

    public int Depth { get; }

    public void Write(T value)
    {
        StreamObserver.Current?.Written(this);
        items.Enqueue(value);
    }

    public T Read()
    {
        StreamObserver.Current?.Read(this);
        return items.TryDequeue(out var value)
            ? value
            : throw new InvalidOperationException("read from an empty stream: in hardware this process would wait forever");
    }

    public bool Empty() => items.Count == 0;
}
