namespace Accel.Emulation;

/// <summary>
/// Cycle numbers indexed by an ever-growing sequence number, keeping only a sliding window
/// [<see cref="Low"/>, end). Grows by doubling when the window outgrows it, so steady state allocates nothing.
/// </summary>
internal sealed class CycleRing
{
    private long[] _items;
    private long _mask;

    public CycleRing(int minimumCapacity)
    {
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, minimumCapacity));
        _items = new long[size];
        _mask = size - 1;
    }

    /// <summary>Oldest sequence number still needed; entries below it may be overwritten.</summary>
    public long Low { get; set; }

    public long this[long seq]
    {
        get => _items[seq & _mask];
        set => _items[seq & _mask] = value;
    }

    /// <summary>Makes room for sequence numbers up to <paramref name="end"/> (exclusive).</summary>
    public void EnsureWindow(long end)
    {
        if (end - Low <= _items.Length)
            return;
        long size = _items.Length;
        while (end - Low > size)
            size *= 2;
        var grown = new long[size];
        for (long s = Low; s < end; s++)
            grown[s & (size - 1)] = _items[s & _mask];
        _items = grown;
        _mask = size - 1;
    }
}
