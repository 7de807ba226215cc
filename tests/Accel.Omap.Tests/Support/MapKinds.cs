namespace Accel.Omap.Tests.Support;

/// <summary>How the shared test suites build and audit each map, so every suite runs against both.</summary>
public abstract class MapKind
{
    public abstract IObliviousMap Build(int capacity, int valueBytes, KeyValueDataSet items, IRandomSource random, bool leaky = false);

    /// <summary>The trusted-side audit: every item and value, after the map's own consistency checks.</summary>
    public abstract Dictionary<ulong, byte[]> Audit(IObliviousMap map);

    /// <summary>How many transfer units (pages or buckets) host memory holds.</summary>
    public static int UnitCount(IObliviousMap map) => (int)(map.Host.Size / map.TransferBytes);
}

public sealed class BoltKind : MapKind
{
    public override IObliviousMap Build(int capacity, int valueBytes, KeyValueDataSet items, IRandomSource random, bool leaky = false)
    {
        var parameters = new BoltParameters(capacity, valueBytes);
        return leaky ? new LeakyBoltMap(parameters, items, random) : BoltMap.Build(parameters, items, random);
    }

    public override Dictionary<ulong, byte[]> Audit(IObliviousMap map) => ((BoltMap)map).Audit();
}

public sealed class PathOramKind : MapKind
{
    public override IObliviousMap Build(int capacity, int valueBytes, KeyValueDataSet items, IRandomSource random, bool leaky = false)
    {
        var parameters = new PathOramParameters(capacity, valueBytes);
        return leaky ? new LeakyPathOramMap(parameters, items, random) : PathOramMap.Build(parameters, items, random);
    }

    public override Dictionary<ulong, byte[]> Audit(IObliviousMap map) => ((PathOramMap)map).Audit();
}
