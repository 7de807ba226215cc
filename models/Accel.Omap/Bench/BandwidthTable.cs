using System.Globalization;
using System.Text;

namespace Accel.Omap.Bench;

/// <summary>Markdown table of bench results: one row per N, BOLT and Path ORAM side by side.</summary>
public static class BandwidthTable
{
    public static string ToMarkdown(IReadOnlyList<OmapBenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var names = results.Select(r => r.Name).Distinct().ToArray();
        var text = new StringBuilder();
        text.Append("| N | log2 N |");
        foreach (string name in names) text.Append(CultureInfo.InvariantCulture, $" {name} bytes/op | {name} transfers/op | {name} transfer bytes |");
        if (names.Length == 2) text.Append($" {names[1]} / {names[0]} |");
        text.Append('\n').Append("|---|---|");
        foreach (string _ in names) text.Append("---:|---:|---:|");
        if (names.Length == 2) text.Append("---:|");
        text.Append('\n');
        foreach (var row in results.GroupBy(r => r.N).OrderBy(g => g.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Key} | {Math.Log2(row.Key):0.##} |");
            foreach (string name in names)
            {
                var result = row.FirstOrDefault(r => r.Name == name);
                if (result is null) { text.Append(" | | |"); continue; }
                string sizes = string.Join(", ", result.HostTransfers.Select(t => t.Bytes).Distinct());
                text.Append(CultureInfo.InvariantCulture, $" {result.HostBytesPerOp:0} | {result.HostAccessesPerOp:0.00} | {sizes} |");
            }
            if (names.Length == 2)
            {
                var first = row.FirstOrDefault(r => r.Name == names[0]);
                var second = row.FirstOrDefault(r => r.Name == names[1]);
                text.Append(first is null || second is null ? " |" : string.Create(CultureInfo.InvariantCulture, $" {second.HostBytesPerOp / first.HostBytesPerOp:0.00} |"));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
