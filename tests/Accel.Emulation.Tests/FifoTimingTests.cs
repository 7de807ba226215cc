using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

/// <summary>
/// Model (FIFO latency 1): write k may happen from read(k - depth) + 1, read k from write(k) + 1. In a
/// pipelined loop reads happen at the issue cycle and writes at issue + depth - 1.
/// </summary>
public class FifoTimingTests
{
    private const int N = 20;

    /// <summary>
    /// Producer: pipeline II=1, depth 3, writes item k at stage 2, then 100 cycles of other work.
    /// Consumer: pipeline II=2, depth 4, reads item k at issue.
    /// Unhindered, w_k = k + 2 and the consumer reads r_k = max(2k + 3, w_k + 1) = 2k + 3 (it first waits 3
    /// cycles for w_0 + 1, then runs at its own II). Write k needs r_(k-d) + 1 = 2k - 2d + 4, which exceeds
    /// k + 2 from k = 2d - 1 on; from there the producer pipeline advances only at the consumer's pace,
    /// w_k = 2k - 2d + 4, and each such write stalls it one more cycle (N - 2d + 1 stalls in all).
    /// Producer end = w_(N-1) + 1 + 100; consumer end = r_(N-1) + depth = 2N + 5 = 45.
    ///   d = 1:  w_19 = 40, producer ends 141, 19 stalls, max occupancy 1
    ///   d = 2:  w_19 = 38, producer ends 139, 17 stalls, max occupancy 2
    ///   d = 16: 19 &lt;= 2d - 2, never stalls: w_19 = 21, producer ends 122; occupancy peaks at
    ///           cycle 21: 20 written, 10 read (r_9 = 21) = 10
    /// </summary>
    [Theory]
    [InlineData(1, 141, 19, 1)]
    [InlineData(2, 139, 17, 2)]
    [InlineData(16, 122, 0, 10)]
    public void FastProducerIntoSlowConsumer(int depth, long total, long producerStalls, int maxOccupancy)
    {
        var b = new DesignBuilder(300);
        int producer = b.AddProcess("producer"), consumer = b.AddProcess("consumer");
        int fifo = b.AddFifo("items", depth, producer, consumer);
        var traces = new[]
        {
            Record(t =>
            {
                t.Pipelined(1, 3, N, _ => t.WriteFifo(fifo));
                t.Delay(100);
            }),
            Record(t => t.Pipelined(2, 4, N, _ => t.ReadFifo(fifo))),
        };

        var report = TimingEngine.Run(b.Build(), traces);

        Assert.Equal(total, report.TotalCycles);
        Assert.Equal(producerStalls, report.Processes[producer].StalledOnOutputCycles);
        Assert.Equal(0, report.Processes[producer].StalledOnInputCycles);
        Assert.Equal(2 * N + 5, report.Processes[consumer].FinishCycle);
        Assert.Equal(3, report.Processes[consumer].StalledOnInputCycles);
        Assert.Equal(maxOccupancy, report.Fifos[fifo].MaxOccupancy);
        Assert.Equal(N, report.Fifos[fifo].Writes);
        Assert.Equal(N, report.Fifos[fifo].Reads);
    }

    /// <summary>
    /// Both sides II=1, depth 1 (read and write at the issue cycle).
    /// Depth 1: w_k = r_(k-1) + 1 and r_k = w_k + 1, so w_k = 2k, r_k = 2k + 1: one item per two cycles,
    /// consumer ends at r_(N-1) + 1 = 2N. Depth 2: w_k = max(k, r_(k-2) + 1) = k, r_k = k + 1: full rate,
    /// consumer ends at N + 1.
    /// </summary>
    [Theory]
    [InlineData(1, 2 * 50)]
    [InlineData(2, 50 + 1)]
    public void DepthOneHalvesThroughputAndDepthTwoRestoresIt(int depth, long total)
    {
        const int n = 50;
        var b = new DesignBuilder(300);
        int producer = b.AddProcess("producer"), consumer = b.AddProcess("consumer");
        int fifo = b.AddFifo("items", depth, producer, consumer);
        var traces = new[]
        {
            Record(t => t.Pipelined(1, 1, n, _ => t.WriteFifo(fifo))),
            Record(t => t.Pipelined(1, 1, n, _ => t.ReadFifo(fifo))),
        };

        var report = TimingEngine.Run(b.Build(), traces);

        Assert.Equal(total, report.TotalCycles);
    }

    [Fact]
    public void ReadLatencyDelaysTheFirstReadOfEachItem()
    {
        // Sequential: write at 0; with latency 5 the read happens at 5, the consumer ends at 6.
        var b = new DesignBuilder(300);
        int producer = b.AddProcess("producer"), consumer = b.AddProcess("consumer");
        int fifo = b.AddFifo("items", 2, producer, consumer, readLatency: 5);
        var report = TimingEngine.Run(b.Build(), [Record(t => t.WriteFifo(fifo)), Record(t => t.ReadFifo(fifo))]);

        Assert.Equal(6, report.TotalCycles);
        Assert.Equal(5, report.Processes[consumer].StalledOnInputCycles);
    }
}
