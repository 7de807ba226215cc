using Accel.Codegen.Frontend;
using Accel.EdgeMoe;
using Accel.EdgeMoe.Timing;
using Accel.EdgeMoe.Weights;
using Accel.Emulation.Kernels;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Accel.Cli.Commands;

/// <summary>`accel emulate m3vit`: the whole fixed-point M3ViT encoder on the emulator, kernel call by kernel call
/// (not a kernel itself: the layers are the single-purpose Edge-MoE kernels in sequence). Seeded random weights
/// (--seed, PyTorch's default initialisation) and a seeded image (--seed + 1).</summary>
public static class M3vitCommand
{
    public const string Name = "m3vit";

    public static int Run(EmulateOptions options)
    {
        if (options.Sources.Any() || options.Sweeps.Any() || options.Vcd is not null || options.Trace is not null)
            throw new UsageException("emulate m3vit: --source, --sweep, --vcd and --trace apply to single kernels; m3vit takes --config, --param, --board, --clock, --seed and --json");
        options.Validate();
        var (config, task) = EncoderParameters.Resolve(options.Config, options.Params);
        var weights = RandomWeights.Create(config, options.Seed);
        var image = RandomWeights.Image(config, options.Seed + 1);
        var emulatorOptions = new KernelEmulator.Options(options.ClockMhz, options.TargetBoard.Name);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var timing = Console.IsErrorRedirected
            ? EncoderTiming.Measure(config, weights, image, task, emulatorOptions)
            : Cli.Human.Status().Start("emulating m3vit...", status => EncoderTiming.Measure(config, weights, image, task, emulatorOptions,
                s => status.Status($"emulating m3vit: {(s.Layer is { } l ? $"layer {l} of {config.Layers}, " : "")}{s.Stage} done")));
        watch.Stop();

        if (options.Json) Cli.WriteJson(EncoderTimingJson.Build(timing));
        else Cli.Human.Write(M3vitTables.Render(timing, weights.Source));
        Console.Error.WriteLine($"accel emulate m3vit: {timing.Stages.Count} kernel calls emulated in {watch.Elapsed.TotalSeconds:F1} s");
        return ExitCodes.Ok;
    }
}

/// <summary>The human view of `accel emulate m3vit`: the total, one row per stage group, one row per kernel call.</summary>
internal static class M3vitTables
{
    public static IRenderable Render(EncoderTiming t, string weights)
    {
        var c = t.Config;
        var summary = new Table().AddColumns("model", "tokens", "dim", "layers", "experts", "weights", "board", "cycles", "clock MHz", "time ms");
        summary.AddRow("m3vit", $"{c.Tokens}", $"{c.Dim}", $"{c.Layers}", $"{c.Experts} top-{c.TopK}", Markup.Escape(weights), t.Board,
            $"{t.Cycles:N0}", $"{t.ClockMhz}", $"{t.TimeMs:F3}");
        summary.Caption("kernels run one after another: the total is the sum of every call's cycles");
        if (PublishedLatency.For(c, t.Board, t.ClockMhz) is { } paper)
            summary.AddRow($"{paper.Design} (published)", "", "", "", "", Markup.Escape(paper.Source), paper.Board, "", $"{paper.ClockMhz}",
                $"{paper.Ms:F3} (emulated / published = {paper.Ratio(t.TimeMs):F2})");

        var groups = new Table().AddColumns("stage", "cycles", "share", "bytes read", "bytes written");
        void Group(string name, IReadOnlyList<StageTiming> calls) => groups.AddRow(name, $"{calls.Sum(s => s.Cycles):N0}",
            $"{100.0 * calls.Sum(s => s.Cycles) / t.Cycles:F1}%", $"{calls.Sum(s => s.BytesRead):N0}", $"{calls.Sum(s => s.BytesWritten):N0}");
        Group("patch embedding", t.PatchEmbedding);
        for (int l = 0; l < c.Layers; l++) Group($"layer {l} ({(EncoderConfig.IsMoeLayer(l) ? "moe" : "dense")})", t.Layers[l]);
        Group("final norm + head", t.Head);

        var kernels = new Table().AddColumns("layer", "stage", "kernel", "cycles", "bytes read", "bytes written", "experts (tokens)");
        foreach (var s in t.Stages)
            kernels.AddRow(s.Layer is { } l ? $"{l}" : "-", s.Stage, s.Kernel, $"{s.Cycles:N0}", $"{s.BytesRead:N0}", $"{s.BytesWritten:N0}",
                string.Join(" ", s.ExpertsThatRan.Select(e => $"{e.Expert}({e.Tokens})")));
        return new Rows(summary, groups, kernels);
    }
}
