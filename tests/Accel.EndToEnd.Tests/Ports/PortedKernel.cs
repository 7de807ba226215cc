using Accel.Codegen.Ir.Analysis;

namespace Accel.Tests.Ports;

/// <summary>What every kernel under Ports/Kernels must do, whatever construct it ports: be bit-exact in C simulation
/// (also under the sanitizers), emulate to the C# reference's outputs, and be estimated.</summary>
internal static class PortedKernel
{
    public static KernelProject Project(string file) => KernelProject.FromFiles([TestPaths.Data("Ports", "Kernels", file)], []);

    /// <summary>The generated kernel and its emulation, for the caller's own checks.</summary>
    public static (Codegen.Transpiler.Result Generated, KernelEmulator.Result Emulated) CheckBitExactEmulatedAndEstimated(string file, string kernel, string[] overrides)
    {
        var project = Project(file);
        var (generated, csim) = KernelRuns.GenerateAndRun(project, kernel, null, overrides);
        Assert.True(csim.BitExact, csim.Output);
        Assert.True(csim.Total > 0);

        var emulated = KernelRuns.Emulate(project, kernel, null, overrides);
        var use = VariableUse.Of(generated.Ir);
        foreach (var port in generated.Ir.Top.Parameters.Where(p => use.IsWritten(p) || use.WritesStream(p)))
            Assert.Equal(generated.Reference[port.Name], emulated.Outputs[port.Name]);
        Assert.True(emulated.Report.TotalCycles > 0);

        Assert.True(ResourceEstimator.Estimate(generated.Ir)[Resource.Lut] > 0);
        return (generated, emulated);
    }

    public static void CheckCleanUnderSanitizers(string file, string kernel, string[] overrides)
    {
        var (_, csim) = KernelRuns.GenerateAndRun(Project(file), kernel, null, overrides, sanitize: true);
        Assert.True(csim.BitExact, csim.Output);
    }
}
