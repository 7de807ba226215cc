using Accel.Codegen.Frontend;

namespace Accel.EdgeMoe.Tests.Timing;

/// <summary>`accel emulate m3vit` parameters: presets, overrides, and errors that name the parameter.</summary>
public sealed class EncoderParametersTests
{
    [Fact]
    public void TheDefaultIsTheReferenceAndSmallIsAPreset()
    {
        Assert.Equal(EncoderConfig.Reference, EncoderParameters.Resolve(null, []).Config);
        Assert.Equal(EncoderConfig.Small, EncoderParameters.Resolve("small", []).Config);
    }

    [Fact]
    public void OverridesSetTheFieldsAndDimSetsTheHeadWidth()
    {
        var (config, task) = EncoderParameters.Resolve("small", ["layers=4", "heads=4", "dim=96", "experts=8", "topK=1", "height=48", "task=1"]);
        Assert.Equal(EncoderConfig.Small with { Layers = 4, Heads = 4, HeadDim = 24, Experts = 8, TopK = 1, Height = 48 }, config);
        Assert.Equal(96, config.Dim);
        Assert.Equal(6 * 8 + 1, config.Tokens);
        Assert.Equal(1, task);
    }

    [Theory]
    [InlineData("layers=0", "layers")]
    [InlineData("layers=x", "layers")]
    [InlineData("patch=7", "patch")]              // 32 x 64 does not split into 7 x 7 patches
    [InlineData("tokens=65", "tokens")]           // follows from the image
    [InlineData("dim=65", "dim")]                 // not a multiple of 2 heads
    [InlineData("topK=5", "topK")]                // more than the 4 experts
    [InlineData("task=2", "task")]                // 2 tasks: 0 and 1
    [InlineData("depth=3", "depth")]
    [InlineData("layers", "layers")]
    public void BadParametersAreNamed(string assignment, string name)
    {
        var e = Assert.Throws<KernelParameterException>(() => EncoderParameters.Resolve("small", [assignment]));
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void DimAndHeadDimMustAgree()
    {
        var e = Assert.Throws<KernelParameterException>(() => EncoderParameters.Resolve("small", ["dim=64", "headDim=16"]));
        Assert.Contains("headDim", e.Message);
        Assert.Equal(32, EncoderParameters.Resolve("small", ["dim=64", "headDim=32"]).Config.HeadDim);   // consistent: accepted
    }

    [Fact]
    public void AnUnknownPresetIsNamed()
    {
        var e = Assert.Throws<KernelParameterException>(() => EncoderParameters.Resolve("tiny", []));
        Assert.Contains("tiny", e.Message);
    }
}
