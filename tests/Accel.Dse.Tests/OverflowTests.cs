using Accel.Codegen.Frontend;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.Dse.Tests;

/// <summary>A kernel without a float reference, swept past what the part holds: the linear unit with 8 x 64
/// multiply-accumulates in parallel needs more DSPs than the ZCU102's 2,520; with 8 x 8 it fits.</summary>
public sealed class OverflowTests
{
    [Fact]
    public void A_configuration_that_exceeds_the_part_is_flagged_and_kept_off_the_front()
    {
        var project = KernelCatalog.BuiltIn;
        var target = new KernelTarget(project, KernelCatalog.Find(project, "edgemoe_linear"), null, ["tokens=2", "inDim=64", "outDim=64", "tileIn=64"]);
        var result = DseRun.Sweep(target, SweepSpace.Of(target, ["tileOut=8,64"]), new DseSettings(Parts.Zcu102, Jobs: 2), cache: null);

        var small = Assert.Single(result.Points, p => p.Params["tileOut"] == 8);
        var large = Assert.Single(result.Points, p => p.Params["tileOut"] == 64);
        Assert.True(small.Fits, string.Join("; ", small.Overflows));
        Assert.False(large.Fits);
        Assert.Contains(large.Overflows, m => m.StartsWith("DSP overflows xczu9eg", StringComparison.Ordinal));
        Assert.True(large.Dsp > Parts.Zcu102.Capacity.Dsp);
        Assert.Equal([result.Points.ToList().IndexOf(small)], result.Front);

        // No float64 reference for this kernel: no error, and a note that says so.
        Assert.All(result.Points, p => Assert.Null(p.Error));
        Assert.All(result.Points, p => Assert.Contains("no float64 reference for kernel 'edgemoe_linear'", p.ErrorNote));
    }

    [Theory]
    [InlineData("tableBits=1,2", "has no parameter 'tableBits'")]
    [InlineData("lanes", "is not of the form name=v1,v2,...")]
    [InlineData("lanes=1,99", "parameter 'lanes' = '99' is invalid")]
    public void Bad_sweeps_are_refused_before_anything_runs(string sweep, string message)
    {
        var project = KernelCatalog.BuiltIn;
        var target = new KernelTarget(project, KernelCatalog.Find(project, "gelu"));
        var e = Assert.Throws<KernelParameterException>(() => SweepSpace.Of(target, [sweep]));
        Assert.Contains(message, e.Message);
    }
}
