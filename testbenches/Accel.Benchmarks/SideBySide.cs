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
        var project = Accel.Testbenches.KernelCatalog.BuiltIn;
        var kernel = Accel.Testbenches.KernelCatalog.Find(project, "edgemoe_encoder");
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
        Directory.CreateDirectory(Path.Combine("build", "bench"));
        File.WriteAllLines(Path.Combine("build", "bench", "side-by-side.md"), lines);
        foreach (var line in lines) Console.WriteLine(line);
    }
}
