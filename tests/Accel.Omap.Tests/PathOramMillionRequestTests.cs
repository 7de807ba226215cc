namespace Accel.Omap.Tests;

/// <summary>Path ORAM's million-request run: correctness (base class) and its stash bound.</summary>
public sealed class PathOramMillionRequestTests(PathOramMillionRun run, ITestOutputHelper output)
    : MillionRequestTests(run), IClassFixture<PathOramMillionRun>
{
    [Fact]
    public void StashStaysUnderItsBoundWithTheModelledTail()
    {
        var oram = run.PathOram;
        Assert.True(oram.MaxStashSize <= oram.Parameters.StashBound, $"stash reached {oram.MaxStashSize}, over its bound");
        long[] histogram = oram.StashSizeHistogram();
        double accesses = histogram.Sum();
        for (int size = 1; size <= oram.MaxStashSize; size++)
        {
            double tail = histogram.Skip(size).Sum() / accesses;
            output.WriteLine($"stash >= {size}: {tail:E3}, model bound {StashTailModel.TailBound(size):E3}");
            Assert.True(tail <= StashTailModel.TailBound(size), $"P(stash >= {size}) = {tail:E3} exceeds the model bound {StashTailModel.TailBound(size):E3}");
        }
    }
}
