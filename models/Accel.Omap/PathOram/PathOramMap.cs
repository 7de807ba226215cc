using Accel.Omap.Host;
using Accel.Omap.Randomness;
using Accel.Omap.Trusted;

namespace Accel.Omap.PathOram;

/// <summary>
/// Path ORAM baseline behind the same map interface. Keys index the position map directly: the position map
/// (key -> leaf) is trusted and HBM-resident, like BOLT's key table, so no key hashing to block numbers is
/// needed and there are no collisions. Each access reads one root-to-leaf path (the item's leaf, or a fresh
/// random leaf on a miss or a new key), gives the item a new random leaf, and writes the path back, moving
/// stash blocks as deep as their leaves allow. The host sees one uniformly random path per access.
/// </summary>
public partial class PathOramMap : SealedStoreMap
{
    private readonly IRandomSource random;
    private readonly BlockArena arena;
    private readonly int[] leafOf;
    private readonly int[] stash;
    private readonly long[] stashHistogram;
    private int stashCount;

    // Scratch for one access: the path's plaintext buckets, the blocks being worked on and the eviction plan.
    private readonly byte[] path;
    private readonly int[] working;
    private readonly int[] sharedDepth;
    private readonly int[] byDepth;
    private readonly int[] carry;
    private readonly int[] assigned;
    private readonly int[] assignedCount;

    private protected PathOramMap(PathOramParameters parameters, IRandomSource random) : base("pathoram", "Path ORAM", parameters, random)
    {
        Parameters = parameters;
        this.random = random;
        int workingCapacity = parameters.StashBound + PathOramParameters.BucketSize * parameters.PathBuckets + 1;
        arena = new BlockArena(workingCapacity, parameters.ValueBytes);
        leafOf = new int[parameters.Capacity];
        stash = new int[workingCapacity];
        stashHistogram = new long[parameters.StashBound + 1];
        path = new byte[parameters.PathBuckets * parameters.BucketPlaintextBytes];
        working = new int[workingCapacity];
        sharedDepth = new int[workingCapacity];
        byDepth = new int[workingCapacity];
        carry = new int[workingCapacity];
        assigned = new int[parameters.PathBuckets * PathOramParameters.BucketSize];
        assignedCount = new int[parameters.PathBuckets];
    }

    /// <summary>Builds a map holding <paramref name="items"/> (at most N of them, distinct keys).</summary>
    /// <param name="random">Leaf and key randomness: <see cref="CryptoRandomSource"/> in production.</param>
    public static PathOramMap Build(PathOramParameters parameters, KeyValueDataSet items, IRandomSource random) =>
        Loaded(new PathOramMap(parameters, random), items);

    public PathOramParameters Parameters { get; }

    /// <summary>Blocks in the stash now (between accesses).</summary>
    public int StashSize => stashCount;

    /// <summary>Largest stash seen after any access since the build.</summary>
    public int MaxStashSize { get; private set; }

    /// <summary>How many accesses left the stash with 0, 1, ..., StashBound blocks.</summary>
    public long[] StashSizeHistogram() => (long[])stashHistogram.Clone();

    private Span<byte> PathBucket(int depth) =>
        path.AsSpan(depth * Parameters.BucketPlaintextBytes, Parameters.BucketPlaintextBytes);
}
