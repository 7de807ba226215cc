namespace Accel.Emulation.Tests.Reference;

/// <summary>One port access as the reference sees it.</summary>
internal sealed class ReferenceAccess(ReferenceLane lane, int bytes)
{
    public ReferenceLane Lane { get; } = lane;

    public int Bytes { get; } = bytes;

    /// <summary>Lane burst numbers whose first byte this access carries (it requests them).</summary>
    public List<int> NewBursts { get; } = [];

    /// <summary>Lane beat holding the access's last byte.</summary>
    public int LastBeat { get; set; }

    /// <summary>Write beats whose last byte-writer is this access: they become ready when it happens.</summary>
    public List<int> CompletedBeats { get; } = [];
}

/// <summary>One direction of one port: burst plan (built byte by byte) and its state while stepping.</summary>
internal sealed class ReferenceLane(MemoryPortSpec spec, bool write, int latency)
{
    public MemoryPortSpec Spec { get; } = spec;

    public bool IsWrite { get; } = write;

    public int Latency { get; } = latency;

    // Plan.
    public List<int> BurstLastBeat { get; } = [];
    public List<int> BurstFirstBeat { get; } = [];
    public List<ReferenceAccess> LastWriterOfBeat { get; } = [];
    public bool Open;
    public long OpenStart, OpenNext, OpenFirstWord;
    public int OpenFirstBeat;

    // State while stepping; null = not known yet.
    public List<long?> BeatReady { get; } = [];
    public List<long?> BeatDone { get; } = [];
    public List<long?> BurstCompletion { get; } = [];
    public int Requested;
    public int Served;
    /// <summary>Next cycle a beat may start on this lane's data path: one cell per lane, or one per shared path and direction.</summary>
    public long[] NextBeatCell = new long[1];

    public long NextBeatCycle
    {
        get => NextBeatCell[0];
        set => NextBeatCell[0] = value;
    }
    public long Bytes;

    public bool SlotFreeFor(int burst, long cycle) =>
        burst < Spec.MaxOutstanding
        || (BurstCompletion[burst - Spec.MaxOutstanding] is long done && done <= cycle);
}

/// <summary>Burst planning for every lane of a design: the 4 KiB, burst-length and contiguity rules applied per byte.</summary>
internal sealed class ReferenceMemory
{
    public ReferenceMemory(DesignSpec design)
    {
        Lanes = [.. design.Ports.SelectMany((spec, port) => new[]
        {
            new ReferenceLane(spec, false, design.EffectiveLatencyCycles(port)),
            new ReferenceLane(spec, true, design.EffectiveLatencyCycles(port)),
        })];
        var shared = new Dictionary<(int, bool), long[]>();
        foreach (var lane in Lanes.Where(l => l.Spec.DataPath >= 0))
        {
            var key = (lane.Spec.DataPath, lane.IsWrite);
            lane.NextBeatCell = shared.TryGetValue(key, out var cell) ? cell : shared[key] = new long[1];
        }
    }

    public ReferenceLane[] Lanes { get; }

    public ReferenceAccess Plan(int process, int port, bool write, long address, int bytes)
    {
        var lane = Lanes[port * 2 + (write ? 1 : 0)];
        var access = new ReferenceAccess(lane, bytes);
        int width = lane.Spec.BytesPerBeat;
        for (long a = address; a < address + bytes; a++)
        {
            long word = a / width;
            bool continues = lane.Open
                && a == lane.OpenNext
                && a / 4096 == lane.OpenStart / 4096
                && word - lane.OpenFirstWord < lane.Spec.MaxBurstBeats;
            if (!continues)
            {
                access.NewBursts.Add(lane.BurstLastBeat.Count);
                lane.BurstFirstBeat.Add(lane.LastWriterOfBeat.Count);
                lane.BurstLastBeat.Add(-1);
                lane.Open = true;
                lane.OpenStart = a;
                lane.OpenFirstWord = word;
                lane.OpenFirstBeat = lane.LastWriterOfBeat.Count;
            }
            int beat = lane.OpenFirstBeat + (int)(word - lane.OpenFirstWord);
            if (beat == lane.LastWriterOfBeat.Count)
                lane.LastWriterOfBeat.Add(access);
            lane.LastWriterOfBeat[beat] = access;
            lane.BurstLastBeat[^1] = beat;
            lane.OpenNext = a + 1;
            access.LastBeat = beat;
        }
        return access;
    }

    /// <summary>Ends the open burst of the op's port direction.</summary>
    public void BreakBurst(TraceOp op) => Lanes[op.Index * 2 + (op.Kind == TraceOpKind.PortWrite ? 1 : 0)].Open = false;

    public void BreakBursts(int process)
    {
        foreach (var lane in Lanes.Where(l => l.Spec.Owner == process))
            lane.Open = false;
    }

    /// <summary>After planning: size the state lists and tell each write access which beats it completes.</summary>
    public void FinishPlanning()
    {
        foreach (var lane in Lanes)
        {
            for (int beat = 0; beat < lane.LastWriterOfBeat.Count; beat++)
            {
                lane.BeatReady.Add(null);
                lane.BeatDone.Add(null);
                lane.LastWriterOfBeat[beat].CompletedBeats.Add(beat);
            }
            foreach (var _ in lane.BurstLastBeat)
                lane.BurstCompletion.Add(null);
        }
    }
}
