using Accel.Cli.Output;
using Accel.Emulation;
using Accel.Emulation.Kernels;
using Accel.Emulation.Kernels.Schedule;
using Accel.Codegen.Frontend;
using CommandLine;
using Spectre.Console;
using Accel.Codegen.Reference;

namespace Accel.Cli.Commands;

[Verb("emulate", HelpText = "Run a kernel on the cycle-level emulator: outputs from its C# code, cycles, stalls, FIFO and port figures. "
    + "`emulate m3vit` (not a kernel) times the whole M3ViT encoder, kernel call by kernel call: --config reference|small, "
    + "--param layers|channels|height|width|patch|heads|headDim|dim|mlpHidden|experts|topK|expertHidden|tasks|headOut|slots|task=N.")]
public sealed class EmulateOptions : TargetOptions
{
    [Option("vcd", HelpText = "Write a VCD waveform (process states, FIFO occupancy, port activity) to this file.")]
    public string? Vcd { get; set; }

    [Option("trace", HelpText = "Write a Chrome/Perfetto trace-event JSON to this file.")]
    public string? Trace { get; set; }

    [Option("sweep", HelpText = "Emulate every combination: name=v1,v2,... (repeatable); [Variant] parameters are swept in all their values.")]
    public IEnumerable<string> Sweeps { get; set; } = [];

    /// <summary>The waveform and trace files are checked before the run, not after it.</summary>
    public override void Validate()
    {
        base.Validate();
        if (Vcd is not null) OutputFiles.RequireWritableFile("--vcd", Vcd);
        if (Trace is not null) OutputFiles.RequireWritableFile("--trace", Trace);
    }
}

public static class EmulateCommand
{
    public static int Run(EmulateOptions options)
    {
        if (options.Kernel == M3vitCommand.Name) return M3vitCommand.Run(options);
        var (project, kernel, config) = options.Resolve();
        if (options.Sweeps.Any()) return SweepCommand.Run(options, project, kernel);
        var activity = options.Vcd is not null || options.Trace is not null ? new ActivityLog() : null;
        var stimulus = new KernelActivator(kernel, config).MakeStimulus(options.Seed);
        var result = WithProgress($"emulating {kernel.Name} ({config.Name})",
            () => KernelEmulator.Run(project, kernel, config, stimulus, new KernelEmulator.Options(options.ClockMhz, options.TargetBoard.Name, activity)));
        if (activity is not null) WriteActivity(activity, options);

        var report = result.Report;
        foreach (var warning in ScheduleReport.Warnings(result.Timing)) Console.Error.WriteLine($"accel emulate: {warning}");
        if (options.Json)
            Cli.WriteJson(Json(kernel.Name, config.Name, options.Board, report, result.Timing));
        else
            Cli.Human.Write(Table(kernel.Name, config.Name, options.Board, report, result.Timing));
        return ExitCodes.Ok;
    }

    /// <summary>A progress display for runs that take more than a second; quiet when stderr is not a terminal.</summary>
    internal static T WithProgress<T>(string what, Func<T> work)
    {
        if (Console.IsErrorRedirected) return work();
        var task = Task.Run(work);
        if (!task.Wait(TimeSpan.FromSeconds(1)))
            Cli.Human.Status().Start(what + "...", _ => task.Wait());
        return task.GetAwaiter().GetResult();
    }

    private static void WriteActivity(ActivityLog activity, EmulateOptions options)
    {
        if (options.Vcd is { } vcd)
        {
            OutputFiles.WriteAtomically("--vcd", vcd, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                VcdWriter.Write(activity, writer);
            });
            Console.Error.WriteLine($"accel emulate: waveform in {vcd}");
        }
        if (options.Trace is { } trace)
        {
            OutputFiles.WriteAtomically("--trace", trace, stream => ChromeTraceWriter.Write(activity, stream));
            Console.Error.WriteLine($"accel emulate: trace events in {trace} (open in ui.perfetto.dev or chrome://tracing)");
        }
    }

    internal static object Json(string kernel, string config, string board, TimingReport report, KernelTiming timing) => new
    {
        kernel, config, board,
        cycles = report.TotalCycles,
        clock_mhz = report.ClockMhz,
        time_ms = report.TimeMs,
        processes = report.Processes.Select(p => new { name = p.Name, finish_cycle = p.FinishCycle, active_cycles = p.ActiveCycles, stalled_on_input_cycles = p.StalledOnInputCycles, stalled_on_output_cycles = p.StalledOnOutputCycles }),
        fifos = report.Fifos.Select(f => new { name = f.Name, depth = f.Depth, max_occupancy = f.MaxOccupancy, writes = f.Writes, reads = f.Reads }),
        ports = report.Ports.Select(p => new { name = p.Name, channel = p.Channel, bytes_read = p.BytesRead, bytes_written = p.BytesWritten, read_requests = p.ReadRequests, write_requests = p.WriteRequests, achieved_gbps = p.AchievedGBps }),
        loops = ScheduleReport.Json(timing),
        schedule_findings = timing.Findings,
        function_cycles = timing.FunctionCycles,
    };

    private static Rows Table(string kernel, string config, string board, TimingReport report, KernelTiming timing)
    {
        var summary = new Table().AddColumns("kernel", "config", "board", "cycles", "clock MHz", "time ms");
        summary.AddRow(kernel, config, board, $"{report.TotalCycles:N0}", $"{report.ClockMhz}", $"{report.TimeMs:F4}");
        var processes = new Table().AddColumns("process", "finish", "active", "stalled on input", "stalled on output");
        foreach (var p in report.Processes)
            processes.AddRow(Markup.Escape(p.Name), $"{p.FinishCycle:N0}", $"{p.ActiveCycles:N0}", $"{p.StalledOnInputCycles:N0}", $"{p.StalledOnOutputCycles:N0}");
        var ports = new Table().AddColumns("port", "channel", "bytes read", "bytes written", "requests", "GB/s");
        foreach (var p in report.Ports)
            ports.AddRow(p.Name, Markup.Escape(p.Channel), $"{p.BytesRead:N0}", $"{p.BytesWritten:N0}", $"{p.ReadRequests + p.WriteRequests:N0}", $"{p.AchievedGBps:F2}");
        var loops = new Table().AddColumns("loop", "at", "timed as", "requested II", "achieved II", "depth", "cycles per iteration", "reason");
        foreach (var l in timing.Loops.Values.OrderBy(l => l.Id))
            loops.AddRow($"{l.Id}", Markup.Escape($"{l.File}:{l.Line} {l.Function}"), ScheduleReport.Kind(l), l.RequestedII?.ToString() ?? "-",
                l.Kind == LoopKind.Pipelined ? $"{l.II}" : "-", l.Kind == LoopKind.Pipelined ? $"{l.Depth}" : "-",
                l.Kind == LoopKind.Pipelined ? "-" : $"{l.BodyCycles}", Markup.Escape(l.Reason ?? ""));
        var items = new List<Spectre.Console.Rendering.IRenderable> { summary, processes, ports, loops };
        if (report.Fifos.Count > 0)
        {
            var fifos = new Table().AddColumns("fifo", "depth", "max occupancy", "writes", "reads");
            foreach (var f in report.Fifos) fifos.AddRow(f.Name, $"{f.Depth}", $"{f.MaxOccupancy}", $"{f.Writes:N0}", $"{f.Reads:N0}");
            items.Add(fifos);
        }
        return new Rows(items);
    }
}
