using System.Diagnostics;
using System.Text.Json.Serialization;
using Accel.Omap.Bolt;
using Accel.Omap.Host;
using Accel.Omap.Randomness;

namespace Accel.Omap.Bench;

/// <summary>What to measure: map size, alpha, value size, how many requests, the seed, and which algorithms.</summary>
public sealed record OmapBenchOptions(int N, double Alpha, int ValueBytes, int Ops, ulong Seed, IReadOnlyList<OmapAlgorithm> Algorithms)
{
    /// <summary>When set, each result carries the full host trace of the measured requests (for a timing model to replay).</summary>
    public bool RecordTrace { get; init; }

    /// <summary>The request stream: the mixed one by default, or the BOLT artifact's 70/30 get/update mix.</summary>
    public WorkloadKind Workload { get; init; } = WorkloadKind.Mixed;

    /// <summary>BOLT's host page layout: padded to the bin cap (default) or the artifact's 8 tuples.</summary>
    public BoltPageKind Layout { get; init; } = BoltPageKind.Padded;
}

/// <summary>Host transfers of one kind and size per request, the input a timing model prices.</summary>
public sealed record HostTransferRate(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("bytes")] int Bytes,
    [property: JsonPropertyName("per_op")] double PerOp);

/// <summary>One algorithm's measurements; the JSON names are the CLI contract of `accel omap bench --json`.</summary>
public sealed record OmapBenchResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("value_bytes")] int ValueBytes,
    [property: JsonPropertyName("ops")] int Ops,
    [property: JsonPropertyName("host_bytes_per_op")] double HostBytesPerOp,
    [property: JsonPropertyName("host_accesses_per_op")] double HostAccessesPerOp,
    [property: JsonPropertyName("cpu_ops_per_s")] double CpuOpsPerS,
    [property: JsonPropertyName("host_transfers")] IReadOnlyList<HostTransferRate> HostTransfers)
{
    /// <summary>Requests the map refused (full, or a trusted bound exceeded); they are measured like the others.</summary>
    [JsonPropertyName("refused")]
    public int Refused { get; init; }

    /// <summary>The modelled probability per request of a bound refusal (<see cref="ObliviousMaps.RefusalBoundPerAccess"/>).</summary>
    [JsonPropertyName("refusal_bound_per_op")]
    public double RefusalBoundPerOp { get; init; }

    /// <summary>Every measured transfer in order, cut per request; only with <see cref="OmapBenchOptions.RecordTrace"/>.</summary>
    [JsonIgnore]
    public HostTrace? Trace { get; init; }
}

/// <summary>
/// Builds each requested map over the same N random items, runs the same seeded mixed workload on it and reports
/// host traffic per request (counted by the host-memory model, so exact) and the C# model's own speed.
/// </summary>
public static class OmapBench
{
    public static IReadOnlyList<OmapBenchResult> Run(OmapBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Ops, nameof(options.Ops));
        if (options.Algorithms.Count == 0) throw new ArgumentException("bench: name at least one algorithm", nameof(options));
        foreach (var algorithm in options.Algorithms)
            ObliviousMaps.Validate(algorithm, options.N, options.ValueBytes, options.Alpha);
        var items = KeyValueDataSet.CreateRandom(options.N, options.ValueBytes, options.Seed);
        MapOperation[] operations;
        using (var workload = new Workload(options.Workload, items, options.N, options.Seed))
            operations = workload.Take(options.Ops);
        return options.Algorithms.Select(algorithm => Measure(algorithm, options, items, operations)).ToArray();
    }

    private static OmapBenchResult Measure(OmapAlgorithm algorithm, OmapBenchOptions options, KeyValueDataSet items, MapOperation[] operations)
    {
        using var random = new SeededRandomSource(options.Seed);
        using var map = ObliviousMaps.Build(algorithm, options.N, options.ValueBytes, options.Alpha, items, random, options.Layout);
        var trace = options.RecordTrace ? new HostTrace() : null;
        map.Host.Trace = trace;
        var traffic = map.Host.Traffic;
        long bytesBefore = traffic.Bytes, transfersBefore = traffic.Transfers;
        var classesBefore = traffic.Classes;
        var value = new byte[options.ValueBytes];

        int refused = 0;
        var clock = Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            trace?.BeginOperation();
            if (!MapDriver.TryApply(map, operation, value)) refused++;
        }
        clock.Stop();

        double ops = operations.Length;
        var rates = traffic.Classes
            .Select(after => (after, before: classesBefore.FirstOrDefault(b => b.Kind == after.Kind && b.Bytes == after.Bytes).Count))
            .Where(pair => pair.after.Count > pair.before)
            .OrderBy(pair => pair.after.Kind).ThenBy(pair => pair.after.Bytes)
            .Select(pair => new HostTransferRate(pair.after.Kind == HostAccessKind.Read ? "read" : "write",
                pair.after.Bytes, (pair.after.Count - pair.before) / ops))
            .ToArray();
        return new OmapBenchResult(map.Name, options.N, options.ValueBytes, operations.Length,
            (traffic.Bytes - bytesBefore) / ops, (traffic.Transfers - transfersBefore) / ops,
            ops / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), rates)
            { Trace = trace, Refused = refused, RefusalBoundPerOp = ObliviousMaps.RefusalBoundPerAccess(map) };
    }
}
