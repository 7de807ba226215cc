namespace Accel.Omap.Tests;

/// <summary>
/// The stash model checked on a tree of realistic depth (N = 1024, 10 buckets per path), where the million-request
/// run can only afford a small one. The map is full and every request is a hit (gets of all keys in turn): misses
/// and deletes would only drain the stash, so this is the hard case the model was fitted to.
/// </summary>
public sealed class PathOramStashTests(ITestOutputHelper output)
{
    [Fact]
    public void StashTailStaysUnderTheModelOnADeeperTree()
    {
        var items = KeyValueDataSet.CreateRandom(1024, 8, seed: 91);
        using var random = new SeededRandomSource(92);
        using var map = PathOramMap.Build(new PathOramParameters(1024, 8), items, random);
        using var workload = new Workload(WorkloadKind.SequentialKeys, items, 1024, seed: 93);
        var value = new byte[8];
        for (int r = 0; r < 100_000; r++) MapDriver.Apply(map, workload.Next(), value);

        long[] histogram = map.StashSizeHistogram();
        double accesses = histogram.Sum();
        Assert.Equal(100_000, accesses);
        Assert.True(map.MaxStashSize <= map.Parameters.StashBound);
        for (int size = 1; size <= map.MaxStashSize; size++)
        {
            double tail = histogram.Skip(size).Sum() / accesses;
            output.WriteLine($"stash >= {size}: {tail:E3}, model bound {StashTailModel.TailBound(size):E3}");
            Assert.True(tail <= StashTailModel.TailBound(size), $"P(stash >= {size}) = {tail:E3} exceeds the model bound");
        }
    }
}
