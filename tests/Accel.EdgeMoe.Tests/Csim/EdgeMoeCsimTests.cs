using Accel.Codegen.Backends.Hls;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.EdgeMoe.Tests.Csim;

/// <summary>Every Edge-MoE kernel, transpiled and compiled with g++, matches its C# reference word for word
/// at each of its named configurations, all small (every output word of every written port compared).</summary>
public sealed class EdgeMoeCsimTests
{
    private static readonly HlsProjectWriter.Options Options = new(Board.Find("zcu102"), 300);

    private static Testbenches.Csim.Result GenerateAndRun(string kernelName, string config, bool sanitize = false)
    {
        var (generated, result) = KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, kernelName, config, [], sanitize, options: Options);
        Assert.Equal(KernelRuns.WrittenWords(generated), result.Total);
        return result;
    }

    /// <summary>The configuration the sanitizer test runs, so it is not run twice.</summary>
    private const string SanitizedEncoderConfig = "layers2-tokens17-top1";

    /// <summary>Every named configuration of every Edge-MoE kernel (each is small enough for a C simulation), so a
    /// new one is checked without being listed here.</summary>
    public static TheoryData<string, string> NamedConfigurations()
    {
        var rows = new TheoryData<string, string>();
        foreach (var kernel in KernelCatalog.BuiltIn.Kernels.Where(k => k.RuntimeType.Namespace == typeof(Accel.Kernels.EdgeMoe.Encoder).Namespace))
            foreach (var config in kernel.Configs.Where(c => (kernel.Name, c.Name) != ("edgemoe_encoder", SanitizedEncoderConfig)))
                rows.Add(kernel.Name, config.Name);
        return rows;
    }

    [Theory]
    [MemberData(nameof(NamedConfigurations))]
    public void KernelIsBitExact(string kernel, string config)
    {
        var result = GenerateAndRun(kernel, config);
        Assert.True(result.BitExact, result.Output);
    }

    [Fact]
    public void ComposedEncoderIsFreeOfUndefinedBehaviourUnderSanitizers()
    {
        var result = GenerateAndRun("edgemoe_encoder", SanitizedEncoderConfig, sanitize: true);
        Assert.True(result.BitExact, result.Output);
    }
}
