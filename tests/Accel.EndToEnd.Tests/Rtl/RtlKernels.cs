namespace Accel.Tests.Rtl;

/// <summary>The covered kernels at their CI configurations, each generated, Verilator-built and simulated once per
/// test run (the builds are the slow part), beside the emulator's cycles for the same stimulus.</summary>
internal static class RtlKernels
{
    /// <param name="EmulatorStalledOnOutput">the emulator's cycles stalled on output (write request slots, final write responses)</param>
    public sealed record Run(RtlGeneration.Result Generated, RtlSim.Result Sim, long EmulatorCycles, long EmulatorStalledOnOutput);

    private static readonly Dictionary<string, Lazy<Run>> Runs = new();

    /// <param name="config">a named configuration, or null for the defaults with <paramref name="parameters"/> (name=value)</param>
    public static Run Of(string kernel, string? config, params string[] parameters) => OfSource(null, kernel, config, parameters);

    /// <param name="source">a kernel source of the tests' data (path parts under the test folder), or null for the built-in kernels</param>
    public static Run OfSource(string[]? source, string kernel, string? config, params string[] parameters)
    {
        Lazy<Run> run;
        lock (Runs)
        {
            var key = $"{string.Join("/", source ?? [])}:{kernel}/{config}/{string.Join(",", parameters)}";
            if (!Runs.TryGetValue(key, out run!)) Runs[key] = run = new Lazy<Run>(() => Simulate(source, kernel, config, parameters));
        }
        return run.Value;
    }

    private static Run Simulate(string[]? source, string kernelName, string? configName, string[] parameters)
    {
        var project = source is null ? KernelCatalog.BuiltIn : Codegen.Frontend.KernelProject.FromFiles([TestPaths.Data(source)], []);
        var kernel = KernelCatalog.Find(project, kernelName);
        var config = Codegen.Frontend.KernelConfig.Resolve(kernel, configName, parameters);
        configName = config.Name;
        var generated = RtlGeneration.Generate(project, kernel, config, TestPaths.Scratch($"rtl-{kernelName}-{configName}-{string.Join("-", parameters)}".TrimEnd('-')), force: false);
        var sim = RtlSim.Run(generated.Directory, generated.Ir.Name);
        var emulated = KernelEmulator.Run(project, kernel, config, generated.Stimulus, new KernelEmulator.Options()).Report;
        return new Run(generated, sim, emulated.TotalCycles, emulated.Processes.Sum(p => p.StalledOnOutputCycles));
    }
}
