using System.Globalization;
using Accel.Testbenches.Throughput;

namespace Accel.Benchmarks;

/// <summary>Measurements that run external processes, so they are timed side by side in one run here rather than
/// by BenchmarkDotNet; best of three each. Writes build/bench/side-by-side.md.</summary>
public static class SideBySide
{
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
        Directory.CreateDirectory(Path.Combine("build", "bench"));
        File.WriteAllLines(Path.Combine("build", "bench", "side-by-side.md"), lines);
        foreach (var line in lines) Console.WriteLine(line);
    }
}
