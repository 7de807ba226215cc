namespace Accel.Tests.Cli;

/// <summary>Errors are mapped to exit codes in one place (ErrorMap): bad usage or input 2, a failed check and the
/// kernel's own C# throwing 1, a bug in Accel 70; no stack trace unless --verbose.</summary>
public sealed class ErrorExitTests
{
    private const string StackFrameMarker = "   at ";

    [Theory]
    [InlineData("list", "--source", "no-such-file.cs")]
    [InlineData("gen", "softmax", "--clock", "0")]
    [InlineData("csim", "softmax", "--board", "vck190")]
    [InlineData("accuracy", "nosuchkernel")]
    [InlineData("emulate", "gelu", "--clock", "301")]
    [InlineData("emulate", "m3vit", "--seed", "-1")]
    [InlineData("bench", "nosuchtarget")]
    [InlineData("omap", "bench", "--alpha", "2")]
    [InlineData("demo", "--no-such-option")]
    [InlineData("run", "gelu", "--timeout", "0")]
    [InlineData("xclbin", "info", "no-such-file.xclbin")]
    [InlineData("estimate", "gelu", "--part", "xc7a35t")]
    [InlineData("dse", "gelu", "--sweep", "lanes=1", "--part", "zcu102", "--source", "x.cs")]
    public void EveryVerbExitsTwoOnBadInputWithoutAStackTrace(params string[] args)
    {
        var (exit, stdout, stderr) = AccelProcess.Run(args);
        Assert.True(exit == 2, $"exit {exit}\n{stderr}");
        Assert.Equal("", stdout.Trim());
        Assert.NotEqual("", stderr.Trim());
        Assert.DoesNotContain(StackFrameMarker, stderr);
    }

    // The loop divides by the scalar `d`, which the stimulus sets to 0: the kernel's fault, reported at its line.
    private static readonly string FaultingKernel = Fuzz.BadKernelSources.Source("x[i] = x[i] / d;", """s.Scalar("d", 0).Array("x", new int[] { 1, 2, 3, 4 })""");

    [Theory]
    [InlineData("gen")]
    [InlineData("emulate")]
    public void TheKernelsOwnExceptionExitsOneAtItsLine(string verb)
    {
        var dir = TestPaths.Scratch("cli-fault");
        var source = Path.Combine(dir, "Fault.cs");
        File.WriteAllText(source, FaultingKernel);
        string[] args = verb == "gen" ? ["gen", "fz", "--source", source, "--out", Path.Combine(dir, "out")] : [verb, "fz", "--source", source];

        var (exit, _, stderr) = AccelProcess.Run(args);

        Assert.True(exit == 1, $"exit {exit}\n{stderr}");
        Assert.Contains("DivideByZeroException", stderr);
        Assert.Contains("Fault.cs(9,", stderr);   // x[i] = x[i] / d;
        Assert.DoesNotContain(StackFrameMarker, stderr);
    }

    [Fact]
    public void ABugInAccelIsExitSeventyWithOneLineToReport()
    {
        Exception bug;
        try { throw new NullReferenceException("deliberate"); }
        catch (Exception e) { bug = e; }

        Assert.Equal(ErrorMap.Kind.Internal, ErrorMap.Classify(bug));
        // yosys past its time limit, or failing on a design, is a failed run, not a bug in Accel
        Assert.Equal(ErrorMap.Kind.CheckFailed, ErrorMap.Classify(new ToolRunException("yosys -q -s synth.ys did not finish within 1800 s")));
        Assert.Equal(70, ErrorMap.ExitCode(ErrorMap.Classify(bug)));
        var quiet = string.Join("\n", ErrorMap.Report("gen", bug, verbose: false));
        Assert.Contains("internal error (NullReferenceException): deliberate", quiet);
        Assert.DoesNotContain(StackFrameMarker, quiet);
        Assert.Contains(StackFrameMarker, string.Join("\n", ErrorMap.Report("gen", bug, verbose: true)));
    }

    [Fact]
    public void ProgrammingErrorsAreNotMistakenForBadInput()
    {
        Assert.Equal(ErrorMap.Kind.Internal, ErrorMap.Classify(new InvalidOperationException("a bug")));
        Assert.Equal(ErrorMap.Kind.Internal, ErrorMap.Classify(new ArgumentException("a bug")));
        Assert.Equal(ErrorMap.Kind.BadInput, ErrorMap.Classify(new Runtime.Devices.DeviceArgumentException("no such bank")));
    }
}
