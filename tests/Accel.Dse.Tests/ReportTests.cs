using System.Text.RegularExpressions;
using Accel.Dse.Report;

namespace Accel.Dse.Tests;

/// <summary>The HTML report of the GELU sweep: as text, and as Chromium renders it.</summary>
[Collection(GeluSweepCollection.Name)]
public sealed class ReportTests(GeluSweepFixture sweep)
{
    private static readonly string[] PlotIds = ["latency-dsp", "latency-bram", "latency-error"];

    [Fact]
    public void The_page_holds_three_plots_with_every_point_and_the_front_marked()
    {
        var html = DseReport.Html(sweep.First, DseReport.Plots(sweep.First));
        foreach (var id in PlotIds)
        {
            var svg = Regex.Match(html, $"<svg[^>]*id=\"{id}\".*?</svg>", RegexOptions.Singleline);
            Assert.True(svg.Success, $"no <svg id=\"{id}\"> in the page");
            Assert.Equal(6, Regex.Count(svg.Value, "<circle class=\"point"));
            Assert.Equal(sweep.First.Front.Count, Regex.Count(svg.Value, "<circle class=\"point pareto\""));
            Assert.True(Regex.Count(svg.Value, "class=\"tick-label") >= 4, $"{id}: too few tick labels");
            Assert.Contains("class=\"axis-label x\"", svg.Value);
        }
        Assert.Equal(6, Regex.Count(html, "<tr class=\"(pareto|overflow|)\"><td>"));
    }

    [ChromiumFact]
    public void Chromium_renders_the_plots_with_every_point()
    {
        var folder = Path.Combine(sweep.CacheRoot, "report");
        var page = DseReport.Write(sweep.First, folder);
        var dom = Chromium.DumpDom(page, Path.Combine(folder, "chromium-profile"));
        foreach (var id in PlotIds)
        {
            var svg = Regex.Match(dom, $"<svg[^>]*id=\"{id}\".*?</svg>", RegexOptions.Singleline);
            Assert.True(svg.Success, $"Chromium's DOM has no <svg id=\"{id}\">; the DOM begins: {dom[..Math.Min(400, dom.Length)]}");
            Assert.Equal(6, Regex.Count(svg.Value, "<circle class=\"point"));
            Assert.Equal(sweep.First.Front.Count, Regex.Count(svg.Value, "<circle class=\"point pareto\""));
        }
        Assert.Contains("<table id=\"points\">", dom);
    }
}
