namespace Accel.Emulation;

/// <summary>
/// Groups one process's port accesses into AXI bursts, per lane and in program order. An access joins the
/// lane's open burst when it starts where the burst ends, and the burst stays within its 4 KiB page and
/// within the port's maximum burst length; the rest of the access opens new bursts. Bursts close at every
/// loop begin and end and after each access outside loops (bursts are inferred for loops only).
/// A beat is one data-width word; a burst's beats are the words its byte range touches.
/// </summary>
internal sealed class BurstCoalescer(DesignSpec design)
{
    private const long PageBytes = 4096;

    private readonly Dictionary<int, LaneState> _lanes = [];
    private readonly List<BurstPlan> _bursts = [];
    private readonly List<PortAccess> _accesses = [];

    public int AccessCount => _accesses.Count;

    public PortAccess[] Accesses() => [.. _accesses];

    public BurstPlan[] Bursts() => [.. _bursts];

    /// <summary>Plans one access and returns how many bursts it opens (the caller checks the outstanding limit).</summary>
    public int Add(int port, bool write, long address, int bytes)
    {
        var spec = design.Ports[port];
        int lane = Lanes.Of(port, write);
        if (!_lanes.TryGetValue(lane, out var state))
            _lanes[lane] = state = new LaneState(spec.BytesPerBeat, spec.MaxBurstBeats);

        var access = new PortAccess { Lane = lane, Bytes = bytes, FirstNewBurst = -1, ReadyThrough = -1 };
        int accessIndex = _accesses.Count;
        long cursor = address, end = address + bytes;

        if (state.Open && cursor == state.End)
            cursor = Extend(state, end, accessIndex);
        while (cursor < end)
        {
            Close(state);
            state.OpenAt(cursor, _bursts.Count);
            _bursts.Add(new BurstPlan { Seq = state.NextSeq++, FirstBeat = state.NextBeat });
            if (access.FirstNewBurst < 0)
                access.FirstNewBurst = _bursts.Count - 1;
            access.NewBursts++;
            cursor = Extend(state, end, accessIndex);
        }

        long lastWord = (end - 1) / state.BeatBytes;
        access.LastBeat = state.FirstBeat + (lastWord - state.FirstWord);
        // A partly written beat is complete only when a later access fills it or the burst closes.
        access.ReadyThrough = end % state.BeatBytes == 0 ? access.LastBeat : access.LastBeat - 1;
        _accesses.Add(access);
        return access.NewBursts;
    }

    /// <summary>Ends every open burst (loop boundary, or an access outside any loop).</summary>
    public void CloseAll()
    {
        foreach (var state in _lanes.Values)
            Close(state);
    }

    private void Close(LaneState state)
    {
        if (!state.Open)
            return;
        var plan = _bursts[state.BurstIndex];
        state.NextBeat += plan.Beats;
        // The burst's last beat is complete once its last writer is done. When that writer is the access
        // being added, its own ReadyThrough already covers this burst.
        if (state.LastAccess < _accesses.Count)
        {
            var last = _accesses[state.LastAccess];
            last.ReadyThrough = plan.FirstBeat + plan.Beats - 1;
            _accesses[state.LastAccess] = last;
        }
        state.Open = false;
    }

    private long Extend(LaneState state, long end, int accessIndex)
    {
        long before = state.End;
        long after = state.Extend(end);
        if (after > before)
        {
            state.LastAccess = accessIndex;
            var plan = _bursts[state.BurstIndex];
            plan.Beats = (int)((after - 1) / state.BeatBytes - state.FirstWord + 1);
            _bursts[state.BurstIndex] = plan;
        }
        return after;
    }

    private sealed class LaneState(int beatBytes, int maxBeats)
    {
        public readonly int BeatBytes = beatBytes;
        public bool Open;
        public long Start, End, FirstWord, FirstBeat;
        public int BurstIndex, LastAccess;
        public long NextSeq, NextBeat;

        public void OpenAt(long address, int burstIndex)
        {
            Open = true;
            Start = End = address;
            FirstWord = address / BeatBytes;
            FirstBeat = NextBeat;
            BurstIndex = burstIndex;
        }

        /// <summary>Grows the open burst towards <paramref name="end"/> as far as its limits allow; returns the new end.</summary>
        public long Extend(long end)
        {
            long pageEnd = (Start / PageBytes + 1) * PageBytes;
            long lengthEnd = (FirstWord + maxBeats) * BeatBytes;
            End = Math.Min(end, Math.Min(pageEnd, lengthEnd));
            return End;
        }
    }
}
