namespace Accel.Omap.Tests.Support;

/// <summary>
/// The attacker's view of one map under each adversarial workload, for the real map and for its deliberately
/// leaky variant. Every run starts from the same items; each workload gets its own fixed map seed, because the
/// homogeneity test needs independent samples (with one shared seed the real map's traces under different
/// workloads come out almost identical, merely shifted by a request, which no chi-square test can use).
/// </summary>
public abstract class ObliviousnessRuns
{
    public static readonly WorkloadKind[] Workloads =
        [WorkloadKind.RepeatOneKey, WorkloadKind.Mixed, WorkloadKind.SequentialKeys, WorkloadKind.MissesOnly, WorkloadKind.Churn];

    /// <param name="randomFor">the map's randomness for a seed: the AES-CTR stream by default.</param>
    private protected ObliviousnessRuns(MapKind kind, int capacity, int valueBytes, int requests, Func<ulong, IRandomSource>? randomFor = null)
    {
        randomFor ??= seed => new SeededRandomSource(seed);
        Requests = requests;
        var items = KeyValueDataSet.CreateRandom(capacity, valueBytes, seed: 21);
        foreach (bool leaky in new[] { false, true })
        {
            var views = new Dictionary<WorkloadKind, RequestView[]>();
            for (int w = 0; w < Workloads.Length; w++)
            {
                var workloadKind = Workloads[w];
                var random = randomFor(22 + (ulong)w);
                using var disposeRandom = random as IDisposable;
                using var map = kind.Build(capacity, valueBytes, items, random, leaky);
                if (!leaky && w == 0) Describe(map);
                var trace = new HostTrace();
                map.Host.Trace = trace;
                using var workload = new Workload(workloadKind, items, capacity, seed: 23);
                var value = new byte[valueBytes];
                var run = new RequestView[requests];
                for (int r = 0; r < requests; r++)
                {
                    trace.BeginOperation();
                    MapDriver.Apply(map, workload.Next(), value);
                    run[r] = View(trace.Operation(r), map);
                }
                views[workloadKind] = run;
            }
            if (leaky) Leaky = views;
            else Real = views;
        }
    }

    public int Requests { get; }

    /// <summary>Views of the real map, per workload.</summary>
    public IReadOnlyDictionary<WorkloadKind, RequestView[]> Real { get; private set; } = null!;

    /// <summary>Views of the deliberately leaky variant, per workload.</summary>
    public IReadOnlyDictionary<WorkloadKind, RequestView[]> Leaky { get; private set; } = null!;

    /// <summary>How many values <see cref="RequestView.First"/> and <see cref="RequestView.Second"/> range over.</summary>
    public int Cells { get; private set; }

    /// <summary>P(a request touches k units), when that varies (BOLT); null when every request touches the same number.</summary>
    public double[]? UnitCountProbabilities { get; private set; }

    private protected abstract RequestView View(ReadOnlySpan<HostAccess> accesses, IObliviousMap map);

    private void Describe(IObliviousMap map)
    {
        switch (map)
        {
            case BoltMap bolt:
                Cells = bolt.Parameters.HostPageCount;
                double host = (double)bolt.Parameters.HostPageCount / bolt.Parameters.BinCount;
                UnitCountProbabilities = [(1 - host) * (1 - host), 2 * host * (1 - host), host * host];
                break;
            case PathOramMap oram:
                Cells = oram.Parameters.LeafCount;
                break;
        }
    }
}

/// <summary>BOLT with N = 1024 (102 host pages, 26 HBM bins), 20,000 requests per workload.</summary>
public sealed class BoltObliviousnessRuns() : ObliviousnessRuns(new BoltKind(), capacity: 1024, valueBytes: 16, requests: 20_000)
{
    private protected override RequestView View(ReadOnlySpan<HostAccess> accesses, IObliviousMap map) =>
        RequestView.OfBolt(accesses, map.TransferBytes);
}

/// <summary>
/// BOLT drawing from the omap_controller kernel's on-chip generator (SplitMix64 in counter form) instead of AES-CTR:
/// the kernel makes this map's decisions from the same seed (OmapControllerEquivalenceTests), so this is the host
/// trace the hardware shows. N = 1024, 10,000 requests per workload.
/// </summary>
public sealed class BoltOnChipGeneratorObliviousnessRuns() : ObliviousnessRuns(new BoltKind(), capacity: 1024, valueBytes: 16, requests: 10_000,
    randomFor: seed => new ControllerRandomSource(seed))
{
    private protected override RequestView View(ReadOnlySpan<HostAccess> accesses, IObliviousMap map) =>
        RequestView.OfBolt(accesses, map.TransferBytes);
}

/// <summary>Path ORAM with N = 256 (128 leaves), 10,000 requests per workload.</summary>
public sealed class PathOramObliviousnessRuns() : ObliviousnessRuns(new PathOramKind(), capacity: 256, valueBytes: 16, requests: 10_000)
{
    private protected override RequestView View(ReadOnlySpan<HostAccess> accesses, IObliviousMap map) =>
        RequestView.OfPathOram(accesses, map.TransferBytes, ((PathOramMap)map).Parameters.LeafDepth);
}
