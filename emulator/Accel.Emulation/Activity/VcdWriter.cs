using System.Globalization;

namespace Accel.Emulation;

/// <summary>
/// Writes an <see cref="ActivityLog"/> as a Value Change Dump (IEEE 1364) that GTKWave opens: per process a
/// 2-bit state (0 finished, 1 active, 2 stalled on input, 3 stalled on output), per FIFO its occupancy, per
/// port direction its outstanding bursts and whether a beat is on the channel. Time is in picoseconds at
/// the design clock (cycle c at round(c * 1e12 / clockHz)); there is no clock signal, to keep files small.
/// </summary>
public static class VcdWriter
{
    public static void Write(ActivityLog log, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(output);
        var design = log.RequireDesign();
        var timeline = new SignalTimeline(log);
        var signals = timeline.Signals;
        var ids = signals.Select((_, i) => Identifier(i)).ToArray();

        output.Write("$version Accel.Emulation $end\n");
        output.Write($"$comment clock {design.ClockMhz.ToString(CultureInfo.InvariantCulture)} MHz; process state 0 finished, 1 active, 2 stalled on input, 3 stalled on output $end\n");
        output.Write("$timescale 1ps $end\n$scope module design $end\n");
        foreach (var scope in Enumerable.Range(0, signals.Count).GroupBy(i => signals[i].Scope))
        {
            output.Write($"$scope module {scope.Key} $end\n");
            foreach (int i in scope)
                output.Write($"$var wire {signals[i].Width} {ids[i]} {Sanitize(signals[i].Name)} $end\n");
            output.Write("$upscope $end\n");
        }
        output.Write("$upscope $end\n$enddefinitions $end\n");

        long currentCycle = -1;
        foreach (var (cycle, signal, value) in timeline.Changes())
        {
            if (cycle != currentCycle)
            {
                output.Write($"#{Picoseconds(cycle, design.ClockHz)}\n");
                currentCycle = cycle;
            }
            output.Write(signals[signal].Width == 1
                ? $"{value}{ids[signal]}\n"
                : $"b{Convert.ToString(value, 2)} {ids[signal]}\n");
        }
    }

    private static long Picoseconds(long cycle, long clockHz) =>
        (long)Math.Round((decimal)cycle * 1_000_000_000_000m / clockHz, MidpointRounding.AwayFromZero);

    /// <summary>VCD identifiers are strings of printable ASCII 33..126; count in base 94.</summary>
    private static string Identifier(int index)
    {
        var chars = new List<char>();
        do
        {
            chars.Add((char)('!' + index % 94));
            index /= 94;
        }
        while (index > 0);
        return new string([.. chars]);
    }

    private static string Sanitize(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]);
}
