using System.Diagnostics;
using Accel.Emulation.Kernels;

namespace Accel.Testbenches.Throughput;

/// <summary>The emulator against the g++ -O2 C-simulation of the generated HLS, on the same kernel,
/// configuration and inputs, timed side by side (best of <c>repeats</c>). The emulator's time is everything it
/// does: lowering, running the C# with hooks, and the timing engine, plus the hooked compile, which a process
/// pays once per kernel and configuration (the best of the repeats is the cached one; the phases show it);
/// the csim time is its whole process.</summary>
public static class EmulatorThroughput
{
    public sealed record Measurement(string Workload, long EmulatedCycles, double EmulatorSeconds, double CsimSeconds, long TraceOps, IReadOnlyDictionary<string, double> Phases)
    {
        public double Ratio => EmulatorSeconds / CsimSeconds;
        public double EmulatedCyclesPerSecond => EmulatedCycles / EmulatorSeconds;
    }

    public const string DefaultKernel = "softmax";
    public static readonly string[] DefaultOverrides = ["rowLength=128", "lanes=8"];
    public const int DefaultRows = 200_000;

    public static Measurement Measure(string kernelName, string[] overrides, int rows, int repeats = 2)
    {
        var workload = CsimThroughput.Workload.Prepare(kernelName, overrides, rows);
        double csim = CsimThroughput.Best(repeats, workload.RunCsim);
        KernelEmulator.Result? result = null;
        double emulator = CsimThroughput.Best(repeats, () =>
            result = KernelEmulator.Run(workload.Project, workload.Kernel, workload.Config, workload.Stimulus, new KernelEmulator.Options()));
        var name = $"{kernelName} {workload.Config.Name}, {rows} rows ({workload.Elements} elements)";
        return new Measurement(name, result!.Report.TotalCycles, emulator, csim, result.TraceOps, result.PhaseSeconds);
    }
}
