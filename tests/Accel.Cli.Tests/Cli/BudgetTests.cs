using System.Globalization;
using System.Text.RegularExpressions;
using Accel.Cli.Limits;
using Accel.Codegen.Reference;

namespace Accel.Tests.Cli;

/// <summary>Every verb that runs kernel code is held to --max-memory and --timeout: past either, the run stops with
/// exit 1 and one message naming the kernel, what of it was running and the figure reached, no stack trace. These
/// run the real binary (a runaway worker thread cannot be stopped inside the test process); small budgets keep them short.</summary>
public sealed partial class BudgetTests
{
    // [Top] never ends: nothing in the loop allocates, but on the emulator every iteration adds to the trace.
    internal const string ForeverTop = """
        using Accel.Hw;
        [Kernel("forever")]
        public sealed class Forever
        {
            [Top]
            public void Run([MAxi("g")] int[] x)
            {
                int i = 0;
                while (x[0] >= 0)
                {
                    x[i & 3] = (x[i & 3] + 1) & 0xFFFF;   // x[0] never turns negative: the loop never ends
                    i++;
                }
            }

            [Stimulus]
            public void Stimulus(Stimulus s) => s.Array("x", new int[] { 1, 2, 3, 4 });
        }
        """;

    // [Stimulus] never ends: one variant spins, the other keeps allocating.
    internal static string EndlessStimulus(string loop) => $$"""
        using Accel.Hw;
        [Kernel("endless")]
        public sealed class Endless
        {
            [Top]
            public void Run([MAxi("g")] int[] x)
            {
                for (int i = 0; i < 4; i++) x[i] = x[i] + 1;
            }

            [Stimulus]
            public void Stimulus(Stimulus s)
            {
                var chunks = new System.Collections.Generic.List<int[]>();
                int spin = 1;
                {{loop}}
                s.Array("x", new int[4]);
            }
        }
        """;

    internal const string Spin = "while (spin != 0) spin = (spin * 5 + 1) & 1023 | 1;";
    private const string Hoard = "while (chunks.Count >= 0) { var c = new int[1 << 16]; System.Array.Fill(c, spin); chunks.Add(c); }";

    /// <summary>Startup (runtime, Roslyn compiling the kernel) takes a few seconds, up to ~20 on a loaded machine:
    /// the time limits below leave room for it so the limit is reached inside the kernel's code.</summary>
    internal const string TimeLimit = "40";

    private const string MemoryLimit = "600M";
    private const long MemoryLimitMb = 600;

    /// <summary>The poll every 50 ms lets the working set overshoot by what grows in one interval: well under 100 MB.</summary>
    internal const long OvershootMb = 100;

    [Fact]
    public void EmulatingATopThatNeverEndsStopsAtTheMemoryBudget()
    {
        var stderr = Refused(ForeverTop, "emulate", "forever", "--max-memory", MemoryLimit);
        Assert.Contains("memory budget exceeded", stderr);
        // The while loop is line 9 of the file (the usings and the class header come first) and loop 0 of Run;
        // the message names it whether the GC heap limit or the working-set watch stopped the run.
        Assert.Contains("kernel 'forever' in the hooked emulator run of [Top], in the loop 'loop0_line9' at Kernel.cs:9 in Run", stderr);
        AssertPeakUnder(stderr, MemoryLimitMb + OvershootMb);
    }

    [Fact]
    public void GeneratingAStimulusThatHoardsMemoryStopsAtTheMemoryBudget()
    {
        var stderr = Refused(EndlessStimulus(Hoard), "gen", "endless", "--max-memory", MemoryLimit);
        Assert.Contains("memory budget exceeded", stderr);
        Assert.True(stderr.Contains("kernel 'endless' in its [Stimulus] method", StringComparison.Ordinal), stderr);
        AssertPeakUnder(stderr, MemoryLimitMb + OvershootMb);
    }

    internal static string Refused(string source, string verb, string kernel, params string[] budget)
    {
        var dir = TestPaths.Scratch("budget");
        var file = Path.Combine(dir, "Kernel.cs");
        File.WriteAllText(file, source);
        string[] args = [verb, kernel, "--source", file, .. budget, .. verb == "gen" ? new[] { "--out", Path.Combine(dir, "out") } : []];
        var (exit, stdout, stderr) = AccelProcess.Run(args);
        Assert.True(exit == 1, $"exit {exit}\n{stderr}");
        Assert.Equal("", stdout.Trim());
        Assert.DoesNotContain("   at ", stderr);
        Assert.Single(stderr.Trim().Split('\n'));   // one message, nothing else
        return stderr;
    }

    /// <summary>The peak is the process's own high-water mark (VmHWM) read as it stops: what the machine gave it.</summary>
    internal static void AssertPeakUnder(string stderr, long megabytes)
    {
        var match = PeakPattern().Match(stderr);
        Assert.True(match.Success, stderr);
        long peak = long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(peak <= megabytes, $"peak working set {peak} MB, over {megabytes} MB\n{stderr}");
    }

    [GeneratedRegex(@"peak working set ([\d,]+) MB")]
    private static partial Regex PeakPattern();

    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("512m", 512L << 20)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("300000000", 300_000_000)]
    [InlineData("64MB", 64L << 20)]
    public void SizesReadInBinaryUnits(string text, long bytes) => Assert.Equal(bytes, Budget.ParseSize(text));

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("-1G")]
    [InlineData("1K")]
    [InlineData("4X")]
    [InlineData("1e30T")]
    [InlineData("NaN")]
    public void BadSizesNameTheOptionAndWhatIsAccepted(string text)
    {
        var e = Assert.Throws<UsageException>(() => Budget.ParseSize(text));
        Assert.StartsWith($"--max-memory {text}: expected a size such as 4G", e.Message);
    }

    [Fact]
    public void TheDefaultBudgetIsHalfThePhysicalMemoryAndAnHour()
    {
        var budget = Budget.Of(null, Budget.DefaultTimeoutSeconds);
        Assert.Equal(Budget.PhysicalMemoryBytes / 2, budget.MaxMemoryBytes, tolerance: 1);
        Assert.Equal(TimeSpan.FromHours(1), budget.Timeout);
        Assert.Equal(ErrorMap.Kind.CheckFailed, ErrorMap.Classify(new BudgetExceededException("x")));
    }
}

/// <summary>The time limits, in a class of their own so they run beside the memory budgets (each waits out its limit).</summary>
public sealed class TimeLimitTests
{
    private const string ForeverTop = BudgetTests.ForeverTop;
    private const string TimeLimit = BudgetTests.TimeLimit;

    private static string EndlessStimulus(string loop) => BudgetTests.EndlessStimulus(loop);

    private static string Refused(string source, string verb, string kernel, params string[] budget) => BudgetTests.Refused(source, verb, kernel, budget);

    [Fact]
    public void GeneratingATopThatNeverEndsStopsAtTheTimeLimit()
    {
        var stderr = Refused(ForeverTop, "gen", "forever", "--timeout", TimeLimit);
        // On a loaded machine (make test runs every suite at once) the limit can fall before the kernel's code starts.
        Assert.Matches($@"kernel 'forever' in (the C# reference run of \[Top\] \(the loop is not known: this run of the kernel's C# has no loop hooks\)|Accel's own code .*) was still running after {TimeLimit} s", stderr);
        Assert.Contains("--timeout", stderr);
    }

    [Fact]
    public void EmulatingAStimulusThatNeverEndsStopsAtTheTimeLimit()
    {
        var stderr = Refused(EndlessStimulus(BudgetTests.Spin), "emulate", "endless", "--timeout", TimeLimit);
        Assert.Matches($@"kernel 'endless' in (its \[Stimulus\] method \(the loop is not known.*\)|Accel's own code .*) was still running after {TimeLimit} s", stderr);
    }
}

/// <summary>A built-in kernel's large in-range configuration, in a class of its own (the longest of these runs).</summary>
public sealed class LargeConfigurationBudgetTests
{
    private const long OvershootMb = BudgetTests.OvershootMb;

    private static void AssertPeakUnder(string stderr, long megabytes) => BudgetTests.AssertPeakUnder(stderr, megabytes);

    /// <summary>An in-range configuration whose trace cannot fit (the issue saw 13 GB at 95 s) is refused as its
    /// big loop begins, before recording any of it. attention tokens=4096 (heads 3, headDim 64, lanes 8, P 4):
    /// AttentionUnit's pipelined loop at line 54 runs StepsPerHead x beats = ((4096 + 3) / 4 + 1) x 4096 + 3 =
    /// 4,198,403 steps x (64 / 8 = 8 beats) = 33,587,224 iterations per head, one 16-byte trace operation at least
    /// each: 537,395,584 bytes = 512.5 MiB, printed as 513 MB, more than a 400 MB budget leaves.</summary>
    [Fact]
    public void ALargeInRangeAttentionIsRefusedWithWhatItsTraceNeeds()
    {
        var (exit, _, stderr) = AccelProcess.Run("emulate", "attention", "--param", "tokens=4096", "--max-memory", "400M");
        Assert.True(exit == 1, $"exit {exit}\n{stderr}");
        Assert.Contains("memory budget too small: kernel 'attention' in the hooked emulator run of [Top], in the loop 'loop2_line54' at AttentionUnit.cs:54 " +
            "in AttentionUnit_Run is about to run 33,587,224 iterations", stderr);
        Assert.Contains("it needs at least 513 MB (0 MB recorded so far), where the budget leaves", stderr);
        Assert.Contains("refused before recording it", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    /// <summary>A large omap_controller (2^25 items; the issue's 2^28 stops earlier, on an overflow in the kernel's own
    /// state): its [Stimulus] builds the map's state (a key table of 2^27 words alone), which no trip count foretells,
    /// so the budget stops it, naming the stimulus.</summary>
    [Fact]
    public void TheLargestOmapControllerStopsWithinASmallBudget()
    {
        var dir = TestPaths.Scratch("omap-large");
        var (exit, _, stderr) = AccelProcess.Run("gen", "omap_controller", "--param", "capacity=33554432", "--max-memory", "1G", "--out", Path.Combine(dir, "out"));
        Assert.True(exit == 1, $"exit {exit}\n{stderr}");
        Assert.Contains("memory budget exceeded", stderr);
        Assert.Contains("kernel 'omap_controller' in its [Stimulus] method", stderr);
        Assert.DoesNotContain("   at ", stderr);
        AssertPeakUnder(stderr, 1024 + OvershootMb);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }
}
