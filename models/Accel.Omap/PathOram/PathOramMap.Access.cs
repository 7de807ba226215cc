using Accel.Omap.Randomness;

namespace Accel.Omap.PathOram;

public partial class PathOramMap
{
    /// <summary>
    /// The leaf an item moves to after an access: fresh and uniform, which is what makes the next path read
    /// independent of this one. Only the tests' deliberately leaky variant overrides this.
    /// </summary>
    private protected virtual int NextLeaf(int item, int currentLeaf) => random.NextBelow(Parameters.LeafCount);

    /// <summary>
    /// One request: read and authenticate the whole path, plan where every block goes and check the stash bound
    /// (nothing trusted changes until both succeed), then commit and write the path back.
    /// </summary>
    private protected override bool Access(Request request, ulong key, ReadOnlySpan<byte> newValue, Span<byte> valueOut)
    {
        int item = Index.Find(key);
        bool present = item >= 0;
        if (request == Request.Put && !present && Count == Capacity)
            throw new OmapCapacityException($"Path ORAM map is full: it holds its capacity of {Capacity} items; key {key} is new");

        int leafDepth = Parameters.LeafDepth;
        int readLeaf = present ? leafOf[item] : random.NextBelow(Parameters.LeafCount);
        bool stays = request == Request.Put || (request == Request.Get && present);
        int newLeaf = stays ? NextLeaf(item, readLeaf) : -1;

        for (int depth = 0; depth <= leafDepth; depth++)
            Store.Read(OramTree.BucketOnPath(readLeaf, depth, leafDepth), PathBucket(depth));

        // Working set: the stash, then the path's real blocks, then a new block for a new key.
        stash.AsSpan(0, stashCount).CopyTo(working);
        int workingCount = stashCount;
        for (int depth = 0; depth <= leafDepth; depth++)
            workingCount += arena.LoadBucket(PathBucket(depth), Parameters.BlockBytes, working.AsSpan(workingCount));
        int target = -1;
        for (int w = 0; w < workingCount && present; w++)
            if (arena.Key(working[w]) == key) target = working[w];
        if (present && target < 0) throw new OmapInvariantException($"key {key} is neither on its path nor in the stash");
        if (!present && stays)
        {
            target = arena.Allocate(key, newLeaf);
            working[workingCount++] = target;
        }
        int oldTargetLeaf = target >= 0 ? arena.Leaf(target) : -1;
        if (stays) arena.Leaf(target) = newLeaf;

        int dropped = stays ? -1 : target;
        int leftover = PlanEviction(readLeaf, workingCount, dropped);
        if (leftover > Parameters.StashBound)
        {
            for (int w = stashCount; w < workingCount; w++) arena.Free(working[w]);
            if (target >= 0) arena.Leaf(target) = oldTargetLeaf;
            throw new OmapBoundExceededException("stash", Parameters.StashBound,
                $"Path ORAM stash would hold {leftover} blocks, over its bound of {Parameters.StashBound}; request on key {key} refused");
        }

        if (request == Request.Get && present) arena.Value(target).CopyTo(valueOut);
        if (request == Request.Put) newValue.CopyTo(arena.Value(target));
        if (stays && !present) item = Index.Add(key);
        if (stays) leafOf[item] = newLeaf;
        if (dropped >= 0)
        {
            Index.Remove(key);
            arena.Free(dropped);
        }
        CommitEviction(leftover);
        for (int depth = 0; depth <= leafDepth; depth++)
            Store.Write(OramTree.BucketOnPath(readLeaf, depth, leafDepth), PathBucket(depth));

        stashHistogram[stashCount]++;
        MaxStashSize = Math.Max(MaxStashSize, stashCount);
        return present;
    }

    /// <summary>
    /// Greedy eviction plan, changing nothing: walking the path from the leaf up, each bucket takes up to Z of the
    /// blocks whose own path still passes through it (deeper buckets first, so blocks sink as far as they can).
    /// Fills <c>assigned</c>/<c>assignedCount</c> per depth and leaves the blocks that stay in the stash in
    /// <c>carry</c>; returns their number.
    /// </summary>
    private int PlanEviction(int readLeaf, int workingCount, int dropped)
    {
        int leafDepth = Parameters.LeafDepth;
        Span<int> starts = stackalloc int[leafDepth + 2];
        starts.Clear();
        for (int w = 0; w < workingCount; w++)
        {
            int block = working[w];
            sharedDepth[w] = block == dropped ? -1 : OramTree.SharedDepth(arena.Leaf(block), readLeaf, leafDepth);
            if (sharedDepth[w] >= 0) starts[sharedDepth[w] + 1]++;
        }
        for (int depth = 0; depth <= leafDepth; depth++) starts[depth + 1] += starts[depth];
        Span<int> fill = stackalloc int[leafDepth + 1];
        starts[..(leafDepth + 1)].CopyTo(fill);
        for (int w = 0; w < workingCount; w++)
            if (sharedDepth[w] >= 0) byDepth[fill[sharedDepth[w]]++] = working[w];

        // Every block still carried at depth d can go to bucket d, so which ones a bucket takes does not change
        // how many end up placed: take the most recently arrived.
        int carried = 0;
        for (int depth = leafDepth; depth >= 0; depth--)
        {
            for (int k = starts[depth]; k < starts[depth + 1]; k++) carry[carried++] = byDepth[k];
            int take = Math.Min(PathOramParameters.BucketSize, carried);
            assignedCount[depth] = take;
            for (int j = 0; j < take; j++) assigned[depth * PathOramParameters.BucketSize + j] = carry[--carried];
        }
        return carried;
    }

    /// <summary>Writes the planned blocks into the path's plaintext buckets and keeps the rest as the stash.</summary>
    private void CommitEviction(int leftover)
    {
        for (int depth = 0; depth <= Parameters.LeafDepth; depth++)
        {
            Span<byte> bucket = PathBucket(depth);
            BucketLayout.Clear(bucket, Parameters.BlockBytes);
            for (int j = 0; j < assignedCount[depth]; j++)
            {
                int block = assigned[depth * PathOramParameters.BucketSize + j];
                arena.StoreInBucket(block, bucket, j, Parameters.BlockBytes);
                arena.Free(block);
            }
        }
        carry.AsSpan(0, leftover).CopyTo(stash);
        stashCount = leftover;
    }
}
