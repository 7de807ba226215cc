using Accel.Cli.Output;
using Accel.Codegen.Frontend;
using Accel.Dse;
using Accel.Dse.Report;
using Accel.Resources;
using Accel.Kernels.Catalog;
using Accel.Testbenches;
using CommandLine;
using Spectre.Console;

namespace Accel.Cli.Commands;

[Verb("dse", HelpText = "Design-space exploration: every combination of the --sweep values, each point emulated (cycles, time), "
    + "estimated (DSP, BRAM_18K, URAM, LUT, FF, fits the part or not) and, for gelu, softmax and m3vit, measured against the float64 "
    + "reference; the Pareto front (latency, DSPs, error). Points are cached under build/dse/cache and reused.")]
public sealed class DseOptions : TargetOptions
{
    [Option("sweep", Required = true, HelpText = "name=v1,v2,... (repeatable): the points are the cross product.")]
    public IEnumerable<string> Sweeps { get; set; } = [];

    [Option("part", Required = true, HelpText = "The part the estimates are fitted to: zcu102, u55c or u280 (or a part name).")]
    public string Part { get; set; } = "";

    [Option("jobs", Default = 0, HelpText = "Points measured at once (0: one per core).")]
    public int Jobs { get; set; }

    [Option("cache", Default = DseCache.DefaultRoot, HelpText = "Folder of cached points.")]
    public string Cache { get; set; } = DseCache.DefaultRoot;

    [Option("report", HelpText = "Write dse.html (interactive plots, works offline) into this folder.")]
    public string? Report { get; set; }

    /// <summary>The target is a built-in kernel or m3vit (the whole encoder, its parameters as `accel emulate m3vit` takes them).</summary>
    public override void Validate()
    {
        base.Validate();
        if (Sources.Any()) throw new UsageException("dse: --source is not supported; the target is a built-in kernel or m3vit");
        if (Jobs < 0) throw new UsageException($"--jobs {Jobs}: expected 0 (one per core) or more");
        TargetRules.Part(Part);
        OutputFiles.RequireWritableFolder("--cache", Cache);   // before any point is measured, not after the last
        if (Report is not null) OutputFiles.RequireWritableFolder("--report", Report);
    }
}

/// <summary>`accel dse`: runs the sweep through Accel.Dse, prints the Pareto points (stderr) or JSON (stdout),
/// and writes the HTML report on request.</summary>
public static class DseCommand
{
    public static int Run(DseOptions o)
    {
        o.Validate();
        var part = TargetRules.Part(o.Part);
        IDseTarget target = o.Kernel == M3vitTarget.TargetName
            ? new M3vitTarget(o.Config, o.Params.ToList())
            : new KernelTarget(KernelCatalog.BuiltIn, KernelCatalog.Find(KernelCatalog.BuiltIn, o.Kernel), o.Config, o.Params.ToList());
        var points = SweepSpace.Of(target, o.Sweeps);
        var settings = new DseSettings(part, o.TargetBoard.Name, o.ClockMhz, o.Seed, o.Jobs);
        var cache = new DseCache(o.Cache);

        DseResult result = null!;
        Cli.Human.Progress().AutoClear(true).Start(progress =>
        {
            var task = progress.AddTask($"dse {target.Name}: {points.Count} points", maxValue: points.Count);
            result = DseRun.Sweep(target, points, settings, cache, _ => task.Increment(1));
        });
        var page = o.Report is null ? null : DseReport.Write(result, o.Report);

        if (o.Json) Cli.WriteJson(Json(result, page));
        else Cli.Human.Write(ParetoTable(result));
        Console.Error.WriteLine($"accel dse: {result.Points.Count} points ({result.FromCache} from {o.Cache}), {result.Front.Count} on the Pareto front"
            + (page is null ? "" : $"; report in {page}"));
        return ExitCodes.Ok;
    }

    private static object Json(DseResult r, string? page) => new
    {
        target = r.Target,
        part = r.Settings.Part.Name,
        board = r.Settings.Board,
        clock_mhz = r.Settings.ClockMhz,
        seed = r.Settings.Seed,
        swept = r.Swept,
        points = r.Points.Select((p, i) => new
        {
            index = i, @params = p.Params, cycles = p.Cycles, time_ms = p.TimeMs,
            error = p.Error is { } e ? new { metric = e.Metric, value = e.Value, mean_abs_err = e.MeanAbsErr, relative_error = e.RelativeError } : null,
            error_note = p.ErrorNote, resources = p.Resources, fits = p.Fits, overflows = p.Overflows, pareto = r.Front.Contains(i),
        }),
        pareto = r.Front,
        from_cache = r.FromCache,
        report = page,
    };

    private static Table ParetoTable(DseResult r)
    {
        var table = new Table().Title($"Pareto front of {Markup.Escape(r.Target)} on {Markup.Escape(r.Settings.Part.Name)}: {r.Front.Count} of {r.Points.Count} points");
        table.AddColumns(["#", .. r.Swept, "cycles", "time ms", "error", "DSP", "BRAM_18K", "URAM", "LUT", "FF"]);
        foreach (var i in r.Front)
        {
            var p = r.Points[i];
            table.AddRow([$"{i}", .. r.Swept.Select(n => $"{p.Params[n]}"), $"{p.Cycles:N0}", $"{p.TimeMs:G6}",
                p.Error is { } e ? Markup.Escape($"{e.Value:E3} ({e.Metric})") : "-",
                .. p.Resources.Values.Select(v => $"{v:N0}")]);
        }
        if (r.Points.FirstOrDefault()?.ErrorNote is { } note) table.Caption(Markup.Escape(note));
        return table;
    }
}
