using Accel.Kernels.Catalog;
using System.Diagnostics;
using Accel.Codegen;
using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Hw;
using Accel.Codegen.Reference;

namespace Accel.Testbenches.Throughput;

/// <summary>The C# reference and the g++ -O2 C-simulation of the generated HLS, timed side by side on the same
/// kernel, configuration and inputs. The csim time is the whole process (golden files read, kernel, compare);
/// the workload is sized so that start-up is a small part of it.</summary>
public static class CsimThroughput
{
    public sealed record Measurement(string Kernel, string Config, long Elements, double CSharpSeconds, double CsimSeconds)
    {
        public double Ratio => CsimSeconds / CSharpSeconds;
        public double CSharpElementsPerSecond => Elements / CSharpSeconds;
        public double CsimElementsPerSecond => Elements / CsimSeconds;
    }

    public static Measurement Measure(string kernelName, int rows, int repeats = 3)
    {
        var workload = Workload.Prepare(kernelName, [], rows);
        var activator = new KernelActivator(workload.Kernel, workload.Config);
        double csharp = Best(repeats, () => activator.Run(workload.Stimulus));
        double csim = Best(repeats, workload.RunCsim);
        return new Measurement(kernelName, workload.Config.Name, workload.Elements, csharp, csim);
    }

    /// <summary>A built-in kernel on a large seeded input, generated and checked bit-exact once, ready to time.</summary>
    public sealed record Workload(KernelProject Project, KernelInfo Kernel, KernelConfig Config, Stimulus Stimulus, string Directory, long Elements)
    {
        public static Workload Prepare(string kernelName, string[] overrides, int rows)
        {
            var project = KernelCatalog.BuiltIn;
            var kernel = KernelCatalog.Find(project, kernelName);
            var config = KernelConfig.Resolve(kernel, null, overrides);
            int rowLength = (int)config.Values["rowLength"];
            var stimulus = LargeStimulus(kernelName, rows, rowLength, 32 - (int)config.Values["actIntBits"]);
            var directory = Path.Combine("build", "bench", $"csim-{kernelName}-{config.Name}");
            Transpiler.Generate(project, kernel, config, directory, new HlsProjectWriter.Options(Board.Find("u55c"), 300, Force: true), stimulus: stimulus);
            var first = Csim.Run(directory, kernelName);
            if (!first.BitExact) throw new InvalidOperationException($"csim of {kernelName} is not bit-exact: {first.Output}");
            var compiled = Csim.Compile(directory, kernelName, TimedBinary);
            if (compiled.ExitCode != 0) throw new InvalidOperationException($"csim of {kernelName} does not compile: {compiled.Output}");
            return new Workload(project, kernel, config, stimulus, directory, (long)rows * rowLength);
        }

        private const string TimedBinary = "csim";

        public void RunCsim() => Run(Path.Combine(Path.GetFullPath(Directory), TimedBinary), Directory);
    }

    private static Stimulus LargeStimulus(string kernel, int rows, int rowLength, int frac)
    {
        var random = new Random(7);
        var values = kernel == "softmax"
            ? Enumerable.Range(0, rows).SelectMany(_ => Stimuli.GaussianFixed(random, rowLength, 1 + 7 * random.NextDouble(), frac)).ToArray()
            : Stimuli.UniformFixed(random, rows * rowLength, -8, 8, frac);
        var stimulus = new Stimulus(7).Scalar("rows", rows);
        return kernel == "softmax"
            ? stimulus.Array("scores", values).Output<int>("probs", values.Length)
            : stimulus.Array("x", values).Output<int>("y", values.Length);
    }

    internal static double Best(int repeats, Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static void Run(string binary, string directory)
    {
        var result = ExternalProcess.Run(binary, ["golden"], directory);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{binary} exited {result.ExitCode}");
    }
}
