using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

public class DeadlockTests
{
    private const int N = 4;

    /// <summary>Producer writes N items to A, then N to B; consumer reads A, B, A, B, ...</summary>
    private static TimingReport RunAlternating(int depth)
    {
        var b = new DesignBuilder(300);
        int producer = b.AddProcess("producer"), consumer = b.AddProcess("consumer");
        int a = b.AddFifo("a", depth, producer, consumer);
        int bFifo = b.AddFifo("b", depth, producer, consumer);
        var traces = new[]
        {
            Record(t =>
            {
                t.Plain(N, _ => t.WriteFifo(a));
                t.Plain(N, _ => t.WriteFifo(bFifo));
            }),
            Record(t => t.Plain(N, _ =>
            {
                t.ReadFifo(a);
                t.ReadFifo(bFifo);
            })),
        };
        return TimingEngine.Run(b.Build(), traces);
    }

    /// <summary>
    /// Depth 2 &lt; N: the producer writes a0 (cycle 0), a1 (1); the consumer reads a0 at 1 and then waits for b0
    /// from cycle 2; the producer writes a2 at 2 (slot freed by the read at 1) and then waits from cycle 3 for
    /// a read of a1 that never comes. A is full (2 of 2), B empty (0 of 2), last block at cycle 3.
    /// </summary>
    [Fact]
    public void TooShallowFifoIsReportedAsAWaitCycle()
    {
        var error = Assert.Throws<DeadlockException>(() => RunAlternating(depth: 2));

        Assert.True(error.IsWaitCycle);
        Assert.Equal(3, error.Cycle);
        Assert.Equal(["producer", "consumer"], error.Processes);
        Assert.Equal([new FifoDeadlockState("a", 2, 2), new FifoDeadlockState("b", 0, 2)], error.Fifos);
        Assert.Contains("deadlock at cycle 3", error.Message);
        Assert.Contains("'producer' waits to write FIFO 'a' (full: 2 of 2 items) for 'consumer' to read it", error.Message);
        Assert.Contains("'consumer' waits to read FIFO 'b' (empty: 0 of 2 items) for 'producer' to write it", error.Message);
        Assert.Contains("'consumer' at cycle 2 on read #0 of FIFO 'b'", error.Message);
    }

    /// <summary>
    /// Depth N: the producer writes a0..a3 at 0..3 and b0..b3 at 4..7; the consumer reads a0 at 1, b0 at 5
    /// (written at 4), then a1 6, b1 7, a2 8, b2 9, a3 10, b3 11 and ends at 12. A holds most at the end of
    /// cycle 3: a0..a3 written, a0 read = 3 items.
    /// </summary>
    [Fact]
    public void DeepEnoughFifoRuns()
    {
        var report = RunAlternating(depth: N);

        Assert.Equal(12, report.TotalCycles);
        Assert.Equal(3, report.Fifos[0].MaxOccupancy);
    }

    [Fact]
    public void ReadingMoreThanWasWrittenNamesTheFinishedWriter()
    {
        var b = new DesignBuilder(300);
        int producer = b.AddProcess("producer"), consumer = b.AddProcess("consumer");
        int fifo = b.AddFifo("items", 4, producer, consumer);
        var traces = new[]
        {
            Record(t => t.Plain(2, _ => t.WriteFifo(fifo))),
            Record(t => t.Plain(3, _ => t.ReadFifo(fifo))),
        };

        var error = Assert.Throws<DeadlockException>(() => TimingEngine.Run(b.Build(), traces));

        Assert.False(error.IsWaitCycle);
        Assert.Equal(["consumer", "producer"], error.Processes);
        Assert.Contains("'producer' has finished (it wrote 2 and read 2 items of that FIFO)", error.Message);
    }

    [Fact]
    public void PipelineCycleNeedingMoreBurstsThanOutstandingIsADeadlockNotAHang()
    {
        // One outstanding read, but each iteration requests two non-contiguous bursts in the same cycle:
        // the second request waits for the first burst, which is requested only together with it.
        var b = new DesignBuilder(300);
        int p = b.AddProcess("reader");
        int port = b.AddPort("in", p, b.AddChannel(MemoryPresets.AlveoDdr4("DDR[0]")), 32, maxOutstanding: 1);
        var trace = Record(t => t.Pipelined(1, 70, 1, _ =>
        {
            t.ReadPort(port, 0, 4);
            t.ReadPort(port, 1024, 4);
        }));

        var error = Assert.Throws<DeadlockException>(() => TimingEngine.Run(b.Build(), [trace]));

        Assert.Equal(["reader"], error.Processes);
        Assert.Contains("port 'in' (read, 1 outstanding)", error.Message);
    }
}
