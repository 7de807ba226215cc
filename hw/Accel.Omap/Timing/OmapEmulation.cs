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
}

/// <summary>
/// `accel omap bench`: the C# bench (host traffic, the model's own speed) and, for the same seed, items and
/// workload, the emulated U55C time of the batch and of the bulk build. BOLT's controller costs come from the
/// omap_controller kernel replaying the map's batch; Path ORAM's from <see cref="OmapAccessCosts.PathOramController"/>.
/// </summary>
public static class OmapEmulation
{
    public static IReadOnlyList<OmapEmulatedResult> Run(OmapBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bench = OmapBench.Run(options);
        var items = KeyValueDataSet.CreateRandom(options.N, options.ValueBytes, options.Seed);
        MapOperation[] operations;
        using (var workload = new Workload(WorkloadKind.Mixed, items, options.N, options.Seed))
            operations = workload.Take(options.Ops);
        var model = new OmapTimingModel();
        return bench.Select(result =>
        {
            var (batch, build) = result.Name == "bolt"
                ? BoltCosts(options, items, operations)
                : PathOramCosts(options, items, operations);
            var batchReport = model.RunBatch(batch);
            var buildReport = model.RunBuild(build.HostBytes, build.HbmBytesPerBank);
            return new OmapEmulatedResult(result.Name, result.N, result.ValueBytes, result.Ops, result.HostBytesPerOp,
                result.HostAccessesPerOp, batchReport.TimeMs * 1e3 / operations.Length, buildReport.TimeMs, result.CpuOpsPerS,
                OmapTimingModel.DefaultClockMhz, batchReport.TotalCycles, buildReport.TotalCycles)
            { Refused = result.Refused, RefusalBoundPerOp = result.RefusalBoundPerOp };
        }).ToArray();
    }

    private sealed record BuildSize(long HostBytes, long[] HbmBytesPerBank);

    private static (OmapAccessCost[], BuildSize) BoltCosts(OmapBenchOptions options, KeyValueDataSet items, MapOperation[] operations)
    {
        using var seeded = new SeededRandomSource(options.Seed);
        var random = new RecordingRandomSource(seeded);
        using var map = BoltMap.Build(new BoltParameters(options.N, options.ValueBytes, hbmFraction: options.Alpha), items, random);
        var replay = BoltControllerReplayer.Run(map, random, operations);
        var costs = new OmapAccessCost[operations.Length];
        for (int i = 0; i < costs.Length; i++)
        {
            var d = replay.Decisions.AsSpan(i * OmapControllerLayout.DecisionWords, OmapControllerLayout.DecisionWords);
            costs[i] = OmapAccessCosts.BoltController(d[OmapControllerLayout.FoundField] != 0, d[OmapControllerLayout.ChosenBinField] >= 0,
                d[OmapControllerLayout.ProbesField], d[OmapControllerLayout.FlushCountField], replay.HostTrace.Operation(i).ToArray());
        }
        // The kernel's banks: key table and free ids (HBM[2]), item records and tags (HBM[3]), loads and page queues
        // (HBM[4]); values of HBM bins and queued items in a fifth bank, all of its reserved slots written.
        var p = map.Parameters;
        long tableBytes = (long)OmapControllerLayout.TableSlots(p.Capacity) * (sizeof(ulong) + sizeof(int)) + (long)p.Capacity * sizeof(int);
        long itemBytes = (long)p.Capacity * (OmapControllerLayout.ItemWords * sizeof(int) + sizeof(ulong));
        long binBytes = (long)p.BinCount * sizeof(int) + (long)p.HostPageCount * (sizeof(int) + sizeof(ulong));
        long valueBytes = ((long)p.HbmBinCount * p.SlotsPerPage + p.QueueBound) * p.ValueBytes;
        return (costs, new BuildSize(map.Host.Size, [0, 0, tableBytes, itemBytes, binBytes, valueBytes]));
    }

    private static (OmapAccessCost[], BuildSize) PathOramCosts(OmapBenchOptions options, KeyValueDataSet items, MapOperation[] operations)
    {
        using var random = new SeededRandomSource(options.Seed);
        using var map = PathOramMap.Build(new PathOramParameters(options.N, options.ValueBytes), items, random);
        var trace = new HostTrace();
        map.Host.Trace = trace;
        var value = new byte[options.ValueBytes];
        var costs = new OmapAccessCost[operations.Length];
        for (int i = 0; i < operations.Length; i++)
        {
            trace.BeginOperation();
            MapDriver.TryApply(map, operations[i], value);   // a refused request is priced by the transfers it made
            costs[i] = OmapAccessCosts.PathOramController(trace.Operation(i).ToArray());
        }
        // Position map: the same table layout as BOLT's key table, with a 4-byte leaf per item.
        long positionBytes = (long)OmapControllerLayout.TableSlots(options.N) * (sizeof(ulong) + sizeof(int)) + (long)options.N * sizeof(int);
        return (costs, new BuildSize(map.Host.Size, [positionBytes]));
    }
}
