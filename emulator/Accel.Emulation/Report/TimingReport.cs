namespace Accel.Emulation;

/// <summary>Cycle figures of one emulation run.</summary>
public sealed record TimingReport(
    long TotalCycles,
    double ClockMhz,
    IReadOnlyList<ProcessTiming> Processes,
    IReadOnlyList<FifoTiming> Fifos,
    IReadOnlyList<PortTiming> Ports)
{
    /// <summary>Wall-clock time of <see cref="TotalCycles"/> at the design clock.</summary>
    public double TimeMs => TotalCycles / (ClockMhz * 1e3);
}

/// <summary>
/// Every cycle in [0, FinishCycle) is active or stalled. Active covers straight-line work and pipeline
/// cycles that advance; stalled-on-input covers waits for FIFO data and memory read data (and read request
/// slots); stalled-on-output covers waits for FIFO room, write request slots and final write responses.
/// </summary>
public sealed record ProcessTiming(
    string Name,
    long FinishCycle,
    long ActiveCycles,
    long StalledOnInputCycles,
    long StalledOnOutputCycles);

/// <summary>Max occupancy is the largest end-of-cycle count of written but unread items.</summary>
public sealed record FifoTiming(string Name, int Depth, int MaxOccupancy, int Writes, int Reads);

/// <summary>Bytes are those the trace's accesses asked for; bandwidth is their sum over the whole run's time.</summary>
public sealed record PortTiming(
    string Name,
    string Channel,
    long BytesRead,
    long BytesWritten,
    long ReadRequests,
    long WriteRequests,
    double AchievedGBps);
