namespace Accel.Omap.PathOram;

/// <summary>
/// Trusted storage for the blocks an access works on: the stash plus one path's worth of blocks read from the
/// host. Fixed size (stash bound + Z * path length + 1), so a large stash can never eat HBM unnoticed.
/// </summary>
internal sealed class BlockArena
{
    private readonly int valueBytes;
    private readonly ulong[] keys;
    private readonly int[] leaves;
    private readonly byte[] values;
    private readonly int[] free;
    private int freeCount;

    public BlockArena(int capacity, int valueBytes)
    {
        this.valueBytes = valueBytes;
        keys = new ulong[capacity];
        leaves = new int[capacity];
        values = new byte[capacity * valueBytes];
        free = new int[capacity];
        for (int i = 0; i < capacity; i++) free[i] = capacity - 1 - i;
        freeCount = capacity;
    }

    public int Allocate(ulong key, int leaf)
    {
        if (freeCount == 0) throw new OmapInvariantException($"block arena exhausted ({free.Length} blocks)");
        int block = free[--freeCount];
        keys[block] = key;
        leaves[block] = leaf;
        return block;
    }

    public void Free(int block) => free[freeCount++] = block;

    public ulong Key(int block) => keys[block];

    public ref int Leaf(int block) => ref leaves[block];

    public Span<byte> Value(int block) => values.AsSpan(block * valueBytes, valueBytes);

    /// <summary>Copies the real blocks of a bucket into the arena, appending their ids to <paramref name="into"/>.</summary>
    public int LoadBucket(ReadOnlySpan<byte> bucket, int blockBytes, Span<int> into)
    {
        int loaded = 0;
        for (int slot = 0; slot < PathOramParameters.BucketSize; slot++)
        {
            int leaf = BucketLayout.Leaf(bucket, slot, blockBytes);
            if (leaf < 0) continue;
            int block = Allocate(BucketLayout.Key(bucket, slot, blockBytes), leaf);
            BucketLayout.Value(bucket, slot, blockBytes).CopyTo(Value(block));
            into[loaded++] = block;
        }
        return loaded;
    }

    public void StoreInBucket(int block, Span<byte> bucket, int slot, int blockBytes) =>
        BucketLayout.Write(bucket, slot, blockBytes, keys[block], leaves[block], Value(block));
}
