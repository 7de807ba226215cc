using Accel.Codegen.Frontend;
using Accel.Emulation;
using Accel.Emulation.Kernels;
using Spectre.Console;
using Accel.Codegen.Reference;

namespace Accel.Cli.Commands;

/// <summary>`accel emulate KERNEL --sweep name=v1,v2,...`: one emulation per point; cycles, stalls, off-chip bytes
/// and bandwidth, in total and per port.</summary>
public static class SweepCommand
{
    /// <param name="StallCycles">cycles the last-finishing process spent stalled (on memory or FIFOs)</param>
    public sealed record Point(IReadOnlyDictionary<string, long> Params, long Cycles, long StallCycles, double TimeMs, IReadOnlyList<PortTiming> Ports)
    {
        public long BytesRead => Ports.Sum(p => p.BytesRead);
        public long BytesWritten => Ports.Sum(p => p.BytesWritten);
        public long Bytes => BytesRead + BytesWritten;
        public double BytesPerCycle => (double)Bytes / Cycles;

        /// <summary>Bytes per cycle the design would move if memory never stalled it: what it asks of the memory.</summary>
        public double DemandBytesPerCycle => (double)Bytes / Math.Max(1, Cycles - StallCycles);
    }

    public static int Run(EmulateOptions options, KernelProject project, KernelInfo kernel)
    {
        var points = SweepPoints.Of(kernel, options.Sweeps);
        // every point is checked before the first one runs: a bad value is reported at once, not after the others
        var configs = points.Select(assignments => KernelConfig.Resolve(kernel, options.Config, options.Params, assignments)).ToList();
        var results = new List<Point>();
        Cli.Human.Progress().AutoClear(true).Start(progress =>
        {
            var task = progress.AddTask($"sweeping {kernel.Name}", maxValue: points.Count);
            foreach (var (assignments, config) in points.Zip(configs))
            {
                var stimulus = new KernelActivator(kernel, config).MakeStimulus(options.Seed);
                var report = KernelEmulator.Run(project, kernel, config, stimulus, new KernelEmulator.Options(options.ClockMhz, options.TargetBoard.Name)).Report;
                var swept = assignments.Select(a => a.Split('=')[0]).ToHashSet();
                var last = report.Processes.MaxBy(p => p.FinishCycle)!;
                results.Add(new Point(config.Values.Where(kv => swept.Contains(kv.Key)).ToDictionary(), report.TotalCycles,
                    last.StalledOnInputCycles + last.StalledOnOutputCycles, report.TimeMs, report.Ports));
                task.Increment(1);
            }
        });

        if (options.Json)
            Cli.WriteJson(new
            {
                kernel = kernel.Name, clock_mhz = options.ClockMhz, board = options.Board,
                points = results.Select(r => new
                {
                    @params = r.Params, cycles = r.Cycles, stall_cycles = r.StallCycles, time_ms = r.TimeMs,
                    off_chip_bytes = r.Bytes, bytes_read = r.BytesRead, bytes_written = r.BytesWritten,
                    bytes_per_cycle = r.BytesPerCycle, demand_bytes_per_cycle = r.DemandBytesPerCycle,
                    ports = r.Ports.Select(p => new { name = p.Name, bytes_read = p.BytesRead, bytes_written = p.BytesWritten, bytes_per_cycle = (double)(p.BytesRead + p.BytesWritten) / r.Cycles }),
                }),
            });
        else
        {
            var table = new Table().AddColumns("point", "cycles", "stalled", "off-chip bytes", "bytes/cycle", "demand bytes/cycle");
            foreach (var r in results)
                table.AddRow(Markup.Escape(string.Join(" ", r.Params.Select(kv => $"{kv.Key}={kv.Value}"))), $"{r.Cycles:N0}", $"{r.StallCycles:N0}",
                    $"{r.Bytes:N0}", $"{r.BytesPerCycle:F1}", $"{r.DemandBytesPerCycle:F1}");
            Cli.Human.Write(table);
        }
        return ExitCodes.Ok;
    }
}
