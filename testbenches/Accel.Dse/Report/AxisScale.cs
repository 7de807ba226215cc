using System.Globalization;

namespace Accel.Dse.Report;

/// <summary>Maps data values to [0, 1] along a plot axis and chooses its ticks: linear with steps of 1, 2 or 5
/// times a power of ten, or logarithmic with one tick per decade. The domain is widened to whole ticks so
/// that every point lies inside the frame.</summary>
public sealed class AxisScale
{
    private readonly double lo, hi;

    public bool Log { get; }
    public IReadOnlyList<(double Value, string Label)> Ticks { get; }

    /// <summary>Log when every value is positive and they span more than <paramref name="logSpan"/> (errors do).</summary>
    public static AxisScale For(IReadOnlyCollection<double> values, double logSpan = 50)
    {
        if (values.Count == 0) return new AxisScale(0, 1, log: false);
        double min = values.Min(), max = values.Max();
        return new AxisScale(min, max, log: min > 0 && max / min > logSpan);
    }

    private AxisScale(double min, double max, bool log)
    {
        Log = log;
        var ticks = new List<(double, string)>();
        if (log)
        {
            int first = (int)Math.Floor(Math.Log10(min)), last = (int)Math.Ceiling(Math.Log10(max));
            if (last == first) last++;
            for (int k = first; k <= last; k++) ticks.Add((Math.Pow(10, k), $"1e{k}"));
            (lo, hi) = (Math.Pow(10, first), Math.Pow(10, last));
        }
        else
        {
            if (max == min) (min, max) = min == 0 ? (-1, 1) : (min - Math.Abs(min) * 0.1, max + Math.Abs(max) * 0.1);
            double step = NiceStep((max - min) / 5);
            double start = Math.Floor(min / step) * step, end = Math.Ceiling(max / step) * step;
            int count = (int)Math.Round((end - start) / step);
            // Enough digits that neighbouring ticks read differently, even when the range is tiny next to the values.
            int digits = Math.Max(2, (int)Math.Ceiling(Math.Log10(Math.Max(Math.Abs(start), Math.Abs(end)) / step)) + 1);
            for (int k = 0; k <= count; k++)
            {
                double v = start + k * step;
                ticks.Add((v, Format(Math.Abs(v) < step * 1e-9 ? 0 : v, digits)));
            }
            (lo, hi) = (start, end);
        }
        Ticks = ticks;
    }

    /// <summary>Position of a value, 0 at the low end of the domain, 1 at the high end.</summary>
    public double Position(double value) => Log
        ? (Math.Log10(value) - Math.Log10(lo)) / (Math.Log10(hi) - Math.Log10(lo))
        : (value - lo) / (hi - lo);

    private static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    public static string Format(double v, int digits = 2) =>
        v.ToString(Math.Abs(v) >= 1e6 || (v != 0 && Math.Abs(v) < 1e-3) ? "0." + new string('#', digits) + "E+0" : $"G{Math.Max(6, digits + 1)}", CultureInfo.InvariantCulture);
}
