namespace Accel.Tests.Safety;

/// <summary>Every input is checked before any work: kernel declarations, cross-parameter conditions, repeated or
/// conflicting options; each refusal is exit 2 naming the option or the source place.</summary>
public sealed class InputCheckTests
{
    [Theory]
    [InlineData("float scale = 1.5f", "kernel parameter 'scale' is float")]
    [InlineData("int n", "kernel parameter 'n' is int without a default")]
    [InlineData("[Range(100, 1)] int n = 50", "the minimum is above the maximum")]
    [InlineData("[Range(1, 8)] int n = 9", "defaults to 9, outside its [Range(1, 8)]")]
    public void BadKernelParametersAreACCEL0004AtTheirPlace(string parameter, string message)
    {
        var source = Kernel($"public sealed class Bad({parameter})");
        foreach (var verb in new[] { "list", "gen" })
        {
            string[] args = verb == "list" ? ["list", "--source", source] : ["gen", "bad", "--source", source];
            var (exit, _, stderr) = AccelProcess.Run(args);
            Assert.True(exit == 2, $"{verb}: {stderr}");
            Assert.Contains("Bad.cs(3,", stderr);
            Assert.Contains("error ACCEL0004", stderr);
            Assert.Contains(message, stderr);
        }
    }

    [Fact]
    public void AKernelNamedLikeABuiltInIsRefused()
    {
        var dir = TestPaths.Scratch("shadow");
        var source = Path.Combine(dir, "Shadow.cs");
        File.WriteAllText(source, "using Accel.Hw;\n[Kernel(\"softmax\")]\npublic sealed class Shadow\n{\n    [Top] public void Run([MAxi(\"g\")] int[] x) { x[0] = 1; }\n}\n");
        var (exit, _, stderr) = AccelProcess.Run("gen", "softmax", "--source", source);
        Assert.True(exit == 2, stderr);
        Assert.Contains("is the name of a built-in kernel", stderr);
    }

    [Fact]
    public void TwoKernelsOfOneNameAreRefused()
    {
        var dir = TestPaths.Scratch("twins");
        var source = Path.Combine(dir, "Twins.cs");
        File.WriteAllText(source, "using Accel.Hw;\n[Kernel(\"twin\")]\npublic sealed class A { [Top] public void Run([MAxi(\"g\")] int[] x) { x[0] = 1; } }\n" +
                                  "[Kernel(\"twin\")]\npublic sealed class B { [Top] public void Run([MAxi(\"g\")] int[] x) { x[0] = 2; } }\n");
        var (exit, _, stderr) = AccelProcess.Run("list", "--source", source);
        Assert.True(exit == 2, stderr);
        Assert.Contains("two kernels are named \"twin\"", stderr);
    }

    [Theory]
    [InlineData("topK <= experts", "edgemoe_moe", "--param", "topK=8", "experts=3")]
    [InlineData("hbmBins <=", "omap_controller", "--param", "capacity=64", "hbmBins=9")]
    public void CrossParameterConditionsAreCheckedBeforeAnyRun(string condition, params string[] args)
    {
        var (exit, _, stderr) = AccelProcess.Run(["gen", .. args]);
        Assert.True(exit == 2, stderr);
        Assert.Contains($"requires {condition}", stderr);
    }

    [Theory]
    [InlineData("parameter 'lanes' is given twice", "gen", "gelu", "--param", "lanes=2", "--param", "lanes=4")]
    [InlineData("--config is given twice", "gen", "gelu", "--config", "row16", "--config", "row16")]
    [InlineData("--seed is given twice", "gen", "gelu", "--seed", "1", "--seed", "2")]
    [InlineData("no empty values", "emulate", "gelu", "--sweep", "lanes=1,,2")]
    [InlineData("--sweep: parameter 'lanes' = 'abc'", "emulate", "gelu", "--config", "row16", "--sweep", "lanes=1,abc")]
    [InlineData("both set 'lanes'", "emulate", "gelu", "--param", "lanes=2", "--sweep", "lanes=1,4")]
    [InlineData("unexpected argument 'extra'", "gen", "gelu", "extra")]
    [InlineData("is a folder", "list", "--source", ".")]
    [InlineData("--device nonsense: no such device; expected emu (the emulator) or xrt:N", "run", "gelu", "--device", "nonsense")]
    public void RepeatedConflictingOrExtraArgumentsAreRefused(string message, params string[] args)
    {
        var (exit, stdout, stderr) = AccelProcess.Run(args);
        Assert.True(exit == 2, stderr);
        Assert.Equal("", stdout.Trim());
        Assert.Contains(message, stderr);
    }

    [Fact]
    public async Task TwoCsimRunsOnOneFolderAtOnceBothSucceed()
    {
        var work = TestPaths.Scratch("concurrent");
        for (int round = 0; round < 2; round++)
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => AccelProcess.RunIn(work, "csim", "gelu", "--config", "row16"))));
            foreach (var run in runs) Assert.True(run.Exit == 0, run.Stderr);
        }
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(work, "build"), "*.accel-tmp-*", SearchOption.AllDirectories));
    }

    private static string Kernel(string classLine)
    {
        var dir = TestPaths.Scratch("bad-param");
        var path = Path.Combine(dir, "Bad.cs");
        File.WriteAllText(path, $"using Accel.Hw;\n[Kernel(\"bad\")]\n{classLine}\n{{\n    [Top] public void Run([MAxi(\"g\")] int[] x) {{ x[0] = 1; }}\n}}\n");
        return path;
    }
}
