using Accel.Testbenches.Accuracy;

namespace Accel.Tests.Accuracy;

/// <summary>The approximations meet their targets, measured against float64 over the stated inputs.</summary>
public sealed class AccuracyTests
{
    private static KernelConfig Config(string kernel, string? name = null) =>
        KernelConfig.Resolve(KernelCatalog.Find(KernelCatalog.BuiltIn, kernel), name, []);

    [Theory]
    [InlineData(null)]
    [InlineData("row129-lanes4")]
    public void GeluStaysWithinItsBoundOverMinusEightToEight(string? config)
    {
        var report = KernelAccuracy.Measure(KernelCatalog.BuiltIn, "gelu", Config("gelu", config));
        Assert.True(report.Points >= 1 << 20, $"{report.Points} points");
        Assert.True(report.MaxAbsErr <= 1.5e-4, $"max abs err {report.MaxAbsErr:E3}");
        Assert.True(report.MeanAbsErr <= 2e-5, $"mean abs err {report.MeanAbsErr:E3}");
        Assert.True(report.MaxAbsErr > 1e-6, "an error this small means the reference is not independent of the kernel");
    }

    [Fact]
    public void SoftmaxProbabilitiesAndRowSumsStayWithinTheirBounds()
    {
        var report = KernelAccuracy.Measure(KernelCatalog.BuiltIn, "softmax", Config("softmax"));
        Assert.True(report.Points >= 10_000 * 16, $"{report.Points} points");
        Assert.True(report.MaxAbsErr <= 2e-5, $"max abs err {report.MaxAbsErr:E3}");
        Assert.True(report.MaxRowSumErr <= 1e-4, $"row sum err {report.MaxRowSumErr:E3}");
    }

    [Fact]
    public void ACoarserTableIsMeasurablyWorse()
    {
        var fine = KernelAccuracy.Measure(KernelCatalog.BuiltIn, "gelu", Config("gelu"));
        var coarse = KernelAccuracy.Measure(KernelCatalog.BuiltIn, "gelu", KernelConfig.Resolve(KernelCatalog.Find(KernelCatalog.BuiltIn, "gelu"), null, ["tableFracBits=9"]));
        Assert.True(coarse.MaxAbsErr > 2 * fine.MaxAbsErr, $"coarse {coarse.MaxAbsErr:E3} vs fine {fine.MaxAbsErr:E3}");
        Assert.False(AccuracyTargets.For("gelu").Holds(coarse with { MaxAbsErr = 2e-4 }));
    }
}
