using System.Globalization;
using System.Net;
using System.Text;

namespace Accel.Dse.Report;

/// <summary>The report of a sweep: one self-contained HTML page that works offline (plotly.js inlined once, no
/// external files): interactive plots of latency against DSPs, against BRAM_18K, and against the error when the
/// target measures one (hovering a point shows its parameters and figures; the Pareto front highlighted); then a
/// table of every point.</summary>
public static class DseReport
{
    public const string PageName = "dse.html";

    /// <summary>The plots as plotly.js figures (JSON) by element id: latency-dsp, latency-bram, and
    /// latency-error when every point has an error.</summary>
    public static IReadOnlyDictionary<string, string> Plots(DseResult r)
    {
        var plots = new Dictionary<string, string>
        {
            ["latency-dsp"] = Plot(r, "latency against DSPs", "DSP48E2 (estimate)", p => p.Dsp),
            ["latency-bram"] = Plot(r, "latency against block RAM", "BRAM_18K (estimate)", p => p.Bram18K),
        };
        if (r.Points.All(p => p.Error is not null))
            plots["latency-error"] = Plot(r, "latency against error", r.Points[0].Error!.Metric, p => p.Error!.Value);
        return plots;
    }

    public static string Html(DseResult r, IReadOnlyDictionary<string, string> plots)
    {
        var s = r.Settings;
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>accel dse {E(r.Target)}</title>\n");
        html.Append($"<script>/* plotly.js {PlotlyScript.Version}, inlined from Plotly.NET */\n{PlotlyScript.Source}\n</script>\n");
        html.Append("<style>body{font-family:sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "tr.pareto{background:#e3eefc}tr.overflow td{color:#c62828}.plots{display:flex;flex-wrap:wrap;gap:1em}</style></head><body>\n");
        html.Append($"<h1>accel dse {E(r.Target)}</h1>\n");
        html.Append(Inv($"<p>{r.Points.Count} points (swept: {E(string.Join(", ", r.Swept))}); part {E(s.Part.Name)} ({E(s.Part.Device)}), board {E(s.Board)}, {s.ClockMhz} MHz, seed {s.Seed}. "));
        html.Append("Latency is the emulated time of one run of the target's stimulus (the M3ViT encoder: one forward pass). ");
        html.Append("Resources are estimates from the IR (not synthesis). The Pareto front minimises latency, DSPs and the error (when measured) over the points that fit the part. Hover a point for its parameters and figures.</p>\n");
        if (r.Points.FirstOrDefault(p => p.ErrorNote is not null)?.ErrorNote is { } note) html.Append($"<p class=\"note\">{E(note)}.</p>\n");

        html.Append("<div class=\"plots\">\n");
        foreach (var id in plots.Keys) html.Append($"<div id=\"{id}\" class=\"plot\"></div>\n");
        html.Append("</div>\n<script>\n");
        // The figures are JSON, so they are valid JavaScript; "</" is escaped so no label can end the script.
        foreach (var (id, figure) in plots)
            html.Append($"(function (f) {{ Plotly.newPlot(\"{id}\", f.data, f.layout, {{displaylogo: false}}); }})({figure.Replace("</", "<\\/")});\n");
        html.Append("</script>\n");
        Table(html, r);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes the page into <paramref name="directory"/>; returns its path.</summary>
    public static string Write(DseResult r, string directory)
    {
        Directory.CreateDirectory(directory);
        var page = Path.Combine(directory, PageName);
        Codegen.Backends.AtomicFile.Write(page, System.Text.Encoding.UTF8.GetBytes(Html(r, Plots(r))));
        return page;
    }

    private static string Plot(DseResult r, string title, string xLabel, Func<DsePoint, double> x) =>
        ScatterFigure.Json($"{r.Target}: {title}", xLabel, "latency (ms, emulated)", r.Points.Select((p, i) => new PlotPoint(x(p), p.TimeMs,
            !p.Fits ? PointKind.Overflows : r.Front.Contains(i) ? PointKind.Pareto : PointKind.Other, HoverText(i, p))).ToList());

    /// <summary>What hovering a point shows: its index and parameters, then its figures.</summary>
    private static string HoverText(int index, DsePoint p)
    {
        var text = new StringBuilder(Inv($"#{index}: {E(p.Label)}<br>{p.Cycles:N0} cycles, {p.TimeMs:G4} ms"));
        if (p.Error is { } e) text.Append(Inv($"<br>{E(e.Metric)} {e.Value:E3}"));
        text.Append("<br>" + string.Join(", ", p.Resources.Select(kv => Inv($"{E(kv.Key)} {kv.Value:N0}"))));
        if (!p.Fits) text.Append("<br>overflows: " + E(string.Join("; ", p.Overflows)));
        return text.ToString();
    }

    private static void Table(StringBuilder html, DseResult r)
    {
        bool error = r.Points.Any(p => p.Error is not null);
        html.Append("<table id=\"points\"><thead><tr><th>#</th>");
        foreach (var name in r.Swept) html.Append($"<th>{E(name)}</th>");
        html.Append("<th>cycles</th><th>time ms</th>");
        if (error) html.Append($"<th>{E(r.Points.First(p => p.Error is not null).Error!.Metric)}</th><th>mean abs err</th>");
        foreach (var key in r.Points[0].Resources.Keys) html.Append($"<th>{E(key)}</th>");
        html.Append("<th>fits</th><th>Pareto</th></tr></thead><tbody>\n");
        for (int i = 0; i < r.Points.Count; i++)
        {
            var p = r.Points[i];
            bool pareto = r.Front.Contains(i);
            html.Append($"<tr class=\"{(pareto ? "pareto" : p.Fits ? "" : "overflow")}\"><td>{i}</td>");
            foreach (var name in r.Swept) html.Append(Inv($"<td>{p.Params[name]}</td>"));
            html.Append(Inv($"<td>{p.Cycles:N0}</td><td>{p.TimeMs:G6}</td>"));
            if (error) html.Append(Inv($"<td>{p.Error?.Value:E3}</td><td>{p.Error?.MeanAbsErr:E3}</td>"));
            foreach (var value in p.Resources.Values) html.Append(Inv($"<td>{value:N0}</td>"));
            html.Append($"<td title=\"{E(string.Join("; ", p.Overflows))}\">{(p.Fits ? "yes" : "no: " + E(string.Join("; ", p.Overflows)))}</td><td>{(pareto ? "yes" : "")}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
