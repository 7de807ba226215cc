namespace Accel.Omap.Tests.Timing;

/// <summary>`accel omap bench`'s library entry point: emulated figures consistent with the cycle counts and with hand-derived sizes.</summary>
public sealed class OmapEmulationTests
{
    private static readonly Lazy<IReadOnlyList<OmapEmulatedResult>> Results = new(() => OmapEmulation.Run(
        new OmapBenchOptions(N: 1024, Alpha: 0.2, ValueBytes: 64, Ops: 300, Seed: 4, Algorithms: [OmapAlgorithm.Bolt, OmapAlgorithm.PathOram])));

    [Fact]
    public void MicrosecondsPerOpAreTheBatchCyclesAmortisedAtTheClock()
    {
        Assert.Equal(["bolt", "pathoram"], Results.Value.Select(r => r.Name));
        foreach (var r in Results.Value)
        {
            Assert.Equal(r.BatchCycles / 300.0 / 300, r.UsPerOp, 1e-9);
            Assert.Equal(r.InitCycles / 300.0 / 1000, r.InitMs, 1e-9);
            // Never faster than its host traffic over a 12 GB/s link.
            Assert.True(r.UsPerOp * 1e-6 >= r.HostBytesPerOp / 12e9, $"{r.Name}: {r.UsPerOp} us/op for {r.HostBytesPerOp} B/op");
        }
    }

    [Fact]
    public void BoltInitialisationWritesEveryPageOverTheLink()
    {
        // N = 1024, V = 64: L = 13, a sealed page is 8 + 13 (8 + 64) + 16 = 960 B, h = 128 - 26 = 102 pages = 97,920 B
        // = 1530 beats, sealed by AES-GCM at 16 B/cycle so one beat leaves every 4 cycles: the last at 1529 x 4 = 6116,
        // acknowledged 300 cycles later (+ its own transfer). The HBM state streams in parallel and finishes first
        // (largest bank: values, (26 x 13 + 554) x 64 B = 57,088 B at 48 B/cycle = 1190 cycles).
        var bolt = Results.Value.Single(r => r.Name == "bolt");
        Assert.InRange(bolt.InitCycles, 1529 * 4 + 300, 1529 * 4 + 300 + 5);
    }

    /// <summary>
    /// BOLT's request is at most two dependent page round trips (2(1 - alpha') = 1.6 on average) of about 1.4 us each,
    /// overlapped with its controller; the Path ORAM kernel's is one round trip for the path plus AES-GCM on all of its
    /// buckets both ways and the stash scans of the kernel (taking the path's blocks in, eviction, compaction), which
    /// are serial in the request. So BOLT is faster at every N we run, and the gap grows with log N.
    /// </summary>
    [Fact]
    public void BoltIsFasterThanThePathOramKernel()
    {
        var bolt = Results.Value.Single(r => r.Name == "bolt");
        var oram = Results.Value.Single(r => r.Name == "pathoram");
        Assert.True(bolt.UsPerOp < oram.UsPerOp, $"bolt {bolt.UsPerOp:F3} us/op, Path ORAM {oram.UsPerOp:F3}");
    }
}
