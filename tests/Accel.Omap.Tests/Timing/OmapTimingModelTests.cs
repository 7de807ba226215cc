namespace Accel.Omap.Tests.Timing;

/// <summary>
/// The timing model against hand-derived cycle counts, at 300 MHz: PCIe Gen3 x16 at 12 GB/s moves 40 B per cycle
/// (a 64-byte beat takes 1.6 cycles) with 1000 ns = 300 cycles of latency; an HBM pseudo-channel moves 48 B per
/// cycle (a beat takes 4/3 cycle) behind the m_axi port's 64-cycle latency; AES-GCM takes 32 + bytes/16 cycles a page.
/// </summary>
public sealed class OmapTimingModelTests
{
    private static readonly OmapTimingModel Model = new();

    [Fact]
    public void EveryFlushedPageIsADependentRoundTripWithItsSealing()
    {
        // K requests each flush one 256-byte page: FIFO read (1), the read's request (1) and 300 cycles of latency
        // plus 4 beats (6.4), authenticate (32 + 16), merge (4) and re-seal (32 + 16), the posted write (1):
        // about 409 cycles a page, nothing overlapped (the next page waits for this one's data and sealing).
        const int k = 100, page = 256;
        var batch = Enumerable.Range(0, k).Select(i => Flush(i, page, 1)).ToArray();

        long cycles = Model.RunBatch(batch).TotalCycles;

        double perPage = 1 + 1 + 300 + page / 40.0 + OmapTimingModel.GcmCycles(page) + OmapTimingModel.MergeCycles(page) + OmapTimingModel.GcmCycles(page) + 1;
        Assert.Equal(409.4, perPage, 1);
        Assert.InRange(cycles, k * perPage, k * perPage + 300 + k * 2); // + the last write's response; beat-end rounding
    }

    [Fact]
    public void TwoFlushedPagesCostTwoRoundTrips()
    {
        const int k = 60, page = 256;
        long one = Model.RunBatch([.. Enumerable.Range(0, k).Select(i => Flush(i, page, 1))]).TotalCycles;
        long two = Model.RunBatch([.. Enumerable.Range(0, k).Select(i => Flush(i, page, 2))]).TotalCycles;
        long none = Model.RunBatch([.. Enumerable.Range(0, k).Select(i => Flush(i, page, 0))]).TotalCycles;
        // A second page adds its own round trip (about 302 + 6.4 + 48) and sealing (4 + 48 + 1): about 409 per request again.
        Assert.InRange((two - one) / (double)k, 400, 415);
        Assert.True(none < one / 10, $"no flush: {none} cycles, one flush: {one}");
    }

    [Fact]
    public void TheControllerPaysEveryDependentReadInFull()
    {
        // Each read outside a loop waits for its data: request, 64 cycles of latency, then its beats at 4/3 cycle:
        // a one-beat read is usable 67 cycles after it starts, a 4-beat bucket 4 cycles later (71). A request of the
        // operation, the key, one bucket and one item record, then a FIFO write: 3 x 67 + 71 + 1 = 273.
        const int k = 50;
        var batch = Enumerable.Range(0, k).Select(_ => new OmapAccessCost([4, 8, OmapAccessCosts.BucketBytes, OmapAccessCosts.RecordBytes], [], [])).ToArray();

        var report = Model.RunBatch(batch);

        Assert.InRange(report.Processes[0].FinishCycle, k * 272L, k * 274L);
    }

    /// <summary>
    /// A get whose value sits in HBM reads it after the item record (the record holds its slot): one more dependent
    /// read, a one-beat 64-byte value usable 67 cycles after it starts, so 3 x 67 + 71 + 67 + 1 = 340 a request; the
    /// staying item's value is written back, posted, with its record.
    /// </summary>
    [Fact]
    public void AValueHeldInHbmIsOneMoreDependentRead()
    {
        var get = OmapAccessCosts.BoltController(found: true, stays: true, probes: 1, host: [], valueReadBytes: 64, valueWriteBytes: 64);
        Assert.Equal([4, 8, OmapAccessCosts.BucketBytes, OmapAccessCosts.RecordBytes, 64], get.HbmReadBursts);
        Assert.Equal([36, 64, OmapAccessCosts.RecordBytes], get.HbmWriteBursts);

        const int k = 50;
        var report = Model.RunBatch([.. Enumerable.Range(0, k).Select(_ => get with { HbmWriteBursts = [] })]);
        Assert.InRange(report.Processes[0].FinishCycle, k * 339L, k * 341L);
    }

    [Fact]
    public void ABuildSealsEveryPageOnTheWayWhileHbmStateStreamsInParallel()
    {
        // 1 MiB of pages, a 64-byte beat every 4 cycles (AES-GCM at 16 B/cycle is slower than the 40 B/cycle link):
        // the last of 16384 beats issues at 16383 x 4 = 65532 and is acknowledged 300 cycles later (+ its own transfer);
        // 256 KiB of HBM state per bank at 48 B/cycle (5462 cycles) is hidden.
        var report = Model.RunBuild(1 << 20, [1 << 18, 1 << 18]);
        Assert.InRange(report.TotalCycles, 16383 * 4 + 300, 16383 * 4 + 300 + 10);
    }

    private static OmapAccessCost Flush(int request, int page, int pages)
    {
        var transfers = new List<HostAccess>();
        for (int p = 0; p < pages; p++) transfers.Add(new HostAccess((2L * request + p) * 4096, page, HostAccessKind.Read));
        for (int p = 0; p < pages; p++) transfers.Add(new HostAccess((2L * request + p) * 4096, page, HostAccessKind.Write));
        return new OmapAccessCost([], [], transfers);
    }
}
