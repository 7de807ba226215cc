using System.Text.Json.Serialization;
using Accel.Kernels.Omap;
using Accel.Omap.Bench;
using Accel.Omap.Bolt;
using Accel.Omap.Controller;
using Accel.Omap.Host;
using Accel.Omap.PathOram;
using Accel.Omap.Randomness;

namespace Accel.Omap.Timing;

/// <summary>One algorithm's bench figures plus its emulated U55C timing; the JSON names are `accel omap bench`'s contract.</summary>
public sealed record OmapEmulatedResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("value_bytes")] int ValueBytes,
    [property: JsonPropertyName("ops")] int Ops,
    [property: JsonPropertyName("host_bytes_per_op")] double HostBytesPerOp,
    [property: JsonPropertyName("host_accesses_per_op")] double HostAccessesPerOp,
    [property: JsonPropertyName("us_per_op")] double UsPerOp,
    [property: JsonPropertyName("init_ms")] double InitMs,
    [property: JsonPropertyName("cpu_ops_per_s")] double CpuOpsPerS,
    [property: JsonPropertyName("clock_mhz")] double ClockMhz,
    [property: JsonPropertyName("batch_cycles")] long BatchCycles,
    [property: JsonPropertyName("init_cycles")] long InitCycles)
{
    /// <summary>Requests the map refused (full, or a trusted bound exceeded), counted instead of stopping the bench.</summary>
    [JsonPropertyName("refused")]
    public int Refused { get; init; }

    /// <summary>The modelled probability per request of a bound refusal.</summary>
    [JsonPropertyName("refusal_bound_per_op")]
    public double RefusalBoundPerOp { get; init; }
    /// <summary>The BOLT paper's figure at these parameters (null when the artifact did not run them).</summary>
    [JsonPropertyName("published_us_per_op")]
    public double? PublishedUsPerOp { get; init; }

    /// <summary>Emulated / published.</summary>
    [JsonPropertyName("ratio_to_published")]
    public double? RatioToPublished => PublishedUsPerOp is { } p ? UsPerOp / p : null;
}

/// <summary>
/// `accel omap bench`: the C# bench (host traffic, the model's own speed) and, for the same seed, items and
/// workload, the emulated U55C time of the batch and of the bulk build. BOLT's controller costs come from the
/// omap_controller kernel replaying the map's batch, priced by <see cref="OmapTimingModel"/> with the host page round
/// trips; Path ORAM's time is the emulator's for the path_oram_controller kernel (<see cref="PathOramKernelTiming"/>).
/// </summary>
public static class OmapEmulation
{
    public static IReadOnlyList<OmapEmulatedResult> Run(OmapBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bench = OmapBench.Run(options);
        var items = KeyValueDataSet.CreateRandom(options.N, options.ValueBytes, options.Seed);
        MapOperation[] operations;
        using (var workload = new Workload(options.Workload, items, options.N, options.Seed))
            operations = workload.Take(options.Ops);
        var model = new OmapTimingModel();
        return bench.Select(result =>
        {
            var (batchCycles, build) = result.Name == "bolt"
                ? BoltTiming(options, items, operations, model)
                : PathOramTiming(options, items, operations);
            var buildReport = model.RunBuild(build.HostBytes, build.HbmBytesPerBank);
            double usPerOp = batchCycles / OmapTimingModel.DefaultClockMhz / operations.Length;
            var published = result.Name == "bolt" && options.Layout == BoltPageKind.Artifact ? PublishedFigures.BoltAt(options.N, options.ValueBytes, options.Alpha) : null;
            return new OmapEmulatedResult(result.Name, result.N, result.ValueBytes, result.Ops, result.HostBytesPerOp,
                result.HostAccessesPerOp, usPerOp, buildReport.TimeMs, result.CpuOpsPerS,
                OmapTimingModel.DefaultClockMhz, batchCycles, buildReport.TotalCycles) { PublishedUsPerOp = published?.UsPerOp, Refused = result.Refused, RefusalBoundPerOp = result.RefusalBoundPerOp };
        }).ToArray();
    }

    private sealed record BuildSize(long HostBytes, long[] HbmBytesPerBank);

    private static (long, BuildSize) BoltTiming(OmapBenchOptions options, KeyValueDataSet items, MapOperation[] operations, OmapTimingModel model)
    {
        var random = new ControllerRandomSource(options.Seed);
        using var map = BoltMap.Build(BoltParameters.ForLayout(options.Layout, options.N, options.ValueBytes, options.Alpha), items, random);
        var replay = BoltControllerReplayer.Run(map, random, operations);
        var costs = new OmapAccessCost[operations.Length];
        for (int i = 0; i < costs.Length; i++)
        {
            var d = replay.Decisions.AsSpan(i * OmapControllerLayout.DecisionWords, OmapControllerLayout.DecisionWords);
            bool found = d[OmapControllerLayout.FoundField] != 0, stays = d[OmapControllerLayout.ChosenBinField] >= 0;
            bool readsValue = found && operations[i].Kind == MapOperationKind.Get && replay.ValueInHbm[i];
            costs[i] = OmapAccessCosts.BoltController(found, stays, d[OmapControllerLayout.ProbesField], replay.HostTrace.Operation(i).ToArray(),
                readsValue ? options.ValueBytes : 0, stays ? options.ValueBytes : 0);
        }
        // The kernel's banks: key table and free ids (HBM[2]), item records and tags (HBM[3]), loads and page queues
        // (HBM[4]); values of HBM bins and queued items in a fifth bank, all of its reserved slots written.
        var p = map.Parameters;
        long tableBytes = (long)OmapControllerLayout.TableBuckets(p.Capacity) * OmapAccessCosts.BucketBytes + (long)p.Capacity * sizeof(int);
        long itemBytes = (long)p.Capacity * OmapAccessCosts.RecordBytes;
        long binBytes = (long)p.BinCount * sizeof(int) + (long)p.HostPageCount * (sizeof(int) + sizeof(ulong));
        long valueBytes = ((long)p.HbmBinCount * p.SlotsPerPage + p.QueueBound) * p.ValueBytes;
        return (model.RunBatch(costs).TotalCycles, new BuildSize(map.Host.Size, [0, 0, tableBytes, itemBytes, binBytes, valueBytes]));
    }

    private static (long, BuildSize) PathOramTiming(OmapBenchOptions options, KeyValueDataSet items, MapOperation[] operations)
    {
        var run = PathOramKernelTiming.Run(items, options.N, operations, options.Seed);
        int valueWords = (options.ValueBytes + sizeof(ulong) - 1) / sizeof(ulong);
        int depth = PathOramLayout.Depth(options.N);
        long treeBytes = (long)PathOramLayout.TreeBuckets(depth) * (PathOramLayout.BucketWords(valueWords) * sizeof(ulong) + 16);
        long positionBytes = (long)OmapControllerLayout.TableBuckets(options.N) * OmapAccessCosts.BucketBytes;
        return (run.TotalCycles, new BuildSize(treeBytes, [positionBytes]));
    }
}
