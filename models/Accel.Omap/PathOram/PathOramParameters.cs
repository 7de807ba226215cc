namespace Accel.Omap.PathOram;

/// <summary>
/// Path ORAM sizes: a binary tree of buckets of Z = 4 blocks with 2^(ceil(log2 N) - 1) leaves (about N buckets, so
/// 4N block slots for N items), a trusted stash of at most <see cref="StashBound"/> blocks, and a trusted
/// position map. The stash bound and its overflow probability are derived in DESIGN.md ("Bounds").
/// </summary>
public sealed class PathOramParameters : ISealedStoreShape
{
    public const int BucketSize = 4;
    public const int DefaultStashBound = 100;
    public const int MinValueBytes = 8;
    public const int MaxValueBytes = 256;
    public const int MaxCapacity = 1 << 28;

    /// <param name="capacity">N, the most items the map holds.</param>
    /// <param name="valueBytes">V, bytes of every value, 8..256.</param>
    /// <param name="stashBound">Most blocks the stash holds between accesses.</param>
    public PathOramParameters(int capacity, int valueBytes, int stashBound = DefaultStashBound)
    {
        Require(capacity is >= 1 and <= MaxCapacity, nameof(capacity), $"an item count in [1, {MaxCapacity}]", capacity);
        Require(valueBytes is >= MinValueBytes and <= MaxValueBytes, nameof(valueBytes),
            $"a value size in [{MinValueBytes}, {MaxValueBytes}] bytes", valueBytes);
        Require(stashBound >= 0, nameof(stashBound), "a non-negative block count", stashBound);
        Capacity = capacity;
        ValueBytes = valueBytes;
        StashBound = stashBound;
        LeafDepth = Math.Max(0, (int)Math.Ceiling(Math.Log2(capacity)) - 1);
    }

    public int Capacity { get; }

    public int ValueBytes { get; }

    public int StashBound { get; }

    /// <summary>Depth of the leaves (the root is depth 0); every path holds LeafDepth + 1 buckets.</summary>
    public int LeafDepth { get; }

    public int LeafCount => 1 << LeafDepth;

    public int BucketCount => (1 << (LeafDepth + 1)) - 1;

    public int PathBuckets => LeafDepth + 1;

    /// <summary>Bytes of one block slot: key, leaf (-1 marks an empty slot), value.</summary>
    public int BlockBytes => sizeof(ulong) + sizeof(int) + ValueBytes;

    public int BucketPlaintextBytes => BucketSize * BlockBytes;

    int ISealedStoreShape.StorePages => BucketCount;

    int ISealedStoreShape.StorePageBytes => BucketPlaintextBytes;

    private static void Require(bool ok, string parameter, string expected, object actual)
    {
        if (!ok) throw new ArgumentOutOfRangeException(parameter, actual, $"Path ORAM parameter '{parameter}': expected {expected}, got {actual}");
    }
}
