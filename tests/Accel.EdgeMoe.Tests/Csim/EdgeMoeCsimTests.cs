using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.EdgeMoe.Tests.Csim;

/// <summary>Every Edge-MoE kernel, transpiled and compiled with g++, matches its C# reference word for word
/// at the small configurations (every output word of every written port compared).</summary>
public sealed class EdgeMoeCsimTests
{
    private static readonly HlsProjectWriter.Options Options = new(Board.Find("zcu102"), 300);

    internal static Testbenches.Csim.Result GenerateAndRun(string kernelName, string config, bool sanitize = false)
    {
        var kernel = KernelCatalog.Find(KernelCatalog.BuiltIn, kernelName);
        var resolved = KernelConfig.Resolve(kernel, config, []);
        var generated = Codegen.Transpiler.Generate(KernelCatalog.BuiltIn, kernel, resolved, TestPaths.Scratch($"{kernelName}-{config}"), Options);
        var result = Testbenches.Csim.Run(generated.Directory, generated.Ir.Name, sanitize);
        var outputs = generated.Ir.Top.Parameters.Where(Accel.Codegen.Ir.Analysis.VariableUse.Of(generated.Ir).IsWritten).Sum(p => generated.Stimulus.Arrays[p.Name].Length);
        Assert.Equal(outputs, result.Total);
        return result;
    }

    [Theory]
    [InlineData("attention", "tokens33-p4")]
    [InlineData("attention", "tokens33-p4-naive")]
    [InlineData("attention", "tokens17-p1")]
    [InlineData("attention", "tokens17-p3-lanes3")]
    [InlineData("edgemoe_linear", "qkv-small")]
    [InlineData("edgemoe_linear", "fc1-gelu-small")]
    [InlineData("edgemoe_linear", "fc2-residual-small")]
    [InlineData("edgemoe_linear", "expert-weighted-small")]
    [InlineData("edgemoe_layernorm", "tokens33-dim64")]
    [InlineData("edgemoe_layernorm", "tokens5-dim7")]
    [InlineData("edgemoe_patch_embed", "img16x32-p8")]
    [InlineData("edgemoe_patch_embed", "img8x8-p4-c1")]
    [InlineData("edgemoe_moe", "tokens33-e4")]
    [InlineData("edgemoe_moe", "tokens9-e3-top1")]
    [InlineData("edgemoe_encoder", "layers2-tokens33")]
    public void KernelIsBitExact(string kernel, string config)
    {
        var result = GenerateAndRun(kernel, config);
        Assert.True(result.BitExact, result.Output);
    }

    [Fact]
    public void ComposedEncoderIsFreeOfUndefinedBehaviourUnderSanitizers()
    {
        var result = GenerateAndRun("edgemoe_encoder", "layers2-tokens17-top1", sanitize: true);
        Assert.True(result.BitExact, result.Output);
    }
}
