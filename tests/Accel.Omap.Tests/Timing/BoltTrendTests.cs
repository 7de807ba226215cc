namespace Accel.Omap.Tests.Timing;

/// <summary>
/// The artifact's trend at small N: per-request time rises as alpha falls (more bins on the host, more pages
/// flushed per request), by the page round trip the timing model charges; and BOLT beats the Path ORAM kernel.
/// </summary>
public sealed class BoltTrendTests
{
    private static readonly double[] Alphas = [0.01, 0.2, 0.5, 1.0];

    private static readonly Lazy<IReadOnlyDictionary<double, OmapEmulatedResult>> ByAlpha = new(() => Run(BoltPageKind.Padded));

    private static readonly Lazy<IReadOnlyDictionary<double, OmapEmulatedResult>> ByAlphaArtifactPages = new(() => Run(BoltPageKind.Artifact));

    private static IReadOnlyDictionary<double, OmapEmulatedResult> Run(BoltPageKind layout) => Alphas.ToDictionary(a => a, a =>
        OmapEmulation.Run(new OmapBenchOptions(4096, a, 8, 400, 6, [OmapAlgorithm.Bolt]) { Workload = WorkloadKind.ArtifactMix, Layout = layout }).Single());

    /// <summary>Over the four alphas, with either page layout; at alpha = 1 no page leaves HBM, so no host byte moves.</summary>
    [Theory]
    [InlineData(BoltPageKind.Padded)]
    [InlineData(BoltPageKind.Artifact)]
    public void PerRequestTimeRisesAsAlphaFalls(BoltPageKind layout)
    {
        var byAlpha = (layout == BoltPageKind.Padded ? ByAlpha : ByAlphaArtifactPages).Value;
        var times = Alphas.Select(a => byAlpha[a].UsPerOp).ToArray();
        for (int i = 1; i < times.Length; i++)
            Assert.True(times[i] < times[i - 1], $"{layout} pages, alpha {Alphas[i]}: {times[i]:F3} us/op, alpha {Alphas[i - 1]}: {times[i - 1]:F3}");
        Assert.Equal(0, byAlpha[1.0].HostBytesPerOp);
        Assert.All(Alphas, a => Assert.Equal(0, byAlpha[a].Refused));
    }

    /// <summary>
    /// A request flushes 2(1 - alpha') host pages on average (alpha' = 5/512 and 256/512 here). N = 4096, V = 8:
    /// L = 13, a sealed page is 8 + 13 x 16 + 16 = 232 B, and its round trip is FIFO read 1 + request 1 + latency 300
    /// + 5.8 beat cycles + GCM 32 + 15 + merge 4 + GCM 32 + 15 + posted write 1 = 406.8 cycles. Both alphas leave the
    /// page path the bottleneck (controller: about 280 cycles a request), so the two differ by
    /// 2 (0.5 - 5/512) x 406.8 / 300 = 1.329 us a request (5% allowed for the random flush counts of 400 requests).
    /// </summary>
    [Fact]
    public void TheDifferenceIsThePageRoundTrips()
    {
        double perPage = 1 + 1 + 300 + 232 / 40.0 + 2 * OmapTimingModel.GcmCycles(232) + OmapTimingModel.MergeCycles(232) + 1;
        Assert.Equal(406.8, perPage, 1);
        double expected = 2 * (0.5 - 5.0 / 512) * perPage / 300;
        double measured = ByAlpha.Value[0.01].UsPerOp - ByAlpha.Value[0.5].UsPerOp;
        Assert.InRange(measured, expected * 0.95, expected * 1.05);
    }
}
