using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Accel.Codegen.Frontend;
using Accel.Testbenches;
using Accel.Codegen.Reference;

namespace Accel.Cli.Limits;

/// <summary>Runs a command on a worker thread while this thread watches the process's working set and the clock.
/// Past either limit it kills the child processes (g++, a C simulation) and throws <see cref="BudgetExceededException"/>
/// here, so <see cref="ErrorMap"/> reports it (exit 1); the worker is a background thread and ends with the process.
/// Nothing in the emulator's hot path is involved: a kernel looping forever without a single hook is stopped too.</summary>
public static class Watchdog
{
    /// <summary>At the fastest growth seen (a trace of a runaway loop, ~0.4 GB/s) a poll every 50 ms overshoots by ~20 MB.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>How long an out-of-memory exception may take to unwind to the worker (a loaded machine: a few hundred ms).</summary>
    private static readonly TimeSpan UnwindGrace = TimeSpan.FromSeconds(1);

    /// <summary>The GC heap's hard limit as a share of the budget: the rest is the runtime's own (code, Roslyn, stacks).
    /// Reaching it throws OutOfMemoryException in the kernel's code, before the working set reaches the budget.</summary>
    private const double HeapShare = 0.85;

    /// <summary>Set by Program.Main: the process is the command's own, so the GC heap may be limited to the budget.
    /// In-process callers (the tests) keep their heap; the working-set watch applies to them as well.</summary>
    public static bool OwnsProcess { get; set; }

    /// <param name="subject">what the command works on ("kernel 'softmax'"), for a message when no kernel code runs</param>
    public static int Run(Budget budget, string? subject, Func<int> command)
    {
        if (OwnsProcess) LimitHeap(budget);
        int exit = ExitCodes.InternalError;
        ExceptionDispatchInfo? failure = null;
        var clock = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            try { exit = command(); }
            catch (Exception e) when (IsOutOfMemory(e))
            {
                failure = ExceptionDispatchInfo.Capture(new BudgetExceededException(
                    $"memory budget exceeded: the GC heap reached its share of the {Budget.Megabytes(budget.MaxMemoryBytes)} budget after " +
                    $"{clock.Elapsed.TotalSeconds:F1} s while running {Running(RunActivity.DescribeLatest(), subject)}; {Advice(budget, memory: true)}"));
            }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
        }) { IsBackground = true, Name = "accel command" };
        var outerBudget = MemoryBudget.MaxBytes;
        MemoryBudget.MaxBytes = budget.MaxMemoryBytes;   // the emulator refuses a trace that cannot fit before recording it
        try
        {
            worker.Start();
            Watch(worker, budget, subject, clock);
        }
        finally
        {
            MemoryBudget.MaxBytes = outerBudget;
        }
        failure?.Throw();
        return exit;
    }

    private static void Watch(Thread worker, Budget budget, string? subject, Stopwatch clock)
    {
        while (!worker.Join(PollInterval))
        {
            long workingSet = ProcessMemory.WorkingSet;
            if (workingSet > budget.MaxMemoryBytes)
            {
                // Kernel code that just hit the GC heap limit has closed its scopes before its exception reaches the
                // worker, whose report names what it ran: with no kernel code running, give that report a moment.
                if (RunActivity.Describe() is null && worker.Join(UnwindGrace)) return;
                throw Stop($"memory budget exceeded: the working set reached {Budget.Megabytes(workingSet)} of the {Budget.Megabytes(budget.MaxMemoryBytes)} " +
                           $"budget after {clock.Elapsed.TotalSeconds:F1} s while running {Running(RunActivity.Describe(), subject)}; {Advice(budget, memory: true)}");
            }
            if (clock.Elapsed > budget.Timeout)
                throw Stop($"time limit exceeded: {Running(RunActivity.Describe(), subject)} was still running after {budget.Timeout.TotalSeconds:G} s; " +
                           Advice(budget, memory: false));
        }
    }

    private static BudgetExceededException Stop(string message)
    {
        ExternalProcess.KillAll();
        return new BudgetExceededException(message);
    }

    private static string Running(string? activity, string? subject) =>
        activity ?? $"{subject ?? "the command"} in Accel's own code (lowering, compiling, writing; no kernel code was running)";

    private static string Advice(Budget budget, bool memory) =>
        $"stopped (peak working set {Budget.Megabytes(ProcessMemory.PeakWorkingSet)}). " + (memory
            ? $"Choose a smaller configuration (--config, --param) or raise --max-memory (default {Budget.DefaultMemoryFraction * 100:G}% of physical memory, {Budget.Megabytes(Budget.DefaultMaxMemoryBytes)} here)"
            : $"If the run is expected to take this long, raise --timeout SECONDS (default {Budget.DefaultTimeoutSeconds:G})");

    private static bool IsOutOfMemory(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is OutOfMemoryException or InsufficientMemoryException) return true;
        return e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutOfMemory);
    }

    private static void LimitHeap(Budget budget)
    {
        _ = Budget.PhysicalMemoryBytes;   // read before the limit replaces it
        AppContext.SetData("GCHeapHardLimit", (ulong)(budget.MaxMemoryBytes * HeapShare));
        try
        {
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException)
        {
            throw new UsageException($"--max-memory {Budget.Megabytes(budget.MaxMemoryBytes)}: less than the runtime already holds " +
                                     $"({Budget.Megabytes(ProcessMemory.WorkingSet)}); expected a larger budget");
        }
    }
}
