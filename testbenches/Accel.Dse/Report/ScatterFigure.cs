using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;

namespace Accel.Dse.Report;

public sealed record PlotPoint(double X, double Y, PointKind Kind, string HoverText);

public enum PointKind { Other, Pareto, Overflows }

/// <summary>A scatter plot of a sweep built with Plotly.NET: one trace per kind of point (the Pareto front as blue
/// diamonds over the dominated points, the points that overflow the part as red crosses), each point's
/// parameters and figures as its hover text, and an axis made logarithmic when its values span decades (errors do).
/// The result is the plotly.js figure (data and layout) as JSON, for <see cref="DseReport"/> to place on its page.</summary>
public static class ScatterFigure
{
    public const int Width = 640, Height = 440;

    /// <summary>Trace names, in drawing order: later traces are drawn over earlier ones.</summary>
    public static readonly IReadOnlyList<(PointKind Kind, string Name)> Traces =
        [(PointKind.Other, "dominated"), (PointKind.Overflows, "overflows the part"), (PointKind.Pareto, "Pareto front")];

    public static string Json(string title, string xLabel, string yLabel, IReadOnlyList<PlotPoint> points)
    {
        var traces = Traces
            .Select(t => (t.Kind, t.Name, Points: points.Where(p => p.Kind == t.Kind).ToList()))
            .Where(t => t.Points.Count > 0)
            .Select(t => Trace(t.Kind, t.Name, t.Points));
        var chart = PlotlyChart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: xLabel, AxisType: AxisType(points.Select(p => p.X)))
            .WithYAxisStyle<double, double, string>(TitleText: yLabel, AxisType: AxisType(points.Select(p => p.Y)))
            .WithSize(Width, Height);
        chart = Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
        return GenericChart.toFigureJson(chart);
    }

    private static GenericChart Trace(PointKind kind, string name, List<PlotPoint> points)
    {
        var x = points.Select(p => p.X).ToArray();
        var y = points.Select(p => p.Y).ToArray();
        var text = points.Select(p => p.HoverText).ToArray();
        var (color, symbol, size) = kind switch
        {
            PointKind.Pareto => ("#1f6fd1", StyleParam.MarkerSymbol.Diamond, 13),
            PointKind.Overflows => ("#c62828", StyleParam.MarkerSymbol.X, 10),
            _ => ("#9e9e9e", StyleParam.MarkerSymbol.Circle, 9),
        };
        return PlotlyChart.Point<double, double, string>(x, y, Name: name, MultiText: text,
            MarkerColor: Color.fromString(color), MarkerSymbol: symbol, Marker: Sized(size));
    }

    /// <summary>A marker of the given size (Plotly.NET's C# surface has no size argument; its objects are dynamic).</summary>
    private static Plotly.NET.TraceObjects.Marker Sized(int size)
    {
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("size", size);
        return marker;
    }

    /// <summary>Log when every value is positive and they span more than a factor of 50.</summary>
    private static StyleParam.AxisType AxisType(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count > 0 && list.Min() > 0 && list.Max() / list.Min() > 50 ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear;
    }
}
