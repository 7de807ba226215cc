namespace Accel.Omap.Tests.Support;

/// <summary>
/// One long seeded run shared by a map's correctness and bounds tests (a fixture, so the million requests are
/// paid for once): a mixed workload checked request by request against a <see cref="MapMirror"/>, sampled
/// every <see cref="SampleEvery"/> requests, then audited.
/// </summary>
public abstract class MillionOperationRun : IDisposable
{
    public const int Operations = 1_000_000;
    public const int SampleEvery = 1000;
    private readonly SeededRandomSource random = new(12);

    private protected MillionOperationRun(MapKind kind, int capacity, int valueBytes)
    {
        Capacity = capacity;
        var items = KeyValueDataSet.CreateRandom(capacity * 3 / 4, valueBytes, seed: 11);
        Map = kind.Build(capacity, valueBytes, items, random);
        Mirror = new MapMirror(items);
        using var workload = new Workload(WorkloadKind.Mixed, items, capacity, seed: 13);
        for (long step = 0; step < Operations; step++)
        {
            Mirror.Check(Map, workload.Next(), step);
            if (step % SampleEvery == 0) Sample(Map);
        }
        Contents = kind.Audit(Map);
    }

    public int Capacity { get; }

    public IObliviousMap Map { get; }

    internal MapMirror Mirror { get; }

    /// <summary>The trusted audit after the run.</summary>
    public Dictionary<ulong, byte[]> Contents { get; }

    /// <summary>Requests that place an item (hits of get, every put): the ones that can add to BOLT's queue.</summary>
    public long Placements => Mirror.Outcomes.Where(o => o.Key.Kind == MapOperationKind.Put || o.Key is (MapOperationKind.Get, true)).Sum(o => o.Value);

    private protected virtual void Sample(IObliviousMap map) { }

    public void Dispose()
    {
        Map.Dispose();
        random.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>BOLT with N = 4096 (512 bins), V = 16: bin-load histograms and queue lengths are sampled.</summary>
public sealed class BoltMillionRun : MillionOperationRun
{
    public BoltMillionRun() : base(new BoltKind(), capacity: 4096, valueBytes: 16) { }

    /// <summary>Sum over samples of the number of bins at each load.</summary>
    public long[] LoadCounts { get; } = new long[BoltParameters.MaxSlotsPerPage + 1];

    public long QueueLengthSum { get; private set; }

    public int Samples { get; private set; }

    private protected override void Sample(IObliviousMap map)
    {
        var bolt = (BoltMap)map;
        int[] histogram = bolt.BinLoadHistogram();
        for (int load = 0; load < histogram.Length; load++) LoadCounts[load] += histogram[load];
        QueueLengthSum += bolt.QueueLength;
        Samples++;
    }
}

/// <summary>
/// Path ORAM with N = 16 (a 4-level tree), V = 16: every access costs log2 N sealed buckets each way, so a small
/// tree keeps a million requests in seconds; the stash histogram comes from the map itself.
/// </summary>
public sealed class PathOramMillionRun : MillionOperationRun
{
    public PathOramMillionRun() : base(new PathOramKind(), capacity: 16, valueBytes: 16) { }

    public PathOramMap PathOram => (PathOramMap)Map;
}
