using System.Globalization;
using System.Text;

namespace Accel.Omap.Bench;

/// <summary>Plain SVG line chart of host bytes per request against log2 N, one line per algorithm.</summary>
public static class BandwidthPlot
{
    private const int Width = 720, Height = 440, Left = 80, Right = 150, Top = 40, Bottom = 60;
    private static readonly string[] Colors = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd"];

    public static string RenderSvg(IReadOnlyList<OmapBenchResult> results, string title)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("nothing to plot: no bench results", nameof(results));
        double xMin = results.Min(r => Math.Log2(r.N)), xMax = results.Max(r => Math.Log2(r.N));
        if (xMax == xMin) xMax = xMin + 1;
        double yStep = NiceStep(results.Max(r => r.HostBytesPerOp) / 5);
        double yMax = yStep * Math.Ceiling(results.Max(r => r.HostBytesPerOp) / yStep);
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(double log2N) => Left + (log2N - xMin) / (xMax - xMin) * plotWidth;
        double Y(double bytes) => Top + plotHeight - bytes / yMax * plotHeight;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n"));
        for (double y = 0; y <= yMax + yStep / 2; y += yStep)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(y):F1}\" x2=\"{Left + plotWidth}\" y2=\"{Y(y):F1}\" stroke=\"#ddd\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(y) + 4:F1}\" text-anchor=\"end\">{y:0}</text>\n"));
        }
        for (int x = (int)Math.Ceiling(xMin); x <= xMax; x++)
        {
            svg.Append(Invariant($"<line x1=\"{X(x):F1}\" y1=\"{Top}\" x2=\"{X(x):F1}\" y2=\"{Top + plotHeight}\" stroke=\"#eee\"/>\n"));
            svg.Append(Invariant($"<text x=\"{X(x):F1}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">2^{x}</text>\n"));
        }
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"black\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left + plotWidth / 2}\" y=\"{Height - 15}\" text-anchor=\"middle\">N (items)</text>\n"));
        svg.Append(Invariant($"<text transform=\"translate(20 {Top + plotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">host bytes per request</text>\n"));

        var series = results.GroupBy(r => r.Name).ToArray();
        for (int s = 0; s < series.Length; s++)
        {
            string color = Colors[s % Colors.Length];
            var points = series[s].OrderBy(r => r.N).Select(r => (X: X(Math.Log2(r.N)), Y: Y(r.HostBytesPerOp))).ToArray();
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(" ", points.Select(p => Invariant($"{p.X:F1},{p.Y:F1}")))}\"/>\n"));
            foreach (var (px, py) in points)
                svg.Append(Invariant($"<circle cx=\"{px:F1}\" cy=\"{py:F1}\" r=\"3\" fill=\"{color}\"/>\n"));
            double legendY = Top + 20 + 22 * s;
            svg.Append(Invariant($"<line x1=\"{Left + plotWidth + 15}\" y1=\"{legendY}\" x2=\"{Left + plotWidth + 40}\" y2=\"{legendY}\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left + plotWidth + 46}\" y=\"{legendY + 4}\">{Escape(series[s].Key)}</text>\n"));
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        if (rough <= 0) return 1;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (double factor in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (factor * power >= rough) return factor * power;
        return 10 * power;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
