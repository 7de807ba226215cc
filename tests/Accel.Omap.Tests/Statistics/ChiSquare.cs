using MathNet.Numerics;

namespace Accel.Omap.Tests.Statistics;

/// <summary>A chi-square statistic, its degrees of freedom and its upper-tail p-value.</summary>
public readonly record struct ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue)
{
    public override string ToString() => $"chi2 = {Statistic:F1}, df = {DegreesOfFreedom}, p = {PValue:G3}";
}

/// <summary>Pearson's chi-square statistics (goodness of fit, homogeneity) with their p-values from MathNet.Numerics.</summary>
public static class ChiSquare
{
    /// <summary>Every expected cell count must reach this, or the chi-square approximation is not trusted.</summary>
    public const double MinExpectedCount = 5;

    /// <summary>P(X >= statistic) for X chi-square distributed with <paramref name="degreesOfFreedom"/>: Q(df/2, x/2),
    /// MathNet's upper regularized incomplete gamma (not 1 - CDF, which rounds a p-value below 1e-16 to 0).</summary>
    public static double UpperTail(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        return SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, Math.Max(0, statistic) / 2);
    }

    /// <summary>Do the counts follow the given cell probabilities? df = cells - 1.</summary>
    public static ChiSquareResult GoodnessOfFit(IReadOnlyList<long> observed, IReadOnlyList<double> probabilities)
    {
        if (observed.Count != probabilities.Count || observed.Count < 2)
            throw new ArgumentException($"need matching counts and probabilities for at least 2 cells, got {observed.Count} and {probabilities.Count}");
        double total = observed.Sum();
        double statistic = 0;
        for (int cell = 0; cell < observed.Count; cell++)
        {
            double expected = total * probabilities[cell];
            RequireExpected(expected, $"cell {cell}");
            statistic += (observed[cell] - expected) * (observed[cell] - expected) / expected;
        }
        int df = observed.Count - 1;
        return new ChiSquareResult(statistic, df, UpperTail(statistic, df));
    }

    /// <summary>Do all rows (samples) share one distribution over the columns? df = (rows - 1)(columns - 1).</summary>
    public static ChiSquareResult Homogeneity(IReadOnlyList<IReadOnlyList<long>> rows)
    {
        if (rows.Count < 2) throw new ArgumentException("homogeneity needs at least two samples");
        int columns = rows[0].Count;
        if (rows.Any(r => r.Count != columns)) throw new ArgumentException("every sample needs the same cells");
        var rowTotals = rows.Select(r => (double)r.Sum()).ToArray();
        var columnTotals = Enumerable.Range(0, columns).Select(c => (double)rows.Sum(r => r[c])).ToArray();
        double grand = rowTotals.Sum();
        double statistic = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double expected = rowTotals[r] * columnTotals[c] / grand;
                RequireExpected(expected, $"sample {r}, cell {c}");
                statistic += (rows[r][c] - expected) * (rows[r][c] - expected) / expected;
            }
        }
        int df = (rows.Count - 1) * (columns - 1);
        return new ChiSquareResult(statistic, df, UpperTail(statistic, df));
    }

    private static void RequireExpected(double expected, string where)
    {
        if (expected < MinExpectedCount)
            throw new ArgumentException($"{where}: expected count {expected:F2} is below {MinExpectedCount}; use more samples or fewer cells");
    }
}
