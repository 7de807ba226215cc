using System.Text.Json;
using System.Text.RegularExpressions;
using Accel.Dse.Report;

namespace Accel.Dse.Tests;

/// <summary>The HTML report of the GELU sweep: as text (the figures Plotly.NET built, the script inlined), and as
/// Chromium renders it (plotly.js draws every point, offline).</summary>
[Collection(GeluSweepCollection.Name)]
public sealed class ReportTests(GeluSweepFixture sweep)
{
    private static readonly string[] PlotIds = ["latency-dsp", "latency-bram", "latency-error"];

    [Fact]
    public void The_page_inlines_plotly_and_holds_three_figures_with_every_point_and_its_parameters()
    {
        var plots = DseReport.Plots(sweep.First);
        var html = DseReport.Html(sweep.First, plots);
        // Offline: no script is loaded from anywhere, the library is in the page.
        Assert.DoesNotMatch(@"<script[^>]*\bsrc=", html);
        Assert.Contains($"plotly.js {PlotlyScript.Version}, inlined", html);
        Assert.Contains($"plotly.js v{PlotlyScript.Version}", html);   // the library's own banner
        Assert.True(html.Length > 1_000_000, $"the page is {html.Length} characters: plotly.js (about 3.5 MB) is not in it");

        Assert.Equal(PlotIds, plots.Keys);
        foreach (var id in PlotIds)
        {
            Assert.Contains($"<div id=\"{id}\" class=\"plot\"></div>", html);
            using var figure = JsonDocument.Parse(plots[id]);
            var traces = figure.RootElement.GetProperty("data").EnumerateArray().ToList();
            Assert.Equal(6, traces.Sum(t => t.GetProperty("x").GetArrayLength()));
            var front = traces.Single(t => t.GetProperty("name").GetString() == "Pareto front");
            Assert.Equal(sweep.First.Front.Count, front.GetProperty("x").GetArrayLength());
            // Every point's hover text names its parameters; the front's are the front's points.
            var texts = traces.SelectMany(t => t.GetProperty("text").EnumerateArray().Select(e => e.GetString()!)).ToList();
            Assert.All(sweep.First.Points, p => Assert.Single(texts, t => t.Contains(p.Label + "<br>")));
            Assert.All(sweep.First.Front, i => Assert.Contains(front.GetProperty("text").EnumerateArray(), e => e.GetString()!.StartsWith($"#{i}: ")));
            Assert.Equal("2", front.GetProperty("marker").GetProperty("symbol").GetString());   // plotly.js symbol 2: diamond
            Assert.Equal(13, front.GetProperty("marker").GetProperty("size").GetInt32());
        }
        Assert.Equal(6, Regex.Count(html, "<tr class=\"(pareto|overflow|)\"><td>"));
    }

    [Fact]
    public void An_axis_whose_values_span_more_than_a_factor_of_50_is_logarithmic()
    {
        static string AxisType(string json, string axis) => JsonDocument.Parse(json).RootElement.GetProperty("layout").GetProperty(axis).GetProperty("type").GetString()!;
        // x from 1e-6 to 1e-3 spans 1000x: log; y from 1 to 40 spans 40x: linear.
        var json = ScatterFigure.Json("t", "x", "y", [new(1e-6, 1, PointKind.Pareto, "a"), new(1e-3, 40, PointKind.Other, "b")]);
        Assert.Equal("log", AxisType(json, "xaxis"));
        Assert.Equal("linear", AxisType(json, "yaxis"));
    }

    [ChromiumFact]
    public void Chromium_draws_every_point_of_the_three_plots_offline()
    {
        var folder = Path.Combine(sweep.CacheRoot, "report");
        var page = DseReport.Write(sweep.First, folder);
        var dom = Chromium.DumpDom(page, Path.Combine(folder, "chromium-profile"));
        foreach (var id in PlotIds)
        {
            int start = dom.IndexOf($"<div id=\"{id}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"Chromium's DOM has no <div id=\"{id}\">; the DOM begins: {dom[..Math.Min(400, dom.Length)]}");
            int end = PlotIds.Select(other => dom.IndexOf($"<div id=\"{other}\"", start + 1, StringComparison.Ordinal))
                .Append(dom.IndexOf("<table id=\"points\">", start, StringComparison.Ordinal)).Where(i => i > start).Min();
            var plot = dom[start..end];
            Assert.Contains("class=\"main-svg\"", plot);   // plotly.js ran and drew
            // One scatter trace per kind, in drawing order; the Pareto front is the last one.
            var traces = Regex.Split(plot, "<g class=\"trace scatter").Skip(1).ToList();
            Assert.Equal(6, traces.Sum(t => Regex.Count(t, "<path class=\"point\"")));
            Assert.Equal(sweep.First.Front.Count, Regex.Count(traces[^1], "<path class=\"point\""));
            Assert.Contains(">Pareto front<", plot);   // the legend
        }
        Assert.Contains("<table id=\"points\">", dom);
    }
}
