namespace Accel.Resources.Tests;

/// <summary>Estimates move the way the hardware does: more lanes, more datapath copies; a bigger table, more ROM.</summary>
public sealed class ScalingTests
{
    [Theory]
    [InlineData("softmax")]
    [InlineData("gelu")]
    public void MoreLanesNeverCostLessAndSomewhereCostMore(string kernel)
    {
        var estimates = new[] { 1, 4, 16 }.Select(l => ResourceEstimator.Estimate(Kernels.BuiltIn(kernel, $"lanes={l}"))).ToList();
        foreach (var r in new[] { Resource.Dsp, Resource.Lut })
        {
            var values = estimates.Select(e => e[r]).ToList();
            Assert.True(values[0] <= values[1] && values[1] <= values[2], $"{kernel} {r.Key()} by lanes 1, 4, 16: {string.Join(", ", values)}");
            Assert.True(values[0] < values[2], $"{kernel} {r.Key()} does not grow from 1 to 16 lanes: {string.Join(", ", values)}");
        }
    }

    [Fact]
    public void ABiggerExpTableHoldsMoreRomBitsInMoreBlockRamsOrLuts()
    {
        var small = ResourceEstimator.Estimate(Kernels.BuiltIn("softmax", "expTableBits=6"));
        var large = ResourceEstimator.Estimate(Kernels.BuiltIn("softmax", "expTableBits=10"));
        Assert.Equal((64 + 1) * 32, small.RomBits);   // 2^6 + 1 entries of int
        Assert.Equal((1024 + 1) * 32, large.RomBits);
        var romSmall = small.ByCategory[CostCategory.Rom];
        var romLarge = large.ByCategory[CostCategory.Rom];
        Assert.True(romLarge.Bram18K > romSmall.Bram18K || romLarge.Lut > romSmall.Lut, $"ROM {romSmall} -> {romLarge}");
    }

    [Fact]
    public void GeluLanesCopyTheDatapathExactly()
    {
        // Everything in the pipelined row loop is per lane; the row loop, the interface and the control are not.
        var one = ResourceEstimator.Estimate(Kernels.BuiltIn("gelu", "lanes=1"));
        var four = ResourceEstimator.Estimate(Kernels.BuiltIn("gelu", "lanes=4"));
        Assert.Equal(4 * Multiplies(one), Multiplies(four));
        Assert.True(Multiplies(one) > 0);
    }

    private static long Multiplies(ResourceEstimate e) => e.Items.Where(i => i.Category == CostCategory.Multiply).Sum(i => i.Count);
}
