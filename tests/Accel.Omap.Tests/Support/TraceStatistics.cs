namespace Accel.Omap.Tests.Support;

/// <summary>
/// The chi-square battery run on attacker views. Under obliviousness each request's units are independent and
/// uniform (BOLT: each flushed page uniform over host pages, the count binomial; Path ORAM: the leaf uniform), so
/// every statistic below is chi-square distributed whatever the workload.
/// </summary>
public static class TraceStatistics
{
    /// <summary>A workload's own tests: unit counts, all indices, first indices, and back-to-back repeats.</summary>
    public static IEnumerable<(string Name, ChiSquareResult Result)> PerWorkload(RequestView[] views, int cells, double[]? unitCountProbabilities)
    {
        var uniform = Enumerable.Repeat(1.0 / cells, cells).ToArray();
        if (unitCountProbabilities is not null)
            yield return ("unit count", ChiSquare.GoodnessOfFit(UnitCounts(views, unitCountProbabilities.Length), unitCountProbabilities));
        yield return ("all indices", ChiSquare.GoodnessOfFit(IndexCounts(views, cells), uniform));
        if (views.Any(v => v.Second >= 0))
            yield return ("first index", ChiSquare.GoodnessOfFit(FirstIndexCounts(views, cells), uniform));
        yield return ("repeat of previous first index", RepeatTest(views, cells));
    }

    /// <summary>Do the workloads share one distribution of indices (and of unit counts)?</summary>
    public static IEnumerable<(string Name, ChiSquareResult Result)> AcrossWorkloads(IReadOnlyDictionary<WorkloadKind, RequestView[]> runs, int cells, bool countsVary)
    {
        yield return ("index homogeneity", ChiSquare.Homogeneity(runs.Values.Select(v => (IReadOnlyList<long>)IndexCounts(v, cells)).ToArray()));
        if (countsVary)
            yield return ("unit count homogeneity", ChiSquare.Homogeneity(runs.Values.Select(v => (IReadOnlyList<long>)UnitCounts(v, 3)).ToArray()));
    }

    public static long[] UnitCounts(RequestView[] views, int kinds)
    {
        var counts = new long[kinds];
        foreach (var view in views) counts[view.Units]++;
        return counts;
    }

    public static long[] IndexCounts(RequestView[] views, int cells)
    {
        var counts = new long[cells];
        foreach (var view in views)
        {
            if (view.First >= 0) counts[view.First]++;
            if (view.Second >= 0) counts[view.Second]++;
        }
        return counts;
    }

    private static long[] FirstIndexCounts(RequestView[] views, int cells)
    {
        var counts = new long[cells];
        foreach (var view in views)
            if (view.First >= 0) counts[view.First]++;
        return counts;
    }

    // Between consecutive requests that both touch a unit, the first indices coincide with probability 1/cells.
    private static ChiSquareResult RepeatTest(RequestView[] views, int cells)
    {
        long pairs = 0, repeats = 0;
        for (int r = 1; r < views.Length; r++)
        {
            if (views[r].First < 0 || views[r - 1].First < 0) continue;
            pairs++;
            if (views[r].First == views[r - 1].First) repeats++;
        }
        return ChiSquare.GoodnessOfFit([repeats, pairs - repeats], [1.0 / cells, 1 - 1.0 / cells]);
    }
}
