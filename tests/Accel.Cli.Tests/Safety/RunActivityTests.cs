using Accel.Codegen.Reference;

namespace Accel.Tests.Safety;

/// <summary>What a budget message names. RunActivity is process-wide: these run alone (no kernel runs beside them).</summary>
[Collection(InProcessCliCollection.Name)]
public sealed class RunActivityTests
{
    /// <summary>An exception filter at the innermost loop runs before the loops' exit hooks unwind: the message of an
    /// out-of-memory thrown there still names that loop, not the outer one the exits would restore.</summary>
    [Fact]
    public void AnExceptionFreezesTheLoopItCameFrom()
    {
        using (RunActivity.Enter("k", "the hooked emulator run of [Top]", RunActivity.Loops.Hooked))
        {
            try
            {
                RunActivity.InProcess("1:Compute");
                RunActivity.InLoop("'loop0_line3' at K.cs:3 in Run");
                try
                {
                    RunActivity.InLoop("'loop1_line5' at K.cs:5 in Run");
                    try { throw new OutOfMemoryException(); }
                    catch (Exception) when (RunActivity.Unwinding()) { throw; }
                    finally { RunActivity.InLoop("'loop0_line3' at K.cs:3 in Run"); }
                }
                finally { RunActivity.InLoop(null); }
            }
            catch (OutOfMemoryException) { }
        }
        Assert.Equal("kernel 'k' in the hooked emulator run of [Top], dataflow process 1:Compute, in the loop 'loop1_line5' at K.cs:5 in Run",
            RunActivity.DescribeLatest());
    }

    [Fact]
    public void ARunWithoutHooksSaysItsLoopIsNotKnown()
    {
        using (RunActivity.Enter("k", "the C# reference run of [Top]", RunActivity.Loops.Unknown))
        {
            RunActivity.InLoop("'loop0_line3' at K.cs:3 in Run");   // no hook calls this in a plain run; ignored if one did
            Assert.Equal("kernel 'k' in the C# reference run of [Top] (the loop is not known: this run of the kernel's C# has no loop hooks)",
                RunActivity.Describe());
        }
        Assert.Null(RunActivity.Describe());
    }

    /// <summary>Runs in parallel (dse, the test suite) end in any order: when the first to start ends first, the
    /// second's end must not bring the first back as "running" (it did, and stale names leaked into later messages).</summary>
    [Fact]
    public void RunsThatEndOutOfOrderLeaveNothingRunning()
    {
        using var firstStarted = new ManualResetEventSlim();
        using var firstEnded = new ManualResetEventSlim();
        using var secondStarted = new ManualResetEventSlim();
        var first = new Thread(() =>
        {
            using (RunActivity.Enter("first", "its [Stimulus] method", RunActivity.Loops.Unknown))
            {
                firstStarted.Set();
                secondStarted.Wait();
            }
            firstEnded.Set();
        });
        first.Start();
        firstStarted.Wait();
        using (RunActivity.Enter("second", "its [Stimulus] method", RunActivity.Loops.Unknown))
        {
            secondStarted.Set();
            firstEnded.Wait();
            Assert.StartsWith("kernel 'second'", RunActivity.Describe());
        }
        first.Join();
        Assert.Null(RunActivity.Describe());
    }

    /// <summary>The watchdog watches from its own thread: it names the run on the kernel's thread, loop included.</summary>
    [Fact]
    public void AnotherThreadSeesTheRunningLoop()
    {
        using var inLoop = new ManualResetEventSlim();
        using var seen = new ManualResetEventSlim();
        var kernel = new Thread(() =>
        {
            using (RunActivity.Enter("k", "the hooked emulator run of [Top]", RunActivity.Loops.Hooked))
            {
                RunActivity.InLoop("'loop0_line3' at K.cs:3 in Run");
                inLoop.Set();
                seen.Wait();
            }
        });
        kernel.Start();
        inLoop.Wait();
        string? described = RunActivity.Describe();
        seen.Set();
        kernel.Join();
        Assert.Equal("kernel 'k' in the hooked emulator run of [Top], in the loop 'loop0_line3' at K.cs:3 in Run", described);
    }
}
