namespace Accel.Hw;

/// <summary>Lets the emulator see stream traffic while a kernel's C# code runs: which FIFO, written or read,
/// by which process. Null (the normal case) costs one check per stream operation.</summary>
public abstract class StreamObserver
{
    [ThreadStatic] private static StreamObserver? current;

    public static StreamObserver? Current { get => current; set => current = value; }

    public abstract void Created(object stream, int depth);
    public abstract void Written(object stream);
    public abstract void Read(object stream);
}
