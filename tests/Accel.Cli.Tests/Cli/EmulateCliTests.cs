namespace Accel.Tests.Cli;

public sealed class EmulateCliTests
{
    [Fact]
    public void JsonHasTheContractKeys()
    {
        var (exit, stdout, stderr) = AccelProcess.Run("emulate", "gelu", "--config", "row16", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        foreach (var key in new[] { "cycles", "clock_mhz", "time_ms", "processes", "fifos", "ports" })
            Assert.True(json.TryGetProperty(key, out _), key);
        Assert.True(json.GetProperty("cycles").GetInt64() > 0);
        Assert.Equal(300, json.GetProperty("clock_mhz").GetDouble());
    }

    [Fact]
    public void AnUnmetIIIsInTheLoopTableAndAWarningOnStderr()
    {
        // softmax's first pass asks II 1; each lane's sum recurs through a 64-bit multiply (7.68 cycles at 300 MHz)
        var (exit, stdout, stderr) = AccelProcess.Run("emulate", "softmax", "--config", "row16", "--json");
        Assert.True(exit == 0, stderr);
        var loop = JsonDocument.Parse(stdout).RootElement.GetProperty("loops").EnumerateArray()
            .Single(l => l.GetProperty("unmet").GetBoolean());
        Assert.Equal(1, loop.GetProperty("requested_ii").GetInt32());
        Assert.Equal(8, loop.GetProperty("achieved_ii").GetInt32());
        Assert.Contains("carried dependence through array 'laneSum'", loop.GetProperty("reason").GetString());
        Assert.Contains($"accel emulate: warning: {loop.GetProperty("name").GetString()} at Softmax.cs:", stderr);
        Assert.Contains("II=1 requested, achieved 8", stderr);
    }

    [Fact]
    public void GenWritesTheScheduleBesideTheHls()
    {
        var dir = Path.Combine(TestPaths.Scratch("gen-schedule"), "out");
        var (exit, _, stderr) = AccelProcess.Run("gen", "softmax", "--config", "row16", "--out", dir, "--force");
        Assert.True(exit == 0, stderr);
        var report = File.ReadAllText(Path.Combine(dir, "schedule.rpt"));
        Assert.Contains("requested II  achieved II", report);
        Assert.Contains("WARNING: loop2_line44 (Softmax.cs:44 in Run): II=1 requested, achieved 8", report);
    }

    [Fact]
    public void GenDumpsTheIrWithTheLoopIdsOfTheSchedule()
    {
        // softmax row16: rowLength 16, lanes 1. Loop 2 is the first pass over the row (Softmax.cs:44, stepping by
        // lanes), the loop schedule.rpt warns about; its body asks for II=1 (line 46) and reads scores at line 52.
        var dir = Path.Combine(TestPaths.Scratch("gen-ir"), "out");
        var (exit, _, stderr) = AccelProcess.Run("gen", "softmax", "--config", "row16", "--out", dir, "--force", "--dump-ir");
        Assert.True(exit == 0, stderr);
        var ir = File.ReadAllText(Path.Combine(dir, "ir.txt"));
        Assert.StartsWith("kernel softmax (class Softmax, Softmax.cs), configuration row16\nparam rowLength: i32 = 16\n", ir);
        Assert.Contains("function Run (top) at Softmax.cs:", ir);
        Assert.Contains("  port scores: port<i32> m_axi bundle=gmem0 bank=HBM[0]", ir);
        Assert.Matches(@"\n +44: for loop2 \(c = 0; \(c < rowLength\):bool; c = \(c \+ lanes\):i32\)\n +46: directive pipeline II=1\n", ir);
        Assert.Contains("52: local x: i32 = scores[(((r * rowLength):i32 + c):i32 + l):i32]", ir);
    }

    [Fact]
    public void GenWritesNoIrUnlessAsked()
    {
        var dir = Path.Combine(TestPaths.Scratch("gen-no-ir"), "out");
        var (exit, _, stderr) = AccelProcess.Run("gen", "gelu", "--out", dir, "--force");
        Assert.True(exit == 0, stderr);
        Assert.False(File.Exists(Path.Combine(dir, "ir.txt")));
    }

    [Fact]
    public void TheVcdWaveformOpensInGtkwavesTools()
    {
        var dir = TestPaths.Scratch("vcd");
        var vcd = Path.Combine(dir, "gelu.vcd");
        var trace = Path.Combine(dir, "gelu.json");
        var (exit, _, stderr) = AccelProcess.Run("emulate", "gelu", "--config", "row16", "--vcd", vcd, "--trace", trace);
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
        var (exit, stdout, stderr) = AccelProcess.Run("emulate", "shallow_fifo", "--source", source, "--json");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("deadlock", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnUnknownBoardIsBadInput()
    {
        var (exit, _, stderr) = AccelProcess.Run("emulate", "gelu", "--board", "vcu118");
        Assert.Equal(2, exit);
        Assert.Contains("--board vcu118: expected one of u55c, u280, zcu102", stderr);
    }
}

