namespace Accel.Emulation;

public enum ActivityKind : byte
{
    /// <summary>Process <see cref="ActivityEvent.Subject"/> waited for data (FIFO empty, memory read) over [Cycle, EndCycle).</summary>
    StallOnInput,

    /// <summary>Process waited for room (FIFO full, write outstanding limit or responses) over [Cycle, EndCycle).</summary>
    StallOnOutput,

    ProcessFinished,
    FifoWrite,
    FifoRead,

    /// <summary>Subject is a lane: port * 2 for reads, port * 2 + 1 for writes.</summary>
    BurstRequested,

    BurstCompleted,

    /// <summary>A data beat of lane Subject on its channel from Cycle until its data is usable at EndCycle.</summary>
    Beat,
}

/// <summary>One recorded activity. The engine produces them out of time order; writers sort them.</summary>
public readonly record struct ActivityEvent(ActivityKind Kind, int Subject, long Cycle, long EndCycle);

/// <summary>
/// Collects what the engine did, for waveform and trace writers (<see cref="VcdWriter"/>,
/// <see cref="ChromeTraceWriter"/>). Pass one to <see cref="TimingEngine.Run"/>; without one the engine
/// records nothing and pays nothing.
/// </summary>
public sealed class ActivityLog
{
    private ActivityEvent[] _events = new ActivityEvent[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<ActivityEvent> Events => _events.AsSpan(0, Count);

    /// <summary>The design of the run that filled this log (set by the engine).</summary>
    public DesignSpec? Design { get; private set; }

    /// <summary>A log holds one run: the engine empties it before recording.</summary>
    internal void Begin(DesignSpec design)
    {
        Design = design;
        Count = 0;
    }

    internal void Add(ActivityKind kind, int subject, long cycle, long endCycle)
    {
        if (Count == _events.Length)
            Array.Resize(ref _events, _events.Length * 2);
        _events[Count++] = new ActivityEvent(kind, subject, cycle, endCycle);
    }

    internal DesignSpec RequireDesign() =>
        Design ?? throw new InvalidOperationException("this activity log has not been filled by TimingEngine.Run yet");
}
