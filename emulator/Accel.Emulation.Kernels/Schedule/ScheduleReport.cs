using System.Text;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>The schedule of every loop as text (`schedule.rpt`, `accel emulate`), as JSON rows, and as the
/// warnings a user must see: a directive the schedule cannot meet is never silent.</summary>
public static class ScheduleReport
{
    public static string Text(string kernel, string config, KernelTiming timing)
    {
        var text = new StringBuilder();
        text.AppendLine($"Schedule of {kernel} ({config}) at {timing.ClockMhz} MHz, by Accel's emulator");
        text.AppendLine("Model: UG1399's scheduling rules as the README's schedule table states them, with the operator latency");
        text.AppendLine("table in emulator/Accel.Emulation.Kernels/Schedule; not a Vitis HLS report. II and depth in cycles.");
        text.AppendLine();
        var rows = timing.Loops.Values.OrderBy(l => l.Id).Select(l => new[]
        {
            l.Name, l.Function, $"{l.File}:{l.Line}", Kind(l), l.RequestedII?.ToString() ?? "-",
            l.Kind == LoopKind.Pipelined ? $"{l.II}" : "-", l.Kind == LoopKind.Pipelined ? $"{l.Depth}" : "-", l.TripCount?.ToString() ?? "?",
        }).ToList();
        string[] header = ["loop", "function", "at", "timed as", "requested II", "achieved II", "depth", "trip count"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows) text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        var notes = timing.Loops.Values.Where(l => l.Reason is not null).OrderBy(l => l.Id).ToList();
        if (notes.Count > 0 || timing.Findings.Count > 0)
        {
            text.AppendLine();
            foreach (var l in notes) text.AppendLine($"{(l.Unmet || l.Caution ? "WARNING" : "note")}: {l.Name} ({l.File}:{l.Line} in {l.Function}): {l.Reason}");
            foreach (var f in timing.Findings) text.AppendLine($"WARNING: {f}");
        }
        return text.ToString();
    }

    public static string Kind(LoopTiming l) => l.Kind switch
    {
        LoopKind.Pipelined when l.AutoPipelined => "pipelined (auto)",
        var k => k.ToString().ToLowerInvariant(),
    };

    /// <summary>One line per unmet (or possibly unmet) directive, for stderr.</summary>
    public static IEnumerable<string> Warnings(KernelTiming timing) =>
        timing.Warned.Select(l => $"warning: {l.Name} at {l.File}:{l.Line} in {l.Function}: {l.Reason}")
            .Concat(timing.Findings.Select(f => $"warning: {f}"));

    /// <summary>The JSON rows; requested_ii, achieved_ii and reason are the keys issue 11 names.</summary>
    public static IEnumerable<object> Json(KernelTiming timing) => timing.Loops.Values.OrderBy(l => l.Id).Select(l => new
    {
        id = l.Id, name = l.Name, function = l.Function, file = l.File, line = l.Line,
        kind = l.Kind.ToString().ToLowerInvariant(), auto_pipelined = l.AutoPipelined,
        requested_ii = l.RequestedII,
        achieved_ii = l.Kind == LoopKind.Pipelined ? l.II : (int?)null,
        depth = l.Kind == LoopKind.Pipelined ? l.Depth : (int?)null,
        body_cycles = l.Kind == LoopKind.Pipelined ? (long?)null : l.BodyCycles,
        trip_count = l.TripCount,
        unroll_factor = l.UnrollFactor,
        unmet = l.Unmet,
        reason = l.Reason,
    });
}
