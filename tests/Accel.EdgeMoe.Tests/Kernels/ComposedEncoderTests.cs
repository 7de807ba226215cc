using Accel.Codegen.Frontend;
using Accel.EdgeMoe.Model;
using Accel.EdgeMoe.Weights;
using Accel.Testbenches;

namespace Accel.EdgeMoe.Tests.Kernels;

/// <summary>The composed edgemoe_encoder kernel computes exactly what the single-purpose kernels compute when
/// called layer by layer, for each task's gates; and its MoE layers route every token to k experts.</summary>
public sealed class ComposedEncoderTests
{
    private static readonly EncoderConfig Config = EncoderConfig.Small;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ComposedKernelEqualsTheLayerByLayerComposition(int task)
    {
        var weights = RandomWeights.Create(Config, seed: 5);
        var composition = new FixedEncoder(Config, weights);
        var x = composition.Embed(RandomWeights.Image(Config, seed: 6));

        var kernel = KernelCatalog.Find(KernelCatalog.BuiltIn, "edgemoe_encoder");
        var activator = new KernelActivator(kernel, KernelConfig.Resolve(kernel, null, EncoderKernelInputs.Parameters(Config)));
        var outputs = activator.Run(EncoderKernelInputs.Build(Config, weights, x, task));

        for (int l = 0; l < Config.Layers; l++) composition.Layer(l, task, x);
        Assert.Equal(x, (int[])outputs["x"]);
        var expertTokens = (int[])outputs["expertTokens"];
        Assert.Equal(Config.Tokens * Config.TopK, expertTokens.Sum());   // one MoE layer in two
        Assert.All(expertTokens, count => Assert.InRange(count, 0, Config.Tokens));
    }

    [Fact]
    public void TheTasksDifferOnlyThroughTheirGates()
    {
        var weights = RandomWeights.Create(Config, seed: 5);
        var composition = new FixedEncoder(Config, weights);
        var image = RandomWeights.Image(Config, seed: 6);
        var first = composition.Run(image, task: 0);
        var second = composition.Run(image, task: 1);
        Assert.Equal(first[EncoderTrace.Layer(0)], second[EncoderTrace.Layer(0)]);   // layer 0 is dense
        Assert.NotEqual(first[EncoderTrace.Layer(1)], second[EncoderTrace.Layer(1)]); // layer 1 routes by the task's gate
    }
}
