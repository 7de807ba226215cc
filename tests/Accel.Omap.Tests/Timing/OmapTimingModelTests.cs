using Accel.Omap.Host;
using Accel.Omap.Timing;

namespace Accel.Omap.Tests.Timing;

/// <summary>
/// The timing model against hand-derived cycle counts, at 300 MHz: PCIe Gen3 x16 at 12 GB/s moves 40 B per cycle
/// (a 64-byte beat takes 1.6 cycles) with 1000 ns = 300 cycles of latency; an HBM pseudo-channel moves 48 B per
/// cycle (a beat takes 4/3 cycle) behind the m_axi port's 64-cycle latency.
/// </summary>
public sealed class OmapTimingModelTests
{
    private static readonly OmapTimingModel Model = new();

    [Fact]
    public void ABatchOfPageFlushesIsLinkBound()
    {
        // K requests each read two aligned 1024-byte pages and write them back: 4 x 16 beats = 102.4 cycles of link time.
        const int k = 200, page = 1024;
        var batch = Enumerable.Range(0, k).Select(i => new OmapAccessCost(0, 0,
        [
            new HostAccess(2L * page * i, page, HostAccessKind.Read), new HostAccess(2L * page * i + page, page, HostAccessKind.Read),
            new HostAccess(2L * page * i, page, HostAccessKind.Write), new HostAccess(2L * page * i + page, page, HostAccessKind.Write),
        ])).ToArray();

        long cycles = Model.RunBatch(batch).TotalCycles;

        // First data after the link latency, then the link busy without a gap, then the last write's response.
        double linkBound = 300 + k * 4 * page / 40.0 + 300;
        Assert.InRange(cycles, linkBound, linkBound + 5); // measured: linkBound + 3 (rounding of beat ends)
    }

    [Fact]
    public void TheControllerPaysEveryDependentReadInFull()
    {
        // Each read outside a loop: request, 64 cycles of latency, a 64-byte beat in 4/3 cycle (usable at +66), and
        // the read's own cycle: 67 cycles. K requests of R reads and a FIFO write (one cycle) each.
        const int k = 50, reads = 7;
        var batch = Enumerable.Range(0, k).Select(_ => new OmapAccessCost(reads, 0, [])).ToArray();

        var report = Model.RunBatch(batch);

        Assert.Equal(k * (reads * 67L + 1), report.Processes[0].FinishCycle);
    }

    [Fact]
    public void TheSlowerOfControllerAndLinkSetsTheBatchTime()
    {
        // 20 reads per request (1341 cycles) against one 1024-byte page read and written (51.2 cycles): controller-bound.
        const int k = 40;
        var batch = Enumerable.Range(0, k).Select(i => new OmapAccessCost(20, 0,
        [
            new HostAccess(1024L * i, 1024, HostAccessKind.Read), new HostAccess(1024L * i, 1024, HostAccessKind.Write),
        ])).ToArray();

        long cycles = Model.RunBatch(batch).TotalCycles;

        // The last command leaves the controller at k (20 x 67 + 1); the DMA loop reads it a cycle later, its page
        // arrives after the pipeline depth (302) and 16 beats (25.6), goes back in 25.6 more and is acknowledged
        // 300 cycles after that: about 653 cycles past the controller (measured 664: stalled-cycle rounding).
        long controller = k * (20 * 67L + 1);
        Assert.InRange(cycles, controller + 653, controller + 653 + 20);
    }

    [Fact]
    public void ABuildWritesEveryPageOverTheLinkWhileHbmStateStreamsInParallel()
    {
        // 1 MiB of pages at 40 B/cycle = 26214.4 cycles plus the last response's 300; 256 KiB of HBM state per bank at
        // 48 B/cycle = 5461.3 cycles, hidden behind the link.
        var report = Model.RunBuild(1 << 20, [1 << 18, 1 << 18]);
        Assert.InRange(report.TotalCycles, 26214 + 300, 26214 + 300 + 10);
    }
}
