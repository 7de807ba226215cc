namespace Accel.Kernels.Omap;

/// <summary>The words the path_oram_controller kernel shares with its callers (plain C#, never transpiled).</summary>
public static class PathOramLayout
{
    /// <summary>Z: blocks per bucket.</summary>
    public const int BucketBlocks = 4;

    // Decision record: status, found (0/1), the leaf whose path the host saw (-1 when none), stash size after.
    public const int DecisionWords = 4;
    public const int StatusField = 0;
    public const int FoundField = 1;
    public const int LeafField = 2;
    public const int StashField = 3;

    public const int Done = 0;
    public const int MapFull = 1;
    /// <summary>The stash outgrew its bound after this request: the batch stops here (the rest are NotRun).</summary>
    public const int StashOverflow = 2;
    public const int NotRun = 3;
    public const int BadOperation = 4;

    public const int Counters = 3;
    public const int KeyCountCounter = 0;
    public const int StashCountCounter = 1;
    public const int RequestsDoneCounter = 2;

    /// <summary>Leaf bits for N items: 2^(ceil(log2 N) - 1) leaves (about N buckets, 4N slots), as PathOramParameters.</summary>
    public static int Depth(int capacity) => Math.Max(1, (int)Math.Ceiling(Math.Log2(Math.Max(2, capacity))) - 1);

    public static int BlockWords(int valueWords) => 2 + valueWords;

    public static int BucketWords(int valueWords) => BucketBlocks * BlockWords(valueWords);

    /// <summary>Buckets of a tree with 2^depth leaves: 2^(depth + 1) - 1.</summary>
    public static int TreeBuckets(int depth) => (1 << (depth + 1)) - 1;
}
