namespace Accel.Emulation;

/// <summary>
/// Run-time state of one direction of one m_axi port: its bursts (requested, completed) and beats
/// (produced = ready for the channel, served = placed on the channel). Beats and bursts are numbered per lane.
/// </summary>
internal sealed class PortLane
{
    private readonly long[] _burstLastBeat;
    private readonly long[] _burstCompletion;
    private readonly int _burstMask;
    private readonly BeatSlot _slot;

    public PortLane(int index, MemoryPortSpec spec, int latencyCycles, long serviceUnits, BeatSlot slot)
    {
        _slot = slot;
        Index = index;
        Owner = spec.Owner;
        Channel = spec.Channel;
        IsWrite = Lanes.IsWrite(index);
        MaxOutstanding = spec.MaxOutstanding;
        LatencyCycles = latencyCycles;
        ServiceUnits = serviceUnits;
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)spec.MaxOutstanding + 1);
        _burstLastBeat = new long[size];
        _burstCompletion = new long[size];
        _burstMask = size - 1;
        BeatReady = new CycleRing(spec.MaxOutstanding * spec.MaxBurstBeats);
        BeatDone = new CycleRing(spec.MaxOutstanding * spec.MaxBurstBeats);
    }

    public int Index { get; }

    public int Owner { get; }

    public int Channel { get; }

    public bool IsWrite { get; }

    public int MaxOutstanding { get; }

    /// <summary>Request to first beat (reads) and last beat to response (writes).</summary>
    public int LatencyCycles { get; }

    /// <summary>Channel time one beat of this port occupies, in the channel's units (see <see cref="ChannelState"/>).</summary>
    public long ServiceUnits { get; }

    /// <summary>Cycle from which a beat is ready for the channel (reads: request + latency; writes: when written).</summary>
    public CycleRing BeatReady { get; }

    /// <summary>First cycle at which a served beat's data is usable.</summary>
    public CycleRing BeatDone { get; }

    public long BeatsProduced { get; set; }

    public long BeatsServed { get; set; }

    public long BurstsRequested { get; private set; }

    public long BurstsCompleted { get; private set; }

    /// <summary>The data path moves at most one beat per cycle: the next beat may start from this cycle (shared by
    /// the lanes of one direction whose ports share a data path).</summary>
    public long NextBeatCycle
    {
        get => _slot.NextCycle;
        set => _slot.NextCycle = value;
    }

    public long Bytes { get; set; }

    public bool HasPendingBeat => BeatsServed < BeatsProduced;

    public long CompletionCycle(long burst) => _burstCompletion[burst & _burstMask];

    /// <summary>Earliest cycle burst <paramref name="burst"/> may be requested, or -1 while the slot it needs is held.</summary>
    public long SlotReady(long burst)
    {
        long freeing = burst - MaxOutstanding;
        if (freeing < 0)
            return 0;
        return freeing < BurstsCompleted ? CompletionCycle(freeing) : -1;
    }

    public void Request(long lastBeat)
    {
        _burstLastBeat[BurstsRequested & _burstMask] = lastBeat;
        BurstsRequested++;
    }

    /// <summary>True when <paramref name="beat"/> closes the oldest incomplete burst.</summary>
    public bool EndsBurst(long beat) => _burstLastBeat[BurstsCompleted & _burstMask] == beat;

    public void Complete(long cycle)
    {
        _burstCompletion[BurstsCompleted & _burstMask] = cycle;
        BurstsCompleted++;
    }
}

/// <summary>The cycle from which a data path may start its next beat; one per lane, or one per shared path and direction.</summary>
internal sealed class BeatSlot
{
    public long NextCycle;
}
