using Accel.Cli.Limits;

namespace Accel.Tests.Cli.Fuzz;

/// <summary>Hundreds of generated bad command lines and bad kernel sources, run in-process (Verbs.Dispatch) from a
/// scratch working folder: each exits 0, 1 or 2 with no stack trace, touches no file outside its output folders
/// (nor the checkout), and the process stays under the memory budget. Seeded, so a failure repeats; CsCheck
/// shrinks it to the smallest failing command line.</summary>
[Collection(InProcessCliCollection.Name)]
public sealed class CliFuzzTests
{
    private const int InvocationCases = 400;
    private const int SourceCases = 16;

    /// <summary>Every case also carries this budget: far above what a refused command needs, far below the machine.</summary>
    private static readonly string[] Budget = ["--max-memory", "3G", "--timeout", "120"];

    private const long BudgetBytes = 3L << 30;

    [Fact]
    public void BadCommandLinesExitZeroOneOrTwoWithoutAStackTraceAndTouchNothingElse()
    {
        var sandbox = Sandbox.Create();
        BadInvocations.Cases.Sample(args => sandbox.Check(WithBudget(args)), iter: InvocationCases, threads: 1,
            seed: "0N0XIzNsQ0O2", print: args => string.Join(' ', args.Select(a => $"'{a}'")));
        sandbox.AssertUntouchedAndUnderBudget();
    }

    /// <summary>The case's own (bad) --max-memory or --timeout is not overridden by the suite's: a repeated option's
    /// last value wins, which would hide the bad one.</summary>
    private static string[] WithBudget(string[] args) =>
        [.. args, .. Budget.Chunk(2).Where(pair => !args.Contains(pair[0])).SelectMany(pair => pair)];

    [Fact]
    public void BadKernelSourcesExitZeroOneOrTwoWithoutAStackTraceAndTouchNothingElse()
    {
        var sandbox = Sandbox.Create();
        int n = 0;
        BadKernelSources.Cases.Sample(((string Source, string Verb) c) =>
        {
            var (source, verb) = c;
            var file = Path.Combine(sandbox.Sources, $"Fz{n++}.cs");
            File.WriteAllText(file, source);
            sandbox.Check([verb, "fz", "--source", file, .. verb == "gen" ? new[] { "--out", "out" } : [], .. Budget]);
        }, iter: SourceCases, threads: 1, seed: "0Z7Rh2m8CKyV", print: ((string Source, string Verb) c) => $"accel {c.Verb} fz --source <<\n{c.Source}\n>>");
        sandbox.AssertUntouchedAndUnderBudget();
    }

    /// <summary>A scratch root holding the working folder (where `build/` and `out/` may be written), the kernel
    /// sources and a bystander file; plus the checkout's sources, which no case may touch.</summary>
    private sealed class Sandbox
    {
        public required string Root { get; init; }
        public required string WorkingDirectory { get; init; }
        public required string Sources { get; init; }
        public required string Checkout { get; init; }

        public static Sandbox Create()
        {
            var root = TestPaths.Scratch("fuzz");
            var checkout = TestPaths.Checkout();
            var sandbox = new Sandbox
            {
                Root = root, WorkingDirectory = Path.Combine(root, "cwd"), Sources = Path.Combine(root, "src"),
                Checkout = checkout, checkoutBefore = TreeSnapshot.Of(checkout, skipBuildFolders: true),
            };
            Directory.CreateDirectory(sandbox.WorkingDirectory);
            Directory.CreateDirectory(sandbox.Sources);
            File.WriteAllText(Path.Combine(root, "bystander.txt"), "a user's file beside the working folder");
            File.WriteAllText(Path.Combine(sandbox.WorkingDirectory, "Makefile"), "a user's file in the working folder");
            return sandbox;
        }

        public (int Exit, string Stderr) Check(string[] args)
        {
            var before = TreeSnapshot.Of(Root, skipBuildFolders: false);
            var (exit, stdout, stderr) = InProcessCli.Run(WorkingDirectory, args);
            var command = "accel " + string.Join(' ', args.Select(a => $"'{a}'"));
            Assert.True(exit is 0 or 1 or 2, $"{command}: exit {exit}\n{stderr}");
            Assert.False(stderr.Contains("   at ") || stdout.Contains("   at "), $"{command}: a stack trace\n{stderr}");
            Assert.False(stderr.Contains("internal error"), $"{command}: {stderr}");
            Assert.False(stderr.Contains("budget exceeded") || stderr.Contains("time limit exceeded"), $"{command}: {stderr}");
            string[] allowed = [Path.Combine(WorkingDirectory, "build"), Path.Combine(WorkingDirectory, "out"), Sources];
            var touched = TreeSnapshot.Of(Root, skipBuildFolders: false).ChangedSince(before, allowed).ToList();
            Assert.True(touched.Count == 0, $"{command}: touched {string.Join(", ", touched)}");
            return (exit, stderr);
        }

        private TreeSnapshot checkoutBefore = null!;

        /// <summary>The checkout's sources (bin, obj and build aside) are as they were, and the peak working set of the
        /// whole test process (VmHWM), every case included, stayed under the budget.</summary>
        public void AssertUntouchedAndUnderBudget()
        {
            var touched = TreeSnapshot.Of(Checkout, skipBuildFolders: true).ChangedSince(checkoutBefore, []).ToList();
            Assert.True(touched.Count == 0, $"the checkout was touched: {string.Join(", ", touched)}");
            Assert.True(ProcessMemory.PeakWorkingSet < BudgetBytes, $"peak working set {ProcessMemory.PeakWorkingSet >> 20} MB");
        }
    }
}
