namespace Accel.Omap.Bolt;

/// <summary>
/// Value storage in HBM for items in HBM bins and items waiting in the eviction queue, with its free-slot list.
/// Each slot also records its owner item and a link used by the queue. The arrays grow on demand up to a hard
/// limit (HBM bins full plus a full queue), so small maps stay small and large ones are never refused for space.
/// </summary>
internal sealed class HbmSlotPool(int valueBytes, int limit)
{
    private byte[] values = [];
    private int[] owners = [];
    private int[] links = [];
    private int[] free = [];
    private int freeCount;
    private int allocated;

    public int Limit { get; } = limit;

    public int InUse => allocated - freeCount;

    public int Allocate(int owner)
    {
        if (freeCount == 0) Grow();
        int slot = free[--freeCount];
        owners[slot] = owner;
        links[slot] = -1;
        return slot;
    }

    public void Free(int slot) => free[freeCount++] = slot;

    public Span<byte> Value(int slot) => values.AsSpan(slot * valueBytes, valueBytes);

    public int Owner(int slot) => owners[slot];

    /// <summary>The next slot in the same eviction-queue list, or -1.</summary>
    public ref int Link(int slot) => ref links[slot];

    private void Grow()
    {
        if (allocated == Limit)
            throw new OmapInvariantException($"HBM slot pool exhausted at its limit of {Limit} slots");
        int grown = (int)Math.Min(Limit, Math.Max(1024L, 2L * allocated));
        Array.Resize(ref values, grown * valueBytes);
        Array.Resize(ref owners, grown);
        Array.Resize(ref links, grown);
        Array.Resize(ref free, grown);
        for (int slot = grown - 1; slot >= allocated; slot--) free[freeCount++] = slot;
        allocated = grown;
    }
}
