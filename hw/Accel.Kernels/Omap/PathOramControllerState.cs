namespace Accel.Kernels.Omap;

/// <summary>
/// The state of the path_oram_controller kernel between batches, one array per port: position map (HBM), the tree
/// (host memory), the spilled stash, counters and the generator's counter. <see cref="Build"/> loads N items as a
/// bulk build would: each gets a random leaf and goes to the deepest bucket of its path with room (else the stash).
/// </summary>
public sealed class PathOramControllerState
{
    public PathOramControllerState(int capacity, int depth, int valueWords, int stashBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(valueWords);
        (Capacity, Depth, ValueWords, StashBound) = (capacity, depth, valueWords, stashBound);
        Positions = new ulong[OmapControllerLayout.TableBuckets(capacity) * OmapControllerLayout.BucketRecords * OmapControllerLayout.RecordWords];
        Tree = new ulong[(long)PathOramLayout.TreeBuckets(depth) * PathOramLayout.BucketWords(valueWords)];
        Stash = new ulong[stashBound * PathOramLayout.BlockWords(valueWords)];
    }

    public int Capacity { get; }
    public int Depth { get; }
    public int ValueWords { get; }
    public int StashBound { get; }
    public ulong Salt { get; set; }
    public ulong Seed { get; set; }
    public ulong[] Positions { get; }
    public ulong[] Tree { get; }
    public ulong[] Stash { get; }
    public int[] Counters { get; } = new int[PathOramLayout.Counters];
    public ulong[] Generator { get; } = new ulong[1];

    /// <summary>Loads (key, value words) pairs into an empty state, drawing leaves from the generator.</summary>
    public void Build(IReadOnlyList<(ulong Key, ulong[] Value)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > Capacity) throw new ArgumentException($"{items.Count} items for a capacity of {Capacity}", nameof(items));
        int blockWords = PathOramLayout.BlockWords(ValueWords), buckets = OmapControllerLayout.TableBuckets(Capacity);
        var bucketFill = new byte[PathOramLayout.TreeBuckets(Depth)];
        int stashCount = 0;
        foreach (var (key, value) in items)
        {
            int leaf = (int)(OmapControllerLayout.GeneratorWord(Seed, Generator[0]++) >> (64 - Depth));
            int record = FreeRecord(key, buckets);
            Positions[record * 2] = key;
            Positions[record * 2 + 1] = (ulong)(leaf + 1);
            long at = -1;
            for (int level = Depth; level >= 0 && at < 0; level--)
            {
                int b = (1 << level) - 1 + (leaf >> (Depth - level));
                if (bucketFill[b] < PathOramLayout.BucketBlocks) at = ((long)b * PathOramLayout.BucketBlocks + bucketFill[b]++) * blockWords;
            }
            var target = at >= 0 ? Tree.AsSpan((int)at, blockWords) : Stash.AsSpan(stashCount++ * blockWords, blockWords);
            target[0] = key;
            target[1] = (ulong)(leaf + 1);
            value.AsSpan(0, ValueWords).CopyTo(target[2..]);
        }
        Counters[PathOramLayout.KeyCountCounter] = items.Count;
        Counters[PathOramLayout.StashCountCounter] = stashCount;
    }

    /// <summary>Runs one batch through the C# kernel; returns the decision records and the values read.</summary>
    public (int[] Decisions, ulong[] Results) Run(PathOramController kernel, int[] operations, ulong[] keys, ulong[] values)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var decisions = new int[operations.Length * PathOramLayout.DecisionWords];
        var results = new ulong[operations.Length * ValueWords];
        kernel.Run(operations, keys, values, results, decisions, Positions, Tree, Stash, Counters, Generator, operations.Length, (long)Salt, (long)Seed);
        return (decisions, results);
    }

    /// <summary>The first empty record from the key's home bucket on (the kernel's insertion rule).</summary>
    private int FreeRecord(ulong key, int buckets)
    {
        for (int b = OmapControllerLayout.Home(key, Salt, buckets), step = 0; step < buckets; step++, b = (b + 1) & (buckets - 1))
            for (int way = 0; way < OmapControllerLayout.BucketRecords; way++)
                if (Positions[(b * OmapControllerLayout.BucketRecords + way) * 2 + 1] == 0) return b * OmapControllerLayout.BucketRecords + way;
        throw new InvalidOperationException("position map full");
    }
}
