namespace Accel.Dse.Tests;

/// <summary>The encoder as a sweep target: the small configuration cut to one (dense) layer, P = 1 and 8 query slots.</summary>
public sealed class M3vitTests
{
    [Fact]
    public void More_query_slots_cost_DSPs_and_save_cycles_at_the_same_accuracy()
    {
        var target = new M3vitTarget("small", ["layers=1"]);
        var result = DseRun.Sweep(target, SweepSpace.Of(target, ["slots=1,8"]), new DseSettings(Parts.U55c, Jobs: 2), cache: null);
        var one = Assert.Single(result.Points, p => p.Params["slots"] == 1);
        var eight = Assert.Single(result.Points, p => p.Params["slots"] == 8);

        Assert.True(eight.Cycles < one.Cycles, $"P=8: {eight.Cycles} cycles, P=1: {one.Cycles}");
        Assert.True(eight.Dsp > one.Dsp, $"P=8: {eight.Dsp} DSPs, P=1: {one.Dsp}");
        Assert.All(result.Points, p =>
        {
            Assert.True(p.Fits, string.Join("; ", p.Overflows));
            Assert.Equal("1-cosine", p.Error!.Metric);
            Assert.InRange(p.Error.Value, 0, 1e-4);            // cosine >= 0.9999, the bound the encoder tests hold
            Assert.InRange(p.Error.RelativeError!.Value, 0, 1e-2);
            Assert.Equal(p.Cycles / 300e3, p.TimeMs, 12);
        });
        Assert.Equal([0, 1], result.Front.Order());   // a trade-off: neither point dominates the other
    }

    [Fact]
    public void Its_parameters_are_checked_like_emulate_m3vit()
    {
        var target = new M3vitTarget("small");
        var e = Assert.Throws<Codegen.Frontend.KernelParameterException>(() => SweepSpace.Of(target, ["slots=0,4"]));
        Assert.Contains("slots = '0' is invalid", e.Message);
    }
}
