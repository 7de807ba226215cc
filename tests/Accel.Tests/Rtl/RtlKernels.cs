using Accel.Emulation.Kernels;
using Accel.Testbenches;
using Accel.Testbenches.Rtl;

namespace Accel.Tests.Rtl;

/// <summary>The covered kernels at their CI configurations, each generated, Verilator-built and simulated once per
/// test run (the builds are the slow part), beside the emulator's cycles for the same stimulus.</summary>
internal static class RtlKernels
{
    public sealed record Run(RtlGeneration.Result Generated, RtlSim.Result Sim, long EmulatorCycles);

    private static readonly Dictionary<string, Lazy<Run>> Runs = new();

    public static Run Of(string kernel, string config)
    {
        Lazy<Run> run;
        lock (Runs)
        {
            var key = $"{kernel}/{config}";
            if (!Runs.TryGetValue(key, out run!)) Runs[key] = run = new Lazy<Run>(() => Simulate(kernel, config));
        }
        return run.Value;
    }

    private static Run Simulate(string kernelName, string configName)
    {
        var project = KernelCatalog.BuiltIn;
        var kernel = KernelCatalog.Find(project, kernelName);
        var config = Codegen.Frontend.KernelConfig.Resolve(kernel, configName, []);
        var generated = RtlGeneration.Generate(project, kernel, config, TestPaths.Scratch($"rtl-{kernelName}-{configName}"), force: false);
        var sim = RtlSim.Run(generated.Directory, generated.Ir.Name);
        var emulated = KernelEmulator.Run(project, kernel, config, generated.Stimulus, new KernelEmulator.Options()).Report.TotalCycles;
        return new Run(generated, sim, emulated);
    }
}
