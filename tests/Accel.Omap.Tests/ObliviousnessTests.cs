namespace Accel.Omap.Tests;

/// <summary>
/// The host trace as the attacker sees it must not depend on the requests. Five adversarial workloads (one key
/// over and over, uniform mixed keys, sequential keys, only misses, deletes and inserts) run from the same state
/// and seeds. Every request must have the one allowed trace shape, and a chi-square battery (per workload:
/// unit counts, indices, first indices, back-to-back repeats; across workloads: homogeneity) must not reject at
/// p &lt; 1e-4. With about 20 statistics per map, the chance that a correct map fails by bad luck is about 0.2%;
/// the seeds are fixed, so a run is reproducible either way. The same battery must reject the leaky variant.
/// </summary>
public abstract class ObliviousnessTests(ObliviousnessRuns runs, ITestOutputHelper output)
{
    public const double RejectBelow = 1e-4;

    [Fact]
    public void EveryRequestHasTheSameTraceShape()
    {
        // The views were built request by request, each checking the trace shape; here their lengths agree.
        foreach (var (workload, views) in runs.Real)
        {
            Assert.Equal(runs.Requests, views.Length);
            if (runs.UnitCountProbabilities is null)
                Assert.All(views, v => Assert.Equal(views[0].Units, v.Units));
            else
                Assert.All(views, v => Assert.InRange(v.Units, 0, runs.UnitCountProbabilities.Length - 1));
            output.WriteLine($"{workload}: {views.Sum(v => v.Units)} units over {views.Length} requests");
        }
    }

    [Fact]
    public void TraceDistributionDoesNotDependOnTheRequests()
    {
        var results = Battery(runs.Real);
        foreach (var (name, result) in results) output.WriteLine($"{name}: {result}");
        Assert.All(results, r => Assert.True(r.Result.PValue >= RejectBelow, $"{r.Name} rejects: {r.Result}"));
    }

    [Fact]
    public void DeliberatelyLeakyVariantIsCaught()
    {
        var results = Battery(runs.Leaky);
        foreach (var (name, result) in results) output.WriteLine($"leaky {name}: {result}");
        Assert.Contains(results, r => r.Name == "RepeatOneKey: all indices" && r.Result.PValue < RejectBelow);
        Assert.Contains(results, r => r.Name == "index homogeneity" && r.Result.PValue < RejectBelow);
    }

    private List<(string Name, Statistics.ChiSquareResult Result)> Battery(IReadOnlyDictionary<Bench.WorkloadKind, RequestView[]> views)
    {
        var results = new List<(string, Statistics.ChiSquareResult)>();
        foreach (var (workload, run) in views)
            foreach (var (name, result) in TraceStatistics.PerWorkload(run, runs.Cells, runs.UnitCountProbabilities))
                results.Add(($"{workload}: {name}", result));
        results.AddRange(TraceStatistics.AcrossWorkloads(views, runs.Cells, runs.UnitCountProbabilities is not null));
        return results;
    }
}

public sealed class BoltObliviousnessTests(BoltObliviousnessRuns runs, ITestOutputHelper output)
    : ObliviousnessTests(runs, output), IClassFixture<BoltObliviousnessRuns>;

public sealed class BoltOnChipGeneratorObliviousnessTests(BoltOnChipGeneratorObliviousnessRuns runs, ITestOutputHelper output)
    : ObliviousnessTests(runs, output), IClassFixture<BoltOnChipGeneratorObliviousnessRuns>;

public sealed class PathOramObliviousnessTests(PathOramObliviousnessRuns runs, ITestOutputHelper output)
    : ObliviousnessTests(runs, output), IClassFixture<PathOramObliviousnessRuns>;
