using System.Globalization;
using System.Text;

namespace Accel.Resources;

/// <summary>The human view of an estimate: totals beside a csynth.xml report and a part's capacity when given,
/// then the breakdown by function and by category, the memories, and the notes.</summary>
public static class EstimateTable
{
    /// <param name="items">also list every line of the estimate (operator, width, count, cost)</param>
    public static string Render(ResourceEstimate estimate, CsynthReport? report = null, Part? part = null, bool items = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"resource estimate of {estimate.Kernel} (an estimate from calibrated operator costs, not a synthesis result)\n");
        var header = new List<string> { "resource", "estimate" };
        if (report is not null) header.Add("csynth");
        if (part is not null) header.AddRange([part.Name, "use"]);
        var rows = new List<List<string>> { header };
        foreach (var r in ResourceKeys.All)
        {
            var row = new List<string> { r.Key(), N(estimate[r]) };
            if (report is not null) row.Add(N(report.Resources[r]));
            if (part is not null) row.AddRange([N(part.Capacity[r]), part.Capacity[r] == 0 ? (estimate[r] == 0 ? "-" : "over") : $"{100.0 * estimate[r] / part.Capacity[r]:F1}%"]);
            rows.Add(row);
        }
        Table(text, rows);

        if (report is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\ncsynth {report.Path}: BestLatency {Cycles(report.BestLatency)}, WorstLatency {Cycles(report.WorstLatency)}, IntervalMin {Cycles(report.IntervalMin)}, IntervalMax {Cycles(report.IntervalMax)} (cycles)\n");
        }
        if (part is not null)
            foreach (var overflow in Parts.Fit(estimate, part)) text.Append(CultureInfo.InvariantCulture, $"overflow: {overflow.Message}\n");

        text.Append("\nby function\n");
        Table(text, Breakdown(estimate.ByFunction.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value))));
        text.Append("\nby category\n");
        Table(text, Breakdown(estimate.ByCategory.OrderBy(kv => kv.Key).Select(kv => (kv.Key.ToString(), kv.Value))));
        if (estimate.Memories.Count > 0)
        {
            text.Append("\nmemories\n");
            Table(text, [["name", "kind", "depth x width", "banks", "storage", "BRAM_18K", "URAM", "LUT", "FF"],
                .. estimate.Memories.Select(m => new List<string> { m.Name, m.IsRom ? "ROM" : "RAM", $"{m.Depth} x {m.Width}", N(m.Banks), m.Storage.ToString(), N(m.Cost.Bram18K), N(m.Cost.Uram), N(m.Cost.Lut), N(m.Cost.Ff) })]);
        }
        if (items)
        {
            text.Append("\nitems\n");
            Table(text, [["function", "category", "what", "count", .. ResourceKeys.All.Select(r => r.Key())],
                .. estimate.Items.Select(i => (List<string>)[i.Function, i.Category.ToString(), i.What, N(i.Count), .. ResourceKeys.All.Select(r => N(i.Total[r]))])]);
        }
        foreach (var note in estimate.Notes) text.Append(CultureInfo.InvariantCulture, $"note: {note}\n");
        return text.ToString();
    }

    private static List<List<string>> Breakdown(IEnumerable<(string Name, ResourceVector Cost)> parts) =>
        [["", .. ResourceKeys.All.Select(r => r.Key())], .. parts.Select(p => (List<string>)[p.Name, .. ResourceKeys.All.Select(r => N(p.Cost[r]))])];

    private static void Table(StringBuilder text, List<List<string>> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Count).Select(c => rows.Max(r => r[c].Length)).ToList();
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c])))).Append('\n');
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Cycles(long? n) => n is long x ? N(x) : "undef";
}
