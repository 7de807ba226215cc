using System.Runtime.ExceptionServices;

namespace Accel.Dse;

/// <summary>A finished sweep: the points in sweep order, the Pareto front (indices), and how many came from the cache.</summary>
public sealed record DseResult(string Target, DseSettings Settings, IReadOnlyList<string> Swept, IReadOnlyList<DsePoint> Points, IReadOnlyList<int> Front, int FromCache);

/// <summary>Runs a sweep: each point from the cache when it is there, otherwise measured and written to it, with
/// up to <see cref="DseSettings.DegreeOfParallelism"/> points at once.</summary>
public static class DseRun
{
    /// <param name="onPointDone">called once per finished point, from whichever worker finished it (progress)</param>
    public static DseResult Sweep(IDseTarget target, IReadOnlyList<IReadOnlyList<string>> points, DseSettings settings, DseCache? cache,
        Action<DsePoint>? onPointDone = null)
    {
        var results = new DsePoint[points.Count];
        int fromCache = 0;
        try
        {
            Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = settings.DegreeOfParallelism }, i =>
            {
                var path = cache?.PathOf(target, target.Canonical(points[i]), settings);
                var point = path is null ? null : cache!.TryRead(path);
                if (point is not null) Interlocked.Increment(ref fromCache);
                else
                {
                    point = target.Measure(points[i], settings);
                    if (path is not null) cache!.Write(path, point);
                }
                results[i] = point;
                onPointDone?.Invoke(point);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first failure as itself, so the CLI maps a bad parameter to exit 2 as it does elsewhere.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        var swept = SweepSpace.Names(points[0]);
        return new DseResult(target.Name, settings, swept, results, Pareto.Of(results), fromCache);
    }
}
