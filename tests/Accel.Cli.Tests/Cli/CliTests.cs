namespace Accel.Tests.Cli;

/// <summary>The `accel` binary as users run it: verbs, --json keys, exit codes 0 / 1 / 2.</summary>
public sealed class CliTests
{
    [Fact]
    public void ListJsonNamesKernelsAndParameters()
    {
        var (exit, stdout, _) = AccelProcess.Run("list", "--json");
        Assert.Equal(0, exit);
        var kernels = JsonDocument.Parse(stdout).RootElement.GetProperty("kernels").EnumerateArray().ToList();
        var softmax = kernels.Single(k => k.GetProperty("name").GetString() == "softmax");
        Assert.Contains(softmax.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "rowLength" && p.GetProperty("default").GetInt64() == 129);
    }

    [Fact]
    public void CsimJsonReportsBitExactness()
    {
        var (exit, stdout, stderr) = AccelProcess.Run("csim", "gelu", "--config", "row16", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.True(json.GetProperty("bit_exact").GetBoolean());
        Assert.Equal(64, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public void AccuracyJsonHasTheContractKeys()
    {
        var (exit, stdout, stderr) = AccelProcess.Run("accuracy", "gelu", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        foreach (var key in new[] { "kernel", "max_abs_err", "mean_abs_err", "points" }) Assert.True(json.TryGetProperty(key, out _), key);
    }

    [Fact]
    public void AnAccuracyBoundThatIsMissedExitsOne()
    {
        var (exit, _, _) = AccelProcess.Run("accuracy", "gelu", "--param", "tableFracBits=8");
        Assert.Equal(1, exit);
    }

    [Theory]
    [InlineData("gen", "nosuchkernel")]
    [InlineData("gen", "softmax", "--param", "lanes=0")]
    [InlineData("gen", "softmax", "--board", "vck190")]
    [InlineData("frobnicate")]
    [InlineData("gen")]
    public void BadUsageExitsTwoWithAMessage(params string[] args)
    {
        var (exit, stdout, stderr) = AccelProcess.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout.Trim());
        Assert.NotEqual("", stderr.Trim());
    }

    [Fact]
    public void UnsupportedConstructsExitTwoAndWriteNoCpp()
    {
        var dir = TestPaths.Scratch("cli-bad");
        var source = Path.Combine(dir, "Bad.cs");
        File.WriteAllText(source, "using Accel.Hw;\n[Kernel(\"bad\")]\npublic sealed class Bad\n{\n    [Top] public void Run([MAxi(\"g\")] int[] d) { foreach (var v in d) d[0] = v; }\n}\n");
        var (exit, _, stderr) = AccelProcess.Run("gen", "bad", "--source", source, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("ACCEL0019", stderr);
        Assert.Contains("Bad.cs(5,", stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("gen")]
    [InlineData("csim")]
    [InlineData("accuracy")]
    public void EveryVerbHasHelp(string verb)
    {
        var (exit, _, stderr) = AccelProcess.Run(verb, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--json", stderr);
    }
}
