namespace Accel.Omap.Tests;

/// <summary>A refused request (a bound exceeded, the map full) is counted, not fatal: the bench measures the batch.</summary>
public sealed class RefusalCountTests
{
    [Fact]
    public void ATinyMapWithLargeValuesCountsItsRefusalsAndFinishesTheBatch()
    {
        // N = 16 leaves BOLT only a few bins, so a bin-load refusal is likely enough (the model's bound is 1.2e-4 per
        // request; seed 1 sees 8 in 20,000) that the batch meets some; the first one used to abort the whole bench.
        var results = OmapBench.Run(new OmapBenchOptions(N: 16, Alpha: 0.2, ValueBytes: 256, Ops: 20_000, Seed: 1,
            Algorithms: [OmapAlgorithm.Bolt, OmapAlgorithm.PathOram]));
        var bolt = results.Single(r => r.Name == "bolt");
        Assert.Equal(20_000, bolt.Ops);
        Assert.InRange(bolt.Refused, 1, 200);
        Assert.InRange(bolt.RefusalBoundPerOp, 1e-6, 1e-2);
        var pathOram = results.Single(r => r.Name == "pathoram");
        Assert.Equal(0, pathOram.Refused);   // stash bound 100: modelled overflow 0.05 * 2^-101 per request
        Assert.True(pathOram.RefusalBoundPerOp < 1e-30);
    }
}
