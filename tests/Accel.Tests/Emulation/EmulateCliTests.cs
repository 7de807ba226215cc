using System.Text.Json;
using Accel.Tests.Cli;

namespace Accel.Tests.Emulation;

public sealed class EmulateCliTests
{
    [Fact]
    public void JsonHasTheContractKeys()
    {
        var (exit, stdout, stderr) = CliTests.Accel("emulate", "gelu", "--config", "row16", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        foreach (var key in new[] { "cycles", "clock_mhz", "time_ms", "processes", "fifos", "ports" })
            Assert.True(json.TryGetProperty(key, out _), key);
        Assert.True(json.GetProperty("cycles").GetInt64() > 0);
        Assert.Equal(300, json.GetProperty("clock_mhz").GetDouble());
    }

    [Fact]
    public void TheVcdWaveformOpensInGtkwavesTools()
    {
        var dir = TestPaths.Scratch("vcd");
        var vcd = Path.Combine(dir, "gelu.vcd");
        var trace = Path.Combine(dir, "gelu.json");
        var (exit, _, stderr) = CliTests.Accel("emulate", "gelu", "--config", "row16", "--vcd", vcd, "--trace", trace);
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("$", File.ReadAllText(vcd).TrimStart());
        using (JsonDocument.Parse(File.ReadAllText(trace))) { }
        if (!Tools.Has("vcd2fst")) Assert.Fail("vcd2fst is missing: install Debian's gtkwave (make test does so when run as root)");
        var fst = Path.Combine(dir, "gelu.fst");
        var (code, output) = Tools.Run("vcd2fst", vcd, fst);
        Assert.True(code == 0 && File.Exists(fst) && new FileInfo(fst).Length > 0, output);
        var back = Path.Combine(dir, "back.vcd");
        (code, output) = Tools.Run("fst2vcd", "-f", fst, "-o", back);
        Assert.True(code == 0, output);
        Assert.Contains("gelu", File.ReadAllText(back));
    }

    [Fact]
    public void ADeadlockEndsWithAClearErrorAndExitOne()
    {
        var source = TestPaths.Data("Csim", "Kernels", "ShallowFifo.cs");
        var (exit, stdout, stderr) = CliTests.Accel("emulate", "shallow_fifo", "--source", source, "--json");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("deadlock", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ASweepCoversEveryPointAndTheVariantOfAttention()
    {
        var (exit, stdout, stderr) = CliTests.Accel("emulate", "attention", "--config", "tokens17-p1", "--sweep", "P=1,2,4", "--json");
        Assert.True(exit == 0, stderr);
        var points = JsonDocument.Parse(stdout).RootElement.GetProperty("points").EnumerateArray()
            .Select(p => (P: p.GetProperty("params").GetProperty("P").GetInt64(), Reorder: p.GetProperty("params").GetProperty("reorder").GetInt64() == 1,
                Read: p.GetProperty("bytes_read").GetInt64(), Cycles: p.GetProperty("cycles").GetInt64()))
            .ToList();
        Assert.Equal(6, points.Count); // 3 values of P x both loop orders
        var naive = points.Where(p => !p.Reorder).ToList();
        var reordered = points.Where(p => p.Reorder).OrderBy(p => p.P).ToList();
        Assert.Single(naive.Select(p => p.Read).Distinct()); // the naive order reads N^2 rows whatever P
        Assert.True(reordered[1].Read < reordered[0].Read && reordered[2].Read < reordered[1].Read); // about N^2/P + N
        Assert.All(points, p => Assert.True(p.Cycles > 0));
    }

    [Fact]
    public void AnUnknownBoardIsBadInput()
    {
        var (exit, _, stderr) = CliTests.Accel("emulate", "gelu", "--board", "vcu118");
        Assert.Equal(2, exit);
        Assert.Contains("boards: u55c, u280, zcu102", stderr);
    }
}

internal static class Tools
{
    public static bool Has(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    public static (int Code, string Output) Run(string tool, params string[] args)
    {
        var result = Accel.Testbenches.ExternalProcess.Run(tool, args);
        return (result.ExitCode, result.Output);
    }
}
