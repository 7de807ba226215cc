namespace Accel.Omap.Tests;

/// <summary>
/// Bad requests and bad data sets get a clear error, and a refused request changes nothing: no host transfer,
/// and the trusted audit still matches the mirror.
/// </summary>
public abstract class RefusalTests(MapKind kind)
{
    private const int Capacity = 64, ValueBytes = 16;

    [Fact]
    public void WrongValueSizeIsRefusedAndChangesNothing()
    {
        var items = KeyValueDataSet.CreateRandom(Capacity / 2, ValueBytes, seed: 41);
        using var random = new SeededRandomSource(42);
        using var map = kind.Build(Capacity, ValueBytes, items, random);
        var mirror = new MapMirror(items);
        long transfers = map.Host.Traffic.Transfers;

        var put = Assert.Throws<ArgumentException>(() => map.Put(items.Key(0), new byte[ValueBytes - 1]));
        Assert.Equal("value", put.ParamName);
        Assert.Contains($"{ValueBytes}-byte values", put.Message);
        var get = Assert.Throws<ArgumentException>(() => map.TryGet(items.Key(0), new byte[ValueBytes + 1]));
        Assert.Contains($"has {ValueBytes + 1} bytes", get.Message);

        Assert.Equal(transfers, map.Host.Traffic.Transfers);
        mirror.AssertSameAs(kind.Audit(map));
    }

    [Fact]
    public void NewKeyInAFullMapIsRefusedAndChangesNothing()
    {
        var items = KeyValueDataSet.CreateRandom(Capacity, ValueBytes, seed: 43);
        using var random = new SeededRandomSource(44);
        using var map = kind.Build(Capacity, ValueBytes, items, random);
        var mirror = new MapMirror(items);
        long transfers = map.Host.Traffic.Transfers;

        var error = Assert.Throws<OmapCapacityException>(() => map.Put(12345, new byte[ValueBytes]));
        Assert.Contains($"capacity of {Capacity}", error.Message);
        Assert.Equal(transfers, map.Host.Traffic.Transfers);
        mirror.AssertSameAs(kind.Audit(map));

        // Updates of present keys still go through.
        mirror.Check(map, new MapOperation(MapOperationKind.Put, items.Key(3), 7), step: 0);
        mirror.AssertSameAs(kind.Audit(map));
    }

    [Fact]
    public void BulkBuildRejectsBadDataSetsClearly()
    {
        using var random = new SeededRandomSource(45);
        var keys = Enumerable.Range(0, 8).Select(i => (ulong)(i * 1000 + 1)).ToArray();
        keys[5] = keys[2];
        var duplicate = Assert.Throws<ArgumentException>(() => kind.Build(Capacity, ValueBytes, new KeyValueDataSet(keys, new byte[8 * ValueBytes], ValueBytes), random));
        Assert.Contains("item 5", duplicate.Message);

        var wrongSize = Assert.Throws<ArgumentException>(() => kind.Build(Capacity, ValueBytes, KeyValueDataSet.CreateRandom(4, ValueBytes + 8, seed: 46), random));
        Assert.Contains($"{ValueBytes + 8}-byte values", wrongSize.Message);

        var tooMany = Assert.Throws<OmapCapacityException>(() => kind.Build(Capacity, ValueBytes, KeyValueDataSet.CreateRandom(Capacity + 1, ValueBytes, seed: 47), random));
        Assert.Contains($"{Capacity + 1} items", tooMany.Message);

        var mismatch = Assert.Throws<ArgumentException>(() => new KeyValueDataSet([1, 2, 3], new byte[2 * ValueBytes], ValueBytes));
        Assert.Equal("values", mismatch.ParamName);
    }

    [Theory]
    [InlineData(0, 16, "capacity")]
    [InlineData(64, 7, "valueBytes")]
    [InlineData(64, 257, "valueBytes")]
    public void BadParametersAreNamed(int capacity, int valueBytes, string parameter)
    {
        using var random = new SeededRandomSource(48);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => kind.Build(capacity, valueBytes, KeyValueDataSet.CreateRandom(0, 16, seed: 49), random));
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("expected", error.Message);
    }

    /// <summary>Runs requests until the map refuses one for <paramref name="bound"/>, then checks nothing changed.</summary>
    private protected static void RunUntilBoundRefusal(IObliviousMap map, MapKind kind, KeyValueDataSet items, WorkloadKind workloadKind, string bound)
    {
        var mirror = new MapMirror(items);
        using var workload = new Workload(workloadKind, items, map.Capacity, seed: 50);
        OmapBoundExceededException? refused = null;
        for (long step = 0; step < 20_000 && refused is null; step++)
        {
            try
            {
                mirror.Check(map, workload.Next(), step);
            }
            catch (OmapBoundExceededException e)
            {
                refused = e;
            }
        }
        Assert.NotNull(refused);
        Assert.Equal(bound, refused.Bound);
        Assert.Contains("refused", refused.Message);
        mirror.AssertSameAs(kind.Audit(map));
    }
}

public sealed class BoltRefusalTests() : RefusalTests(new BoltKind())
{
    [Fact]
    public void EvictionQueueOverflowIsRefusedAndChangesNothing()
    {
        var items = KeyValueDataSet.CreateRandom(200, 16, seed: 51);
        using var random = new SeededRandomSource(52);
        using var map = Bolt.BoltMap.Build(new Bolt.BoltParameters(256, 16, queueBound: 3), items, random);
        RunUntilBoundRefusal(map, new BoltKind(), items, WorkloadKind.Mixed, "eviction queue");
        Assert.True(map.MaxQueueLength <= 3);
    }

    [Fact]
    public void FullBinIsRefusedAndChangesNothing()
    {
        // Two bins of 8 slots holding 14 items: a re-placement that draws the full bin twice has nowhere to go.
        var items = KeyValueDataSet.CreateRandom(14, 16, seed: 53);
        using var random = new SeededRandomSource(54);
        using var map = Bolt.BoltMap.Build(new Bolt.BoltParameters(16, 16, itemsPerBin: 8, hbmFraction: 0.5, slotsPerPage: 8), items, random);
        RunUntilBoundRefusal(map, new BoltKind(), items, WorkloadKind.SequentialKeys, "bin load");
    }

    [Fact]
    public void BadAlphaIsNamed()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Bolt.BoltParameters(64, 16, hbmFraction: 1.5));
        Assert.Equal("hbmFraction", error.ParamName);
    }
}

public sealed class PathOramRefusalTests() : RefusalTests(new PathOramKind())
{
    [Fact]
    public void StashOverflowIsRefusedAndChangesNothing()
    {
        var items = KeyValueDataSet.CreateRandom(64, 16, seed: 55);
        using var random = new SeededRandomSource(56);
        using var map = PathOram.PathOramMap.Build(new PathOram.PathOramParameters(64, 16, stashBound: 0), items, random);
        RunUntilBoundRefusal(map, new PathOramKind(), items, WorkloadKind.Mixed, "stash");
    }
}
