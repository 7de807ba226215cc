namespace Accel.Dse;

/// <summary>The Pareto front of points with objectives to minimise: the points no other point dominates
/// (another point dominates when it is no worse in every objective and better in one). Points with equal
/// objectives do not dominate each other, so both stay. Quadratic: sweeps have tens to hundreds of points.</summary>
public static class Pareto
{
    public static IReadOnlyList<int> Front(IReadOnlyList<double[]> objectives)
    {
        var front = new List<int>();
        for (int i = 0; i < objectives.Count; i++)
            if (!Enumerable.Range(0, objectives.Count).Any(j => j != i && Dominates(objectives[j], objectives[i])))
                front.Add(i);
        return front;
    }

    public static bool Dominates(double[] a, double[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"objective vectors of {a.Length} and {b.Length} values");
        bool better = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] > b[k]) return false;
            if (a[k] < b[k]) better = true;
        }
        return better;
    }

    /// <summary>The front of a sweep over the points that fit the part (a design that does not fit is no
    /// trade-off), minimising time, DSPs and, when the target measures one, the error. Indices into points.</summary>
    public static IReadOnlyList<int> Of(IReadOnlyList<DsePoint> points)
    {
        var feasible = Enumerable.Range(0, points.Count).Where(i => points[i].Fits).ToList();
        var front = Front(feasible.Select(i => Objectives(points[i])).ToList());
        return front.Select(k => feasible[k]).ToList();
    }

    public static double[] Objectives(DsePoint p) =>
        p.Error is { } e ? [p.TimeMs, p.Dsp, e.Value] : [p.TimeMs, p.Dsp];
}
