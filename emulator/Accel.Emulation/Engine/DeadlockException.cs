namespace Accel.Emulation;

/// <summary>A FIFO named in a deadlock report, with its state when the processes stopped.</summary>
public sealed record FifoDeadlockState(string Name, int Occupancy, int Depth);

/// <summary>
/// Every unfinished process waits on a FIFO and no event can wake any of them. The message names the
/// processes and FIFOs of the wait cycle (or the chain ending at a finished process), each FIFO's occupancy,
/// and the cycle at which the last process stopped.
/// </summary>
public sealed class DeadlockException : Exception
{
    internal DeadlockException(
        string message, long cycle, IReadOnlyList<string> processes, IReadOnlyList<FifoDeadlockState> fifos, bool isCycle)
        : base(message)
    {
        Cycle = cycle;
        Processes = processes;
        Fifos = fifos;
        IsWaitCycle = isCycle;
    }

    /// <summary>The latest cycle at which a process of the design blocked.</summary>
    public long Cycle { get; }

    /// <summary>Processes along the wait cycle (or chain), in wait order.</summary>
    public IReadOnlyList<string> Processes { get; }

    /// <summary>FIFOs along the wait cycle (or chain), in wait order.</summary>
    public IReadOnlyList<FifoDeadlockState> Fifos { get; }

    /// <summary>True for a cycle of waits; false when the chain ends at a process that finished (it will never write or read again).</summary>
    public bool IsWaitCycle { get; }
}
