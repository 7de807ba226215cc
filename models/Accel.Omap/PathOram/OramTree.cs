using System.Numerics;

namespace Accel.Omap.PathOram;

/// <summary>Bucket numbering of the tree in heap order: root 0, children of b at 2b+1 and 2b+2.</summary>
internal static class OramTree
{
    /// <summary>The bucket at <paramref name="depth"/> on the path from the root to <paramref name="leaf"/>.</summary>
    public static int BucketOnPath(int leaf, int depth, int leafDepth) => (1 << depth) - 1 + (leaf >> (leafDepth - depth));

    /// <summary>Deepest depth at which the paths to two leaves still share a bucket.</summary>
    public static int SharedDepth(int leafA, int leafB, int leafDepth) =>
        leafDepth - (32 - BitOperations.LeadingZeroCount((uint)(leafA ^ leafB)));

    /// <summary>Depth of a bucket in the tree.</summary>
    public static int DepthOf(int bucket) => 31 - BitOperations.LeadingZeroCount((uint)bucket + 1);
}
