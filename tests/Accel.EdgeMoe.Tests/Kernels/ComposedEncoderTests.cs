using Accel.Codegen.Reference;
using Accel.Codegen.Frontend;
using Accel.Kernels.EdgeMoe;
using Accel.EdgeMoe.Model;
using Accel.EdgeMoe.Weights;
using Accel.Kernels.Catalog;
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

    /// <summary>The one weights bundle holds every linear layer back to back: layer l starts where layer l - 1's
    /// parts end (qkv 3 d^2 + proj d^2, then fc1 + fc2 2 h d, or the gates T E d and the experts 2 E h_e d), and
    /// the stacked weights of a whole network end exactly at LayerWeights(layers); biases likewise.</summary>
    [Fact]
    public void TheWeightLayoutHoldsEveryLayerBackToBack()
    {
        var c = Config;
        int d = c.Dim, h = c.MlpHidden, e = c.Experts, eh = c.ExpertHidden, tasks = c.Tasks;
        var stimulus = EncoderKernelInputs.Build(c, RandomWeights.Create(c, seed: 5), new int[c.Tokens * d], 0);
        Assert.Equal(EncoderLayout.LayerWeights(c.Layers, d, h, e, eh, tasks), stimulus.Arrays["weights"].Length);
        Assert.Equal(EncoderLayout.LayerBiases(c.Layers, d, h, e, eh, tasks), stimulus.Arrays["biases"].Length);
        Assert.Equal(4 * d * d + 2 * h * d, EncoderLayout.LayerWeights(1, d, h, e, eh, tasks));
        Assert.Equal(2 * 4 * d * d + 2 * h * d + tasks * e * d + 2 * e * eh * d, EncoderLayout.LayerWeights(2, d, h, e, eh, tasks));
    }
}
