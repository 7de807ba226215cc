namespace Accel.Omap.PathOram;

public partial class PathOramMap
{
    /// <summary>
    /// Trusted-side audit for tests: every item with its value, read without host traffic (buckets are peeked and
    /// authenticated, versions untouched), after checking each block lies on the path of the leaf the position map
    /// gives it and that no key appears twice. Throws <see cref="OmapInvariantException"/> on any disagreement.
    /// </summary>
    internal Dictionary<ulong, byte[]> Audit()
    {
        var contents = new Dictionary<ulong, byte[]>(Count);
        for (int s = 0; s < stashCount; s++)
            Record(contents, arena.Key(stash[s]), arena.Leaf(stash[s]), bucket: -1, arena.Value(stash[s]));
        var sealedBucket = new byte[Store.SealedBytes];
        var plain = new byte[Store.PlaintextBytes];
        int blockBytes = Parameters.BlockBytes;
        for (int bucket = 0; bucket < Parameters.BucketCount; bucket++)
        {
            Host.Peek(Store.OffsetOf(bucket), sealedBucket);
            Store.Open(bucket, sealedBucket, plain);
            for (int slot = 0; slot < PathOramParameters.BucketSize; slot++)
            {
                int leaf = BucketLayout.Leaf(plain, slot, blockBytes);
                if (leaf >= 0)
                    Record(contents, BucketLayout.Key(plain, slot, blockBytes), leaf, bucket, BucketLayout.Value(plain, slot, blockBytes));
            }
        }
        if (contents.Count != Count) Fail($"found {contents.Count} items, the position map holds {Count}");
        return contents;
    }

    private void Record(Dictionary<ulong, byte[]> contents, ulong key, int leaf, int bucket, ReadOnlySpan<byte> value)
    {
        int item = Index.Find(key);
        if (item < 0) Fail($"block with key {key} is not in the position map");
        if (leafOf[item] != leaf) Fail($"key {key}: block says leaf {leaf}, position map says {leafOf[item]}");
        if (bucket >= 0 && OramTree.BucketOnPath(leaf, OramTree.DepthOf(bucket), Parameters.LeafDepth) != bucket)
            Fail($"key {key} sits in bucket {bucket}, off the path to its leaf {leaf}");
        if (!contents.TryAdd(key, value.ToArray())) Fail($"key {key} is stored twice");
    }

    private static void Fail(string message) => throw new OmapInvariantException("Path ORAM audit: " + message);
}
