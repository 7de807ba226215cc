using Accel.Codegen.Frontend;
using Accel.Emulation.Kernels;
using Spectre.Console;

namespace Accel.Cli.Commands;

/// <summary>`accel emulate KERNEL --sweep name=v1,v2,...`: one emulation per point; cycles and off-chip bytes.</summary>
public static class SweepCommand
{
    public sealed record Point(IReadOnlyDictionary<string, long> Params, long Cycles, double TimeMs, long BytesRead, long BytesWritten);

    public static int Run(EmulateOptions options, KernelProject project, KernelInfo kernel)
    {
        var points = SweepPoints.Of(kernel, options.Sweeps);
        var results = new List<Point>();
        Cli.Human.Progress().AutoClear(true).Start(progress =>
        {
            var task = progress.AddTask($"sweeping {kernel.Name}", maxValue: points.Count);
            foreach (var assignments in points)
            {
                var config = KernelConfig.Resolve(kernel, options.Config, options.Params.Concat(assignments));
                var stimulus = new KernelActivator(kernel, config).MakeStimulus(options.Seed);
                var result = KernelEmulator.Run(project, kernel, config, stimulus, new KernelEmulator.Options(options.ClockMhz, options.Board));
                var swept = assignments.Select(a => a.Split('=')[0]).ToHashSet();
                results.Add(new Point(config.Values.Where(kv => swept.Contains(kv.Key)).ToDictionary(),
                    result.Report.TotalCycles, result.Report.TimeMs,
                    result.Report.Ports.Sum(p => p.BytesRead), result.Report.Ports.Sum(p => p.BytesWritten)));
                task.Increment(1);
            }
        });

        if (options.Json)
            Cli.WriteJson(new
            {
                kernel = kernel.Name, clock_mhz = options.ClockMhz, board = options.Board,
                points = results.Select(r => new { @params = r.Params, cycles = r.Cycles, time_ms = r.TimeMs, off_chip_bytes = r.BytesRead + r.BytesWritten, bytes_read = r.BytesRead, bytes_written = r.BytesWritten }),
            });
        else
        {
            var table = new Table().AddColumns("point", "cycles", "time ms", "off-chip bytes read", "written");
            foreach (var r in results)
                table.AddRow(Markup.Escape(string.Join(" ", r.Params.Select(kv => $"{kv.Key}={kv.Value}"))), $"{r.Cycles:N0}", $"{r.TimeMs:F4}", $"{r.BytesRead:N0}", $"{r.BytesWritten:N0}");
            Cli.Human.Write(table);
        }
        return ExitCodes.Ok;
    }
}
