using Accel.Codegen.Ir.Analysis;

namespace Accel.Tests.Ports;

/// <summary>What every kernel under Ports/Kernels must do, whatever construct it ports: be bit-exact in C simulation
/// (also under the sanitizers), emulate to the C# reference's outputs, and be estimated; and the steps the tests of
/// one construct take on such a kernel.</summary>
internal static class PortedKernel
{
    public static KernelProject Project(string file) => KernelProject.FromFiles([TestPaths.Data("Ports", "Kernels", file)], []);

    public static Codegen.Transpiler.Result Generate(string file, string kernel, string[] overrides) =>
        KernelRuns.Generate(Project(file), kernel, null, overrides);

    public static Codegen.Ir.IrKernel Lower(string file, string kernel, string[] overrides)
    {
        var project = Project(file);
        var info = KernelCatalog.Find(project, kernel);
        return Codegen.Transpiler.Lower(project, info, KernelConfig.Resolve(info, null, overrides));
    }

    /// <summary>The generated top function's C++ file.</summary>
    public static string Cpp(Codegen.Transpiler.Result generated) => File.ReadAllText(Path.Combine(generated.Directory, $"{generated.Ir.Name}.cpp"));

    /// <summary>The generated kernel, once its C simulation is bit-exact.</summary>
    public static Codegen.Transpiler.Result GenerateBitExact(string file, string kernel, string[] overrides)
    {
        var (generated, csim) = KernelRuns.GenerateAndRun(Project(file), kernel, null, overrides);
        Assert.True(csim.BitExact, csim.Output);
        return generated;
    }

    /// <summary>Also checks that each output's golden file, what the C simulation expects, is the emulated output as
    /// the board lays it out (a struct element padded, an ap element in its container).</summary>
    public static void CheckBitExactEmulatedAndEstimated(string file, string kernel, string[] overrides)
    {
        var project = Project(file);
        var (generated, csim) = KernelRuns.GenerateAndRun(project, kernel, null, overrides);
        Assert.True(csim.BitExact, csim.Output);
        Assert.True(csim.Total > 0);

        var emulated = KernelRuns.Emulate(project, kernel, null, overrides);
        var use = VariableUse.Of(generated.Ir);
        foreach (var port in generated.Ir.Top.Parameters.Where(p => use.IsWritten(p) || use.WritesStream(p)))
        {
            Assert.Equal(generated.Reference[port.Name], emulated.Outputs[port.Name]);
            Assert.Equal(File.ReadAllBytes(Path.Combine(generated.Directory, "golden", $"{port.Name}.out.bin")), GoldenVectors.Bytes(emulated.Outputs[port.Name]));
        }
        Assert.True(emulated.Report.TotalCycles > 0);

        Assert.True(ResourceEstimator.Estimate(generated.Ir)[Resource.Lut] > 0);
    }

    public static void CheckCleanUnderSanitizers(string file, string kernel, string[] overrides)
    {
        var (_, csim) = KernelRuns.GenerateAndRun(Project(file), kernel, null, overrides, sanitize: true);
        Assert.True(csim.BitExact, csim.Output);
    }
}
