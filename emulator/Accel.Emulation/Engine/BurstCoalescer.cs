namespace Accel.Emulation;

/// <summary>
/// Groups one process's port accesses into AXI bursts, per lane and in program order. An access joins the
/// lane's open burst when it starts where the burst ends, and the burst stays within its 4 KiB page and
/// within the port's maximum burst length; the rest of the access opens new bursts. Bursts close at every
/// loop begin and end and after each access outside loops (bursts are inferred for loops only), and after an access
/// whose bundle another port shares in the loop (<see cref="SharedBundles"/>).
/// A beat is one data-width word; a burst's beats are the words its byte range touches.
/// </summary>
internal sealed class BurstCoalescer(DesignSpec design, int accessCount)
{
    private const long PageBytes = 4096;

    private readonly LaneState?[] _lanes = new LaneState?[design.PortArray.Length * 2];
    private readonly List<BurstPlan> _bursts = new(accessCount / 8 + 4);
    private readonly PortAccess[] _accesses = new PortAccess[accessCount];
    private int _accessCount;

    public int AccessCount => _accessCount;

    /// <summary>The planned accesses; the array was sized by the caller's count, so it is handed over as is.</summary>
    public PortAccess[] Accesses() => _accessCount == _accesses.Length ? _accesses : _accesses[.._accessCount];

    public BurstPlan[] Bursts() => [.. _bursts];

    /// <summary>Plans one access and returns how many bursts it opens (the caller checks the outstanding limit).</summary>
    public int Add(int port, bool write, long address, int bytes)
    {
        var spec = design.PortArray[port];
        int lane = Lanes.Of(port, write);
        var state = _lanes[lane] ??= new LaneState(spec.BytesPerBeat, spec.MaxBurstBeats, write);

        var access = new PortAccess { FirstNewBurst = -1 };
        int accessIndex = _accessCount;
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

        long lastBeat = state.FirstBeat + ((end - 1) / state.BeatBytes - state.FirstWord);
        // A partly written beat is complete only when a later access fills it or the burst closes.
        access.Beat = !write || end % state.BeatBytes == 0 ? lastBeat : lastBeat - 1;
        _accesses[_accessCount++] = access;
        return access.NewBursts;
    }

    /// <summary>Ends every open burst (loop boundary, or an access outside any loop).</summary>
    public void CloseAll()
    {
        foreach (var state in _lanes)
        {
            if (state is not null)
                Close(state);
        }
    }

    /// <summary>Ends the lane's open burst (an access that may not be burst).</summary>
    public void Close(int port, bool write)
    {
        if (_lanes[Lanes.Of(port, write)] is { } state)
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
        if (state.IsWrite && state.LastAccess < _accessCount)
            _accesses[state.LastAccess].Beat = plan.FirstBeat + plan.Beats - 1;
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

    private sealed class LaneState(int beatBytes, int maxBeats, bool isWrite)
    {
        public readonly int BeatBytes = beatBytes;
        public readonly bool IsWrite = isWrite;
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
