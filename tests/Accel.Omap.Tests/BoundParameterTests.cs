namespace Accel.Omap.Tests;

/// <summary>The sizes and bounds derived in DESIGN.md, checked against hand computation.</summary>
public sealed class BoundParameterTests
{
    [Theory]
    [InlineData(1 << 10, 128, 26, 13)]   // log2 log2 2^10 = 3.32 -> 4
    [InlineData(1 << 16, 8192, 1638, 13)] // log2 16 = 4 exactly
    [InlineData(1 << 17, 16384, 3277, 14)]
    [InlineData(1 << 22, 524288, 104858, 14)]
    public void BoltSizesFollowTheFormulas(int capacity, int bins, int hbmBins, int slots)
    {
        var parameters = new BoltParameters(capacity, 64);
        Assert.Equal(bins, parameters.BinCount);
        Assert.Equal(hbmBins, parameters.HbmBinCount);
        Assert.Equal(bins - hbmBins, parameters.HostPageCount);
        Assert.Equal(slots, parameters.SlotsPerPage);
        Assert.Equal(8 + slots * 72, parameters.PagePlaintextBytes);
    }

    [Fact]
    public void QueueBoundIsMeanPlusBernsteinDeviation()
    {
        // N = 1024: B = 128, h = 102, L = 13. mu = 102 * 128 / 255 = 51.2;
        // lambda = 64 ln 2 = 44.36; t = 13 * 44.36 / 3 + sqrt((13 * 44.36 / 3)^2 + 2 * 13 * 51.2 * 44.36) = 192.2 + 309.9;
        // mu + t = 553.3, rounded up.
        var parameters = new BoltParameters(1024, 16);
        Assert.Equal(102.0 * 128 / 255, parameters.ExpectedQueueLength, 1e-9);
        Assert.Equal(554, parameters.QueueBound);
    }

    [Fact]
    public void TwoChoiceModelIsConsistentAndDoublyExponential()
    {
        double[] tail = BinLoadModel.SteadyStateTail(8, 16);
        Assert.Equal(8, tail.Skip(1).Sum(), 1e-6); // sum over i >= 1 of P(load >= i) is the mean load
        for (int i = 1; i < tail.Length; i++) Assert.True(tail[i] <= tail[i - 1]);
        // Past c each level is at most (c / i) times the square of the one below.
        for (int i = 9; i <= 16; i++) Assert.True(tail[i] <= 8.0 / i * tail[i - 1] * tail[i - 1] * 1.0001);
        // Values DESIGN.md quotes (from an independent integration of the same equations).
        Assert.Equal(3.905e-9, tail[13], 0.01e-9);
        Assert.Equal(8.713e-18, tail[14], 0.01e-18);
        Assert.Equal(tail[13] * tail[13], BinLoadModel.RefusalProbability(8, 13), tail[13] * tail[13] * 1e-6);
    }

    [Fact]
    public void PathOramTreeHoldsFourTimesNSlots()
    {
        var parameters = new PathOramParameters(1 << 20, 64);
        Assert.Equal(19, parameters.LeafDepth);
        Assert.Equal((1 << 20) - 1, parameters.BucketCount);
        Assert.Equal(20, parameters.PathBuckets);
        Assert.Equal(4 * (8 + 4 + 64), parameters.BucketPlaintextBytes);
        Assert.True(StashTailModel.OverflowProbability(parameters.StashBound) < Math.Pow(2, -64));
    }
}
