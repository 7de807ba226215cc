namespace Accel.Emulation;

/// <summary>
/// Run-time state of one FIFO: the cycles of recent writes and reads, and its maximum occupancy.
/// Write k may happen from cycle read(k - depth) + 1 and read k from write(k) + latency, so writes never lead
/// recorded reads by more than the depth and both histories fit in rings of depth + 1 entries.
/// </summary>
internal sealed class FifoState
{
    private readonly long[] _writeCycles;
    private readonly long[] _readCycles;
    private readonly int _mask;

    // Occupancy is merged from the two time-ordered histories as soon as their order is certain.
    private int _mergedWrites;
    private int _mergedReads;

    public FifoState(FifoSpec spec)
    {
        Depth = spec.Depth;
        Latency = spec.ReadLatency;
        Producer = spec.Producer;
        Consumer = spec.Consumer;
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)spec.Depth + 1);
        _writeCycles = new long[size];
        _readCycles = new long[size];
        _mask = size - 1;
    }

    public int Depth { get; }

    public int Latency { get; }

    public int Producer { get; }

    public int Consumer { get; }

    public int Writes { get; private set; }

    public int Reads { get; private set; }

    public int MaxOccupancy { get; private set; }

    public long WriteCycle(int item) => _writeCycles[item & _mask];

    public long ReadCycle(int item) => _readCycles[item & _mask];

    /// <summary>Earliest cycle of read <paramref name="item"/>, or -1 while its write is unknown.</summary>
    public long ReadReady(int item) => item < Writes ? WriteCycle(item) + Latency : -1;

    /// <summary>Earliest cycle of write <paramref name="item"/>, or -1 while the read freeing its slot is unknown.</summary>
    public long WriteReady(int item)
    {
        int freeing = item - Depth;
        if (freeing < 0)
            return 0;
        return freeing < Reads ? ReadCycle(freeing) + 1 : -1;
    }

    public void RecordWrite(long cycle)
    {
        _writeCycles[Writes & _mask] = cycle;
        Writes++;
        Merge(final: false);
    }

    public void RecordRead(long cycle)
    {
        _readCycles[Reads & _mask] = cycle;
        Reads++;
        Merge(final: false);
    }

    /// <summary>Counts writes still unmerged once no further reads will come.</summary>
    public void Finish() => Merge(final: true);

    // Occupancy at the end of a cycle = writes up to it - reads up to it. Reads at a cycle are applied before
    // writes at the same cycle (a read at cycle c is never of an item written at c), so the running value
    // after each write is an end-of-cycle occupancy and its maximum is the peak.
    private void Merge(bool final)
    {
        while (true)
        {
            bool haveWrite = _mergedWrites < Writes, haveRead = _mergedReads < Reads;
            if (haveWrite && haveRead)
            {
                if (ReadCycle(_mergedReads) <= WriteCycle(_mergedWrites))
                    _mergedReads++;
                else
                    MergeWrite();
            }
            else if (haveWrite)
            {
                // The next read is of an item not yet merged, or of this very item: it comes later.
                if (!final && _mergedReads != _mergedWrites)
                    return;
                MergeWrite();
            }
            else if (haveRead)
            {
                // The next write waits for read (next - depth) + 1, so reads up to that one come first.
                if (_mergedReads > _mergedWrites - Depth)
                    return;
                _mergedReads++;
            }
            else
            {
                return;
            }
        }
    }

    private void MergeWrite()
    {
        _mergedWrites++;
        MaxOccupancy = Math.Max(MaxOccupancy, _mergedWrites - _mergedReads);
    }
}
