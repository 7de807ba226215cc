using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

public class PipelineTimingTests
{
    private static TimingReport RunSingle(ProcessTrace trace)
    {
        var design = new DesignBuilder(300);
        design.AddProcess("only");
        return TimingEngine.Run(design.Build(), [trace]);
    }

    [Theory]
    [InlineData(100, 1, 5)]
    [InlineData(100, 2, 5)]
    [InlineData(1, 3, 7)]
    [InlineData(37, 3, 2)]
    public void PipelinedLoopTakesNMinusOneIIsPlusDepth(int n, int ii, int depth)
    {
        var report = RunSingle(Record(t => t.Pipelined(ii, depth, n, _ => { })));

        // Iteration k issues at k*II; the last one (k = N-1) drains `depth` cycles later.
        Assert.Equal((long)(n - 1) * ii + depth, report.TotalCycles);
        Assert.Equal(report.TotalCycles, report.Processes[0].ActiveCycles);
    }

    [Fact]
    public void IIOfTwoCostsOneExtraCyclePerIterationAfterTheFirst()
    {
        const int n = 1000, depth = 9;
        long ii1 = RunSingle(Record(t => t.Pipelined(1, depth, n, _ => { }))).TotalCycles;
        long ii2 = RunSingle(Record(t => t.Pipelined(2, depth, n, _ => { }))).TotalCycles;

        // (N-1)*1 + D = 999 + 9 = 1008 against (N-1)*2 + D = 1998 + 9 = 2007: not twice, the drain is paid once.
        Assert.Equal(1008, ii1);
        Assert.Equal(2007, ii2);
        Assert.Equal(n - 1, ii2 - ii1);
    }

    [Fact]
    public void PlainLoopCostsItsBodyPerIteration()
    {
        // 10 iterations x (Delay 7) = 70 cycles: loop markers cost nothing.
        var report = RunSingle(Record(t => t.Plain(10, _ => t.Delay(7))));

        Assert.Equal(70, report.TotalCycles);
    }

    [Fact]
    public void PipelinedLoopInsidePlainLoopIsPaidPerOuterIteration()
    {
        // Outer 4 iterations x (Delay 2 + inner pipeline (8-1)*1 + 3 = 10) = 48.
        var report = RunSingle(Record(t => t.Plain(4, _ =>
        {
            t.Delay(2);
            t.Pipelined(1, 3, 8, _ => { });
        })));

        Assert.Equal(48, report.TotalCycles);
    }

    [Fact]
    public void EmptyPipelinedLoopCostsNothing()
    {
        var report = RunSingle(Record(t =>
        {
            t.Delay(5);
            t.Pipelined(1, 10, 0, _ => { });
            t.Delay(5);
        }));

        Assert.Equal(10, report.TotalCycles);
    }

    [Fact]
    public void ReportedTimeFollowsTheClock()
    {
        // 3000 cycles at 300 MHz = 10 us = 0.01 ms.
        var report = RunSingle(Record(t => t.Delay(3000)));

        Assert.Equal(0.01, report.TimeMs, 12);
    }
}
