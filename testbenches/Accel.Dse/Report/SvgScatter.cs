using System.Globalization;
using System.Net;
using System.Text;

namespace Accel.Dse.Report;

public sealed record PlotPoint(double X, double Y, PointKind Kind, string Tooltip);

public enum PointKind { Other, Pareto, Overflows }

/// <summary>A scatter plot as standalone SVG: a frame, ticks and tick labels on both axes, axis titles, a legend,
/// and one circle per point (class "point", plus "pareto" or "overflow"), each with its parameters as a tooltip.</summary>
public static class SvgScatter
{
    private const int Width = 640, Height = 420, Left = 90, Right = 24, Top = 44, Bottom = 64;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    public static string Render(string id, string title, string xLabel, string yLabel, IReadOnlyList<PlotPoint> points)
    {
        var x = AxisScale.For(points.Select(p => p.X).ToList());
        var y = AxisScale.For(points.Select(p => p.Y).ToList());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"plot\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"frame\" x=\"{Left}\" y=\"{Top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" fill=\"none\" stroke=\"#333\"/>\n");

        foreach (var (value, label) in x.Ticks)
        {
            double px = Px(x, value);
            svg.Append(Invariant($"<line class=\"tick x\" x1=\"{px:F1}\" y1=\"{Top + PlotHeight}\" x2=\"{px:F1}\" y2=\"{Top + PlotHeight + 6}\" stroke=\"#333\"/>"));
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{px:F1}\" y1=\"{Top}\" x2=\"{px:F1}\" y2=\"{Top + PlotHeight}\" stroke=\"#ddd\"/>"));
            svg.Append(Invariant($"<text class=\"tick-label x\" x=\"{px:F1}\" y=\"{Top + PlotHeight + 20}\" text-anchor=\"middle\">{label}</text>\n"));
        }
        foreach (var (value, label) in y.Ticks)
        {
            double py = Py(y, value);
            svg.Append(Invariant($"<line class=\"tick y\" x1=\"{Left - 6}\" y1=\"{py:F1}\" x2=\"{Left}\" y2=\"{py:F1}\" stroke=\"#333\"/>"));
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left}\" y1=\"{py:F1}\" x2=\"{Left + PlotWidth}\" y2=\"{py:F1}\" stroke=\"#ddd\"/>"));
            svg.Append(Invariant($"<text class=\"tick-label y\" x=\"{Left - 10}\" y=\"{py + 4:F1}\" text-anchor=\"end\">{label}</text>\n"));
        }
        svg.Append(Invariant($"<text class=\"axis-label x\" x=\"{Left + PlotWidth / 2}\" y=\"{Height - 22}\" text-anchor=\"middle\">{Escape(xLabel)}{(x.Log ? " (log)" : "")}</text>\n"));
        svg.Append(Invariant($"<text class=\"axis-label y\" transform=\"translate(18 {Top + PlotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}{(y.Log ? " (log)" : "")}</text>\n"));

        // Pareto points last, so they are drawn over the others at the same place.
        foreach (var p in points.OrderBy(p => p.Kind == PointKind.Pareto))
        {
            var (cssClass, style) = p.Kind switch
            {
                PointKind.Pareto => ("point pareto", "fill=\"#1f6fd1\" stroke=\"#0b3d7a\""),
                PointKind.Overflows => ("point overflow", "fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\""),
                _ => ("point", "fill=\"#9e9e9e\" stroke=\"#616161\""),
            };
            svg.Append(Invariant($"<circle class=\"{cssClass}\" cx=\"{Px(x, p.X):F1}\" cy=\"{Py(y, p.Y):F1}\" r=\"5\" {style}><title>{Escape(p.Tooltip)}</title></circle>\n"));
        }
        Legend(svg);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Legend(StringBuilder svg)
    {
        int lx = Left + PlotWidth - 190, ly = Top + 14;
        svg.Append(Invariant($"<g class=\"legend\"><circle cx=\"{lx}\" cy=\"{ly}\" r=\"5\" fill=\"#1f6fd1\"/><text x=\"{lx + 10}\" y=\"{ly + 4}\">Pareto front</text>"));
        svg.Append(Invariant($"<circle cx=\"{lx}\" cy=\"{ly + 18}\" r=\"5\" fill=\"#9e9e9e\"/><text x=\"{lx + 10}\" y=\"{ly + 22}\">dominated</text>"));
        svg.Append(Invariant($"<circle cx=\"{lx}\" cy=\"{ly + 36}\" r=\"5\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/><text x=\"{lx + 10}\" y=\"{ly + 40}\">overflows the part</text></g>\n"));
    }

    private static double Px(AxisScale x, double v) => Left + x.Position(v) * PlotWidth;
    private static double Py(AxisScale y, double v) => Top + (1 - y.Position(v)) * PlotHeight;
    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    private static string Escape(string s) => WebUtility.HtmlEncode(s);
}
