using Accel.Hw;

namespace Accel.Kernels.Omap;

/// <summary>
/// Path ORAM (Stefanov et al., CCS 2013) as a controller kernel, the baseline BOLT is set against on the same
/// card: a binary tree of 2^depth leaves whose buckets hold Z = 4 blocks of (key, leaf + 1, value words) in host
/// memory (HOST[0], across PCIe; a real design seals each bucket with AES-GCM, which the timing adds at its stated
/// rate), the position map in the same bucketed HBM key table as BOLT's (location = leaf + 1), and the stash on
/// chip for the batch. Per request: look the key up, read the whole path to its leaf (a fresh random leaf for a
/// miss or a new key) as one pipelined stream, move its real blocks into the stash, serve the request there, give
/// a staying block a new random leaf, evict greedily (each stash block to the deepest bucket of the path that is
/// on its own path and has room, in stash order), write the path back and compact the stash. Randomness comes
/// from the same on-chip counter-based generator as BOLT's controller (leaf = top depth bits of a word).
/// The host sees one uniformly random path read and written per request; a refused request (map full) moves nothing.
/// </summary>
[Kernel("path_oram_controller")]
[Config("n64", "capacity=64,depth=4,valueWords=2,stashBound=24")]
[Config("n256-v1", "capacity=256,depth=7,valueWords=1,stashBound=40")]
public sealed class PathOramController(
    [Range(1, 1 << 26)] int capacity = 64,
    [Range(1, 24)] int depth = 4,
    [Range(1, 32)] int valueWords = 2,
    [Range(1, 1024)] int stashBound = 24)
{
    const int Z = PathOramLayout.BucketBlocks;
    const int BucketWords = OmapControllerLayout.BucketRecords * OmapControllerLayout.RecordWords;
    const int DecisionWords = PathOramLayout.DecisionWords;
    const int Get = OmapControllerLayout.Get;
    const int Put = OmapControllerLayout.Put;
    const int Delete = OmapControllerLayout.Delete;
    const int Done = PathOramLayout.Done;
    const int MapFull = PathOramLayout.MapFull;
    const int StashOverflow = PathOramLayout.StashOverflow;
    const int NotRun = PathOramLayout.NotRun;
    const int BadOperation = PathOramLayout.BadOperation;

    [Top]
    public void Run(
        [MAxi("gmem0", "HBM[0]")] int[] operations,
        [MAxi("gmem0", "HBM[0]")] ulong[] keys,
        [MAxi("gmem0", "HBM[0]")] ulong[] values,
        [MAxi("gmem0", "HBM[0]")] ulong[] results,
        [MAxi("gmem0", "HBM[0]")] int[] decisions,
        [MAxi("gmem1", "HBM[1]")] ulong[] positions,
        [MAxi("gmemh", "HOST[0]")] ulong[] tree,
        [MAxi("gmem2", "HBM[2]")] ulong[] stash,
        [MAxi("gmem2", "HBM[2]")] int[] counters,
        [MAxi("gmem2", "HBM[2]")] ulong[] generator,
        int requests, long salt, long seed)
    {
        ulong saltBits = (ulong)salt;
        ulong seedBits = (ulong)seed;
        int blockWords = 2 + valueWords;
        int pathWords = (depth + 1) * Z * (2 + valueWords);
        int bucketMask = OmapKeyTable.Buckets(capacity) - 1;
        // The stash on chip: the bound, plus room for a whole path and one new block before eviction.
        ulong[] held = new ulong[(stashBound + Z * (depth + 1) + 1) * (2 + valueWords)];
        ulong[] path = new ulong[(depth + 1) * Z * (2 + valueWords)];
        int[] fill = new int[depth + 1];
        Hls.ArrayPartition(fill, PartitionKind.Complete);
        ulong[] bucket = new ulong[BucketWords];
        Hls.ArrayPartition(bucket, PartitionKind.Complete);
        int[] lookup = new int[3];
        int keyCount = counters[PathOramLayout.KeyCountCounter];
        int stashCount = counters[PathOramLayout.StashCountCounter];
        ulong drawn = generator[0];
        for (int w = 0; w < stashCount * blockWords; w++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(0, 4096);
            held[w] = stash[w];
        }
        int done = 0;
        bool failed = false;

        for (int r = 0; r < requests; r++)
        {
            Hls.LoopTripCount(1, 4096);
            int operation = operations[r];
            ulong key = keys[r];
            if (failed || operation < Get || operation > Delete)
            {
                WriteDecision(decisions, r * DecisionWords, failed ? NotRun : BadOperation, 0, -1, stashCount);
                if (!failed) done++;
                continue;
            }
            OmapKeyTable.Lookup(positions, bucket, key, OmapKeyTable.Home(key, saltBits, bucketMask), bucketMask, lookup);
            bool present = lookup[0] >= 0;
            if (operation == Put && !present && keyCount == capacity)
            {
                WriteDecision(decisions, r * DecisionWords, MapFull, 0, -1, stashCount);
                done++;
                continue;
            }
            // The revealed leaf: the block's, or a fresh one so a miss reads a path like a hit.
            int leaf;
            if (present) leaf = (int)positions[lookup[0] * 2 + 1] - 1;
            else
            {
                leaf = (int)(OmapKeyTable.GeneratorWord(seedBits, drawn) >> (64 - depth));
                drawn++;
            }
            bool stays = operation == Put || (operation == Get && present);
            int newLeaf = -1;
            if (stays)
            {
                newLeaf = (int)(OmapKeyTable.GeneratorWord(seedBits, drawn) >> (64 - depth));
                drawn++;
            }

            ReadPath(tree, path, leaf, pathWords);
            stashCount = TakeRealBlocks(path, held, stashCount, blockWords);
            int at = FindInStash(held, stashCount, key, blockWords);
            for (int w = 0; w < valueWords; w++)
            {
                Hls.Pipeline(1);
                results[r * valueWords + w] = operation == Get && at >= 0 ? held[at * blockWords + 2 + w] : 0UL;
            }
            if (operation == Put && at < 0)
            {
                // A new key: a new block in the stash, a new record in the position map.
                at = stashCount;
                stashCount++;
                held[at * blockWords] = key;
                positions[lookup[1] * 2] = key;
                keyCount++;
            }
            if (operation == Put)
            {
                for (int w = 0; w < valueWords; w++)
                {
                    Hls.Pipeline(1);
                    held[at * blockWords + 2 + w] = values[r * valueWords + w];
                }
            }
            if (stays)
            {
                held[at * blockWords + 1] = (ulong)(newLeaf + 1);
                positions[(present ? lookup[0] : lookup[1]) * 2 + 1] = (ulong)(newLeaf + 1);
            }
            else if (present)
            {
                held[at * blockWords + 1] = 0UL;
                OmapKeyTable.RemoveAt(positions, bucket, lookup[0], saltBits, bucketMask);
                keyCount--;
            }

            Evict(held, stashCount, path, fill, leaf, blockWords, pathWords);
            WritePath(tree, path, leaf, pathWords);
            stashCount = Compact(held, stashCount, blockWords);
            if (stashCount > stashBound) failed = true;
            WriteDecision(decisions, r * DecisionWords, failed ? StashOverflow : Done, present ? 1 : 0, leaf, stashCount);
            done++;
        }

        for (int w = 0; w < stashCount * blockWords; w++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(0, 4096);
            stash[w] = held[w];
        }
        counters[PathOramLayout.KeyCountCounter] = keyCount;
        counters[PathOramLayout.StashCountCounter] = stashCount;
        counters[PathOramLayout.RequestsDoneCounter] = done;
        generator[0] = drawn;
    }

    /// <summary>Bucket of the path to <paramref name="leaf"/> at <paramref name="level"/> (root 0), in heap order.</summary>
    int BucketOnPath(int leaf, int level) => (1 << level) - 1 + (leaf >> (depth - level));

    /// <summary>The whole path, root first, as one pipelined stream: every address is known from the leaf.</summary>
    void ReadPath(ulong[] tree, ulong[] path, int leaf, int pathWords)
    {
        int level = 0, offset = 0;
        for (int i = 0; i < pathWords; i++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 4096);
            path[i] = tree[BucketOnPath(leaf, level) * (Z * (2 + valueWords)) + offset];
            offset++;
            if (offset == Z * (2 + valueWords))
            {
                offset = 0;
                level++;
            }
        }
    }

    void WritePath(ulong[] tree, ulong[] path, int leaf, int pathWords)
    {
        int level = 0, offset = 0;
        for (int i = 0; i < pathWords; i++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 4096);
            tree[BucketOnPath(leaf, level) * (Z * (2 + valueWords)) + offset] = path[i];
            offset++;
            if (offset == Z * (2 + valueWords))
            {
                offset = 0;
                level++;
            }
        }
    }

    /// <summary>Appends the path's real blocks (leaf word non-zero) to the stash; returns the new count.</summary>
    int TakeRealBlocks(ulong[] path, ulong[] held, int stashCount, int blockWords)
    {
        int count = stashCount;
        for (int b = 0; b < (depth + 1) * Z; b++)
        {
            Hls.LoopTripCount(4, 100);
            if (path[b * blockWords + 1] != 0UL)
            {
                for (int w = 0; w < blockWords; w++)
                {
                    Hls.Pipeline(1);
                    held[count * blockWords + w] = path[b * blockWords + w];
                }
                count++;
            }
        }
        return count;
    }

    int FindInStash(ulong[] held, int stashCount, ulong key, int blockWords)
    {
        int found = -1;
        for (int s = 0; s < stashCount; s++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(0, 200);
            if (found < 0 && held[s * blockWords + 1] != 0UL && held[s * blockWords] == key) found = s;
        }
        return found;
    }

    /// <summary>
    /// Greedy eviction in one pass over the stash: each real block goes to the deepest bucket of the path that is on
    /// its own path (same leaf prefix) and still has room; placed blocks are marked empty in the stash. The path
    /// buffer is cleared first, so unused slots go back as dummies.
    /// </summary>
    void Evict(ulong[] held, int stashCount, ulong[] path, int[] fill, int leaf, int blockWords, int pathWords)
    {
        for (int i = 0; i < pathWords; i++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 4096);
            path[i] = 0UL;
        }
        for (int level = 0; level <= depth; level++)
        {
            Hls.Unroll();
            fill[level] = 0;
        }
        for (int s = 0; s < stashCount; s++)
        {
            Hls.LoopTripCount(0, 200);
            ulong leafWord = held[s * blockWords + 1];
            if (leafWord == 0UL) continue;
            int blockLeaf = (int)leafWord - 1;
            int target = -1;
            for (int level = 0; level <= depth; level++)
            {
                Hls.Unroll();
                if (((blockLeaf ^ leaf) >> (depth - level)) == 0 && fill[level] < Z) target = level;
            }
            if (target < 0) continue;
            int to = (target * Z + fill[target]) * blockWords;
            for (int w = 0; w < blockWords; w++)
            {
                Hls.Pipeline(1);
                path[to + w] = held[s * blockWords + w];
            }
            fill[target] = fill[target] + 1;
            held[s * blockWords + 1] = 0UL;
        }
    }

    /// <summary>Moves the stash's remaining real blocks to its front, in order; returns their count.</summary>
    int Compact(ulong[] held, int stashCount, int blockWords)
    {
        int kept = 0;
        for (int s = 0; s < stashCount; s++)
        {
            Hls.LoopTripCount(0, 200);
            if (held[s * blockWords + 1] == 0UL) continue;
            for (int w = 0; w < blockWords; w++)
            {
                Hls.Pipeline(1);
                Hls.Dependence(held, carried: false); // kept <= s: a word is written only after it was read
                held[kept * blockWords + w] = held[s * blockWords + w];
            }
            kept++;
        }
        return kept;
    }

    void WriteDecision(int[] decisions, int at, int status, int found, int leaf, int stashCount)
    {
        decisions[at] = status;
        decisions[at + 1] = found;
        decisions[at + 2] = leaf;
        decisions[at + 3] = stashCount;
    }

    [Stimulus]
    public void Stimulus(Stimulus s) =>
        PathOramControllerStimulus.Fill(s, capacity, depth, valueWords, stashBound);
}
