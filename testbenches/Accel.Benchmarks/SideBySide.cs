using Accel.Kernels.Catalog;
using System.Globalization;
using Accel.Testbenches.Throughput;

namespace Accel.Benchmarks;

/// <summary>Measurements that run external processes, so they are timed side by side in one run here rather than
/// by BenchmarkDotNet; best of three each. Writes build/bench/side-by-side.md.</summary>
public static class SideBySide
{
    /// <summary>The composed Edge-MoE encoder kernel at the reference dimensions (129 tokens, embedding 192, 16
    /// experts) with its smallest layer count, 2 (one dense, one MoE layer): generated, compiled with g++ and
    /// compared word for word, too slow for the test suite.</summary>
    private static IEnumerable<string> FullSizeEncoderLayers()
    {
        var project = Accel.Kernels.Catalog.KernelCatalog.BuiltIn;
        var kernel = Accel.Kernels.Catalog.KernelCatalog.Find(project, "edgemoe_encoder");
        var config = Accel.Codegen.Frontend.KernelConfig.Resolve(kernel, null, ["layers=2"]);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var generated = Accel.Codegen.Transpiler.Generate(project, kernel, config, Path.Combine("build", "bench", "encoder-full-layer"),
            new Accel.Codegen.Backends.Hls.HlsProjectWriter.Options(Accel.Codegen.Backends.Hls.Board.Find("u55c"), 300, Force: true));
        double gen = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var csim = Accel.Testbenches.Csim.Run(generated.Directory, kernel.Name);
        double run = watch.Elapsed.TotalSeconds;
        return
        [
            "",
            "| full-size encoder layers (edgemoe_encoder, layers=2, reference dims) | gen + C# golden s | g++ compile + csim s | result |",
            "|---|---|---|---|",
            string.Create(CultureInfo.InvariantCulture, $"| {config.Name} | {gen:F1} | {run:F1} | {(csim.BitExact ? $"bit-exact {csim.Matched} of {csim.Total}" : "MISMATCH")} |"),
        ];
    }

    /// <summary>The generated RTL of gelu at a size too large for the test suite, simulated with Verilator beside the
    /// emulator on the same stimulus: bit-exactness, the two cycle counts, and simulated cycles per second of each
    /// (Verilator: the testbench's run without its build; emulator: its run and timing phases).</summary>
    private static IEnumerable<string> RtlBesideEmulator()
    {
        var project = Accel.Kernels.Catalog.KernelCatalog.BuiltIn;
        var kernel = Accel.Kernels.Catalog.KernelCatalog.Find(project, "gelu");
        var config = Accel.Codegen.Frontend.KernelConfig.Resolve(kernel, null, ["rowLength=65536", "lanes=1"]);
        var generated = Accel.Testbenches.Rtl.RtlGeneration.Generate(project, kernel, config, Path.Combine("build", "bench", "rtl-gelu-65536"), force: true);
        Accel.Testbenches.Rtl.RtlSim.Run(generated.Directory, kernel.Name); // build once
        var sim = Enumerable.Range(0, 3).Select(_ => Accel.Testbenches.Rtl.RtlSim.Run(generated.Directory, kernel.Name)).MinBy(r => r.Seconds)!;
        var emulated = Enumerable.Range(0, 3).Select(_ => Accel.Emulation.Kernels.KernelEmulator.Run(project, kernel, config, generated.Stimulus, new()))
            .MinBy(r => r.PhaseSeconds["run"] + r.PhaseSeconds["timing"])!;
        double emulatorSeconds = emulated.PhaseSeconds["run"] + emulated.PhaseSeconds["timing"];
        return
        [
            "",
            "| RTL beside the emulator (gelu rowLength=65536 lanes=1, u55c, 300 MHz) | result | Verilator cycles | emulator cycles | Verilator run s | emulator s | Verilator Mcycles/s | emulator Mcycles/s |",
            "|---|---|---|---|---|---|---|---|",
            string.Create(CultureInfo.InvariantCulture,
                $"| {config.Name} | {(sim.BitExact ? $"bit-exact {sim.Matched} of {sim.Total}" : "MISMATCH")} | {sim.Cycles} | {emulated.Report.TotalCycles} | {sim.Seconds:F2} | {emulatorSeconds:F2} | {sim.Cycles / sim.Seconds / 1e6:F2} | {emulated.Report.TotalCycles / emulatorSeconds / 1e6:F2} |"),
        ];
    }

    public static void Run()
    {
        var lines = new List<string>
        {
            "| kernel | elements | C# reference s | g++ -O2 csim s | csim / C# | C# Melem/s | csim Melem/s |",
            "|---|---|---|---|---|---|---|",
        };
        foreach (var (kernel, rows) in new[] { ("softmax", 100_000), ("gelu", 100_000) })
        {
            var m = CsimThroughput.Measure(kernel, rows);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Kernel} | {m.Elements} | {m.CSharpSeconds:F3} | {m.CsimSeconds:F3} | {m.Ratio:F2} | {m.CSharpElementsPerSecond / 1e6:F1} | {m.CsimElementsPerSecond / 1e6:F1} |"));
        }
        lines.AddRange(FullSizeEncoderLayers());
        lines.AddRange(RtlBesideEmulator());
        Directory.CreateDirectory(Path.Combine("build", "bench"));
        File.WriteAllLines(Path.Combine("build", "bench", "side-by-side.md"), lines);
        foreach (var line in lines) Console.WriteLine(line);
    }
}
