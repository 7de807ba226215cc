using System.Globalization;
using Accel.Codegen.Frontend;
using Accel.Omap;
using Accel.Omap.Bench;
using Accel.Omap.Bolt;
using Accel.Omap.Timing;
using CommandLine;
using Spectre.Console;

namespace Accel.Cli.Commands;

[Verb("omap", HelpText = "Oblivious map: `omap bench` measures BOLT (and a baseline) in C# and emulates it on a U55C.")]
public sealed class OmapOptions : VerbOptions
{
    public const int MinN = 16;
    public const int MaxN = 1 << 22; // the C# model keeps all of host memory in RAM: 2^22 items is a few GB with the baseline
    public const int MaxOps = 1_000_000;

    [Value(0, MetaName = "action", Required = true, HelpText = "What to do: bench.")]
    public string Action { get; set; } = "";

    // A one-letter long name is refused by CommandLineParser; as a short name, both -n and --n reach it.
    [Option('n', Default = 65536, HelpText = "Items N (map capacity; the map is built full), 16..4194304; also --n. The paper's: 1000000.")]
    public int N { get; set; } = 65536;

    [Option("alpha", Default = 0.2, HelpText = "BOLT's fraction of bins kept in HBM, 0..1.")]
    public double Alpha { get; set; } = 0.2;

    [Option("value-bytes", Default = 64, HelpText = "Bytes per value, 8..256.")]
    public int ValueBytes { get; set; } = 64;

    [Option("ops", Default = 2000, HelpText = "Requests in the measured batch, 1..1000000 (the artifact ran 2000).")]
    public int Ops { get; set; } = 2000;

    [Option("workload", Default = "artifact", HelpText = "Request mix: artifact (70% gets, 30% updates of present keys, as the BOLT artifact) or mixed (gets, updates, inserts, deletes, misses).")]
    public string Workload { get; set; } = "artifact";

    [Option("page-layout", Default = "artifact", HelpText = "BOLT's host pages: artifact (8 tuples, c = 4, as the authors' artifact) or padded (c = 8, L = c + ceil(log2 log2 N) + 1 slots).")]
    public string PageLayout { get; set; } = "artifact";

    [Option("baseline", HelpText = "Also run a baseline: pathoram.")]
    public string? Baseline { get; set; }

    [Option("seed", Default = 1UL, HelpText = "Seed of items, workload and the maps' randomness.")]
    public ulong Seed { get; set; } = 1;
}

public static class OmapCommand
{
    public static int Run(OmapOptions options)
    {
        var benchOptions = Validate(options);
        IReadOnlyList<OmapEmulatedResult> results = [];
        Cli.Human.Status().Start("building maps, running the batch, emulating", _ => results = OmapEmulation.Run(benchOptions));

        if (options.Json) Cli.WriteJson(results);
        var table = new Table().AddColumns("algorithm", "N", "host B/op", "host transfers/op", "emulated us/op", "emulated init ms", "C# model ops/s", "refused (bound/op)");
        foreach (var r in results)
            table.AddRow(r.Name, Number(r.N), Number(r.HostBytesPerOp), $"{r.HostAccessesPerOp:F2}", $"{r.UsPerOp:F3}", $"{r.InitMs:F3}", Number(r.CpuOpsPerS),
                string.Create(CultureInfo.InvariantCulture, $"{r.Refused} ({r.RefusalBoundPerOp:G3})"));
        Cli.Human.Write(table);
        Console.Error.WriteLine($"Emulated: U55C at {OmapTimingModel.DefaultClockMhz} MHz, HBM2 pseudo-channels, PCIe Gen3 x16 host link, AES-GCM at " +
                                $"{OmapTimingModel.GcmBytesPerCycle} B/cycle; {options.Ops} requests ({options.Workload}), {options.PageLayout} pages, after a bulk build of N items, " +
                                $"alpha {options.Alpha}, V = {options.ValueBytes} B, seed {options.Seed}.");
        WritePublished(results);
        foreach (var r in results.Where(r => r.Refused > 0))
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name}: {r.Refused} of {r.Ops} requests refused (map full or a trusted bound exceeded; modelled bound refusal probability {r.RefusalBoundPerOp:G3} per request); each left the map as it was"));
        return ExitCodes.Ok;
    }

    /// <summary>The BOLT paper's figure beside the emulated one, and its CPU baselines as published (never re-measured).</summary>
    private static void WritePublished(IReadOnlyList<OmapEmulatedResult> results)
    {
        var bolt = results.First(r => r.Name == "bolt");
        var table = new Table().AddColumns("design", "N", "V", "us/op", "source");
        if (bolt.PublishedUsPerOp is { } published)
        {
            var figure = PublishedFigures.Bolt.First(f => f.UsPerOp == published);
            table.AddRow("BOLT, emulated here", Number(bolt.N), $"{bolt.ValueBytes}", $"{bolt.UsPerOp:F2}", "this run");
            table.AddRow(Markup.Escape($"{figure.Design}, published"), Number(figure.N), $"{figure.ValueBytes}", $"{figure.UsPerOp:F2}", Markup.Escape(figure.Source));
            table.AddRow("emulated / published", "", "", $"{bolt.RatioToPublished:F2}x", "");
        }
        foreach (var f in PublishedFigures.CpuBaselines)
            table.AddRow(Markup.Escape(f.Design), Number(f.N), $"{f.ValueBytes}", $"{f.UsPerOp:F1}", Markup.Escape(f.Source));
        Cli.Human.Write(table);
        Console.Error.WriteLine("Published figures: BOLT (CCS 2025) artifact github.com/skiphoop/BOLT-benchmark; CPU baselines as that artifact measured them.");
    }

    private static OmapBenchOptions Validate(OmapOptions options)
    {
        if (options.Action != "bench")
            throw new UsageException($"omap: unknown action '{options.Action}'; expected: bench");
        Require(options.N is >= OmapOptions.MinN and <= OmapOptions.MaxN, "--n", $"an item count in [{OmapOptions.MinN}, {OmapOptions.MaxN}]", options.N);
        Require(double.IsFinite(options.Alpha) && options.Alpha is >= 0 and <= 1, "--alpha", "a fraction in [0, 1]", options.Alpha);
        Require(options.ValueBytes is >= 8 and <= 256, "--value-bytes", "a value size in [8, 256] bytes", options.ValueBytes);
        Require(options.Ops is >= 1 and <= OmapOptions.MaxOps, "--ops", $"a request count in [1, {OmapOptions.MaxOps}]", options.Ops);
        var algorithms = new List<OmapAlgorithm> { OmapAlgorithm.Bolt };
        if (options.Baseline is { } baseline)
        {
            Require(baseline == "pathoram", "--baseline", "pathoram", baseline);
            algorithms.Add(OmapAlgorithm.PathOram);
        }
        Require(options.Workload is "artifact" or "mixed", "--workload", "artifact or mixed", options.Workload);
        Require(options.PageLayout is "artifact" or "padded", "--page-layout", "artifact or padded", options.PageLayout);
        return new OmapBenchOptions(options.N, options.Alpha, options.ValueBytes, options.Ops, options.Seed, algorithms)
        {
            Workload = options.Workload == "artifact" ? WorkloadKind.ArtifactMix : WorkloadKind.Mixed,
            Layout = options.PageLayout == "artifact" ? BoltPageKind.Artifact : BoltPageKind.Padded,
        };
    }

    private static void Require(bool ok, string option, string expected, object actual)
    {
        if (!ok)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"omap bench {option}: expected {expected}, got {actual}"));
    }

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
