using Accel.Omap.Bolt;
using Accel.Omap.PathOram;
using Accel.Omap.Randomness;

namespace Accel.Omap;

/// <summary>The algorithms behind <see cref="IObliviousMap"/>.</summary>
public enum OmapAlgorithm
{
    Bolt,
    PathOram,
}

/// <summary>Builds either map from the same few numbers, so a harness or the CLI need not know their parameter types.</summary>
public static class ObliviousMaps
{
    /// <param name="capacity">N.</param>
    /// <param name="hbmFraction">BOLT's alpha; Path ORAM keeps only its position map and stash in HBM and ignores it.</param>
    /// <param name="layout">BOLT's page layout; Path ORAM ignores it.</param>
    public static IObliviousMap Build(OmapAlgorithm algorithm, int capacity, int valueBytes, double hbmFraction,
        KeyValueDataSet items, IRandomSource random, BoltPageKind layout = BoltPageKind.Padded) => algorithm switch
    {
        OmapAlgorithm.Bolt => BoltMap.Build(BoltParameters.ForLayout(layout, capacity, valueBytes, hbmFraction), items, random),
        OmapAlgorithm.PathOram => PathOramMap.Build(new PathOramParameters(capacity, valueBytes), items, random),
        _ => throw UnknownAlgorithm(algorithm),
    };

    /// <summary>Throws the parameter error <see cref="Build"/> would throw, before any data set is made.</summary>
    public static void Validate(OmapAlgorithm algorithm, int capacity, int valueBytes, double hbmFraction) =>
        _ = algorithm switch
        {
            OmapAlgorithm.Bolt => (object)new BoltParameters(capacity, valueBytes, hbmFraction: hbmFraction),
            OmapAlgorithm.PathOram => new PathOramParameters(capacity, valueBytes),
            _ => throw UnknownAlgorithm(algorithm),
        };

    /// <summary>The modelled probability per access that <paramref name="map"/> refuses a request because a trusted
    /// structure is full (DESIGN.md, "Bounds"): BOLT's bin load (s[L]^2) plus its eviction queue (2^-64), Path ORAM's stash.</summary>
    public static double RefusalBoundPerAccess(IObliviousMap map) => map switch
    {
        BoltMap bolt => BinLoadModel.RefusalProbability(bolt.Parameters.ItemsPerBin, bolt.Parameters.SlotsPerPage) + Math.Pow(2, -BoltParameters.QueueTailBits),
        PathOramMap pathOram => StashTailModel.OverflowProbability(pathOram.Parameters.StashBound),
        _ => throw new ArgumentException($"no refusal bound is modelled for {map.GetType().Name}", nameof(map)),
    };

    private static ArgumentOutOfRangeException UnknownAlgorithm(OmapAlgorithm algorithm) =>
        new(nameof(algorithm), algorithm, "expected Bolt or PathOram");
}
