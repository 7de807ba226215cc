namespace Accel.Runtime.Devices;

/// <summary>
/// One execution context of a kernel: set every argument, <see cref="Start"/>, then <see cref="Wait"/>.
/// It can be started again once finished. Not thread-safe: use a run from one thread at a time.
/// </summary>
public interface IRun : IDisposable
{
    IKernel Kernel { get; }

    /// <summary>Sets a scalar argument; <typeparamref name="T"/> must have the argument's size and, when its C type is known, match it.</summary>
    void SetArgument<T>(string argumentName, T value) where T : unmanaged;

    /// <summary>Sets a memory argument; the buffer must be in a bank the argument is connected to.</summary>
    void SetArgument(string argumentName, IBuffer buffer);

    /// <summary>Starts the kernel. Every scalar and memory argument must have been set.</summary>
    void Start();

    /// <summary>
    /// Waits for the started run to finish. Throws <see cref="RunTimeoutException"/> if it has not
    /// finished within <paramref name="timeout"/> (use <see cref="Timeout.InfiniteTimeSpan"/> to wait
    /// without limit) and <see cref="RunFailedException"/> if it ended in any state but Completed.
    /// </summary>
    void Wait(TimeSpan timeout);

    /// <summary>The state the backend reports now.</summary>
    RunState State { get; }
}
