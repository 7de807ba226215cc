using Accel.Omap.Randomness;

namespace Accel.Omap.PathOram;

public partial class PathOramMap
{
    /// <summary>
    /// Bulk build: each item gets a uniform leaf and goes into the deepest bucket on its path with room (the
    /// stash if none has), then every bucket is sealed and written once in bucket order, so the build's host trace
    /// depends only on sizes.
    /// </summary>
    private protected override void Load(KeyValueDataSet items)
    {
        CheckFits(items);

        int leafDepth = Parameters.LeafDepth;
        var occupancy = new byte[Parameters.BucketCount];
        var bucketOf = new int[items.Count];
        var leaves = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            ulong key = items.Key(i);
            if (Index.Find(key) >= 0)
                throw new ArgumentException($"data set item {i}: key {key} repeats an earlier key", nameof(items));
            int leaf = random.NextBelow(Parameters.LeafCount);
            leafOf[Index.Add(key)] = leaf;
            leaves[i] = leaf;
            bucketOf[i] = -1;
            for (int depth = leafDepth; depth >= 0 && bucketOf[i] < 0; depth--)
            {
                int bucket = OramTree.BucketOnPath(leaf, depth, leafDepth);
                if (occupancy[bucket] < PathOramParameters.BucketSize)
                {
                    occupancy[bucket]++;
                    bucketOf[i] = bucket;
                }
            }
            if (bucketOf[i] >= 0) continue;
            if (stashCount == Parameters.StashBound)
                throw new OmapBoundExceededException("stash", Parameters.StashBound,
                    $"bulk build: item {i} fits on no bucket of its path and the stash already holds {Parameters.StashBound} blocks");
            int block = arena.Allocate(key, leaf);
            items.Value(i).CopyTo(arena.Value(block));
            stash[stashCount++] = block;
        }
        WriteAllBuckets(items, leaves, bucketOf, occupancy);
        MaxStashSize = stashCount;
    }

    private void WriteAllBuckets(KeyValueDataSet items, int[] leaves, int[] bucketOf, byte[] occupancy)
    {
        // Counting sort of items by bucket, so each bucket is assembled and written once.
        var starts = new int[Parameters.BucketCount + 1];
        for (int bucket = 0; bucket < Parameters.BucketCount; bucket++) starts[bucket + 1] = starts[bucket] + occupancy[bucket];
        var byBucket = new int[starts[^1]];
        var fill = starts[..^1];
        for (int i = 0; i < items.Count; i++)
            if (bucketOf[i] >= 0) byBucket[fill[bucketOf[i]]++] = i;

        Span<byte> plain = PathBucket(0);
        int blockBytes = Parameters.BlockBytes;
        for (int bucket = 0; bucket < Parameters.BucketCount; bucket++)
        {
            BucketLayout.Clear(plain, blockBytes);
            for (int k = starts[bucket]; k < starts[bucket + 1]; k++)
            {
                int i = byBucket[k];
                BucketLayout.Write(plain, k - starts[bucket], blockBytes, items.Key(i), leaves[i], items.Value(i));
            }
            Store.Write(bucket, plain);
        }
    }
}
