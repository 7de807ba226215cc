using System.Text.Json;
using System.Xml.Linq;

namespace Accel.Omap.Tests;

/// <summary>The bandwidth entry point, its report writers and its numbers against hand-derived formulas.</summary>
public sealed class BenchTests
{
    private static readonly OmapBenchOptions Options = new(N: 1024, Alpha: 0.2, ValueBytes: 16, Ops: 4000, Seed: 81,
        Algorithms: [OmapAlgorithm.Bolt, OmapAlgorithm.PathOram]);

    private static readonly Lazy<IReadOnlyList<OmapBenchResult>> Results = new(() => OmapBench.Run(Options));

    [Fact]
    public void PathOramMovesExactlyTwoPathsPerRequest()
    {
        // Every request reads and writes log2 N buckets of Z (8 + 4 + V) bytes plus a 16-byte tag.
        var parameters = new PathOramParameters(1024, 16);
        int bucket = 4 * (8 + 4 + 16) + 16;
        var result = Results.Value.Single(r => r.Name == "pathoram");
        Assert.Equal(2 * parameters.PathBuckets, result.HostAccessesPerOp);
        Assert.Equal(2.0 * 10 * bucket, result.HostBytesPerOp);
        Assert.Equal([new HostTransferRate("read", bucket, 10), new HostTransferRate("write", bucket, 10)], result.HostTransfers);
    }

    [Fact]
    public void BoltMovesTwoSealedPagesPerFlushAtTheBinomialRate()
    {
        // Flushes per request: 2h/B = 2 * 102/128 = 1.59; each is a read and a write of 8 + L (8 + V) + 16 bytes.
        var parameters = new BoltParameters(1024, 16);
        int page = 8 + 13 * (8 + 16) + 16;
        double flushes = 2.0 * 102 / 128;
        var result = Results.Value.Single(r => r.Name == "bolt");
        Assert.Equal(flushes, parameters.ExpectedFlushesPerAccess, 1e-12);
        // 4000 requests: the mean flush count has a standard error of sqrt(2 p (1 - p) / 4000) = 0.009, about 0.6%.
        Assert.InRange(result.HostAccessesPerOp, 2 * flushes * 0.97, 2 * flushes * 1.03);
        Assert.Equal(result.HostAccessesPerOp * page, result.HostBytesPerOp, 1e-9);
        Assert.All(result.HostTransfers, t => Assert.Equal(page, t.Bytes));
        Assert.True(double.IsFinite(result.CpuOpsPerS) && result.CpuOpsPerS > 0);
    }

    [Fact]
    public void JsonUsesTheIssuesKeys()
    {
        string json = JsonSerializer.Serialize(Results.Value);
        foreach (string key in new[] { "\"name\"", "\"n\"", "\"host_bytes_per_op\"", "\"host_accesses_per_op\"", "\"cpu_ops_per_s\"", "\"host_transfers\"", "\"per_op\"" })
            Assert.Contains(key, json);
        Assert.DoesNotContain("Trace", json);
    }

    [Fact]
    public void RecordedTraceHoldsEveryMeasuredTransfer()
    {
        var result = OmapBench.Run(Options with { Ops = 50, Algorithms = [OmapAlgorithm.PathOram], RecordTrace = true }).Single();
        Assert.NotNull(result.Trace);
        Assert.Equal(50, result.Trace.OperationCount);
        Assert.Equal(50 * result.HostAccessesPerOp, result.Trace.AccessCount);
    }

    [Fact]
    public void BadOptionsAreNamedBeforeAnyWork()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OmapBench.Run(Options with { ValueBytes = 300 }));
        Assert.Equal("valueBytes", error.ParamName);
        Assert.Throws<ArgumentException>(() => OmapBench.Run(Options with { Algorithms = [] }));
    }

    [Fact]
    public void PlotIsValidSvgWithOneLinePerAlgorithm()
    {
        var results = new[]
        {
            new OmapBenchResult("bolt", 1024, 16, 10, 1000, 3, 1, []), new OmapBenchResult("bolt", 4096, 16, 10, 1010, 3, 1, []),
            new OmapBenchResult("pathoram", 1024, 16, 10, 2560, 20, 1, []), new OmapBenchResult("pathoram", 4096, 16, 10, 3072, 24, 1, []),
        };
        var svg = XDocument.Parse(BandwidthPlot.RenderSvg(results, "host bytes <per> request"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var lines = svg.Descendants(ns + "polyline").ToArray();
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal(2, l.Attribute("points")!.Value.Split(' ').Length));
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "pathoram");
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "host bytes <per> request");

        string table = BandwidthTable.ToMarkdown(results);
        Assert.Contains("| 4096 | 12 | 1010 | 3.00 |", table);
        Assert.Contains("| 3.04 |", table); // 3072 / 1010
    }
}
