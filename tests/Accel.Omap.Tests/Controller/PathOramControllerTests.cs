using P = Accel.Kernels.Omap.PathOramLayout;

namespace Accel.Omap.Tests.Controller;

/// <summary>
/// The path_oram_controller kernel (C# form; OmapControllerCsimTests holds the C++ to it) as a map and as what the
/// host sees: every get returns what the last put wrote, the leaves whose paths the host sees are uniform whatever
/// the requests, the stash stays small, and the emulator's time per access is at least a PCIe round trip.
/// </summary>
public sealed class PathOramControllerTests
{
    [Fact]
    public void GetsReturnWhatPutsWroteAndDeletedKeysAreGone()
    {
        var state = new PathOramControllerState(capacity: 512, depth: 8, valueWords: 2, stashBound: 100) { Salt = 7, Seed = 8 };
        var items = KeyValueDataSet.CreateRandom(384, 16, 9);
        var expected = new Dictionary<ulong, ulong>();
        state.Build([.. Enumerable.Range(0, items.Count).Select(i => (items.Key(i), new ulong[] { (ulong)i, ~(ulong)i }))]);
        for (int i = 0; i < items.Count; i++) expected[items.Key(i)] = (ulong)i;
        MapOperation[] operations;
        using (var workload = new Workload(WorkloadKind.Mixed, items, 512, 10))
            operations = workload.Take(3000);
        var values = operations.SelectMany(o => new[] { o.ValueVersion + 1_000_000, ~(o.ValueVersion + 1_000_000) }).ToArray();

        var (decisions, results) = state.Run(new PathOramController(512, 8, 2, 100),
            [.. operations.Select(o => (int)o.Kind)], [.. operations.Select(o => o.Key)], values);

        for (int r = 0; r < operations.Length; r++)
        {
            var (kind, key, _) = operations[r];
            Assert.Equal(P.Done, decisions[r * P.DecisionWords + P.StatusField]);
            bool had = expected.TryGetValue(key, out ulong value);
            Assert.Equal(had ? 1 : 0, decisions[r * P.DecisionWords + P.FoundField]);
            if (kind == MapOperationKind.Get)
                Assert.Equal(had ? value : 0UL, results[r * 2]);
            else if (kind == MapOperationKind.Put)
                expected[key] = values[r * 2];
            else
                expected.Remove(key);
        }
        Assert.Equal(expected.Count, state.Counters[P.KeyCountCounter]);
    }

    /// <summary>One key requested 4000 times and 4000 uniform requests: the revealed leaves of both are uniform over
    /// the 64 leaves (goodness of fit) and alike (homogeneity); p below 1e-4 would reject.</summary>
    [Fact]
    public void RevealedLeavesAreUniformWhateverTheRequests()
    {
        const int depth = 6, requests = 4000;
        var items = KeyValueDataSet.CreateRandom(96, 8, 3);
        var repeat = Enumerable.Range(0, requests).Select(r => new MapOperation(r % 2 == 0 ? MapOperationKind.Get : MapOperationKind.Put, items.Key(0), (ulong)r)).ToArray();
        MapOperation[] mixed;
        using (var workload = new Workload(WorkloadKind.Mixed, items, 128, 4))
            mixed = workload.Take(requests);
        var counts = new[] { repeat, mixed }.Select((operations, i) =>
        {
            var state = new PathOramControllerState(128, depth, 1, 100) { Salt = 5, Seed = 6 + (ulong)i };
            state.Build([.. Enumerable.Range(0, items.Count).Select(j => (items.Key(j), new ulong[] { (ulong)j }))]);
            var (decisions, _) = state.Run(new PathOramController(128, depth, 1, 100),
                [.. operations.Select(o => (int)o.Kind)], [.. operations.Select(o => o.Key)], new ulong[operations.Length]);
            var leaves = new long[1 << depth];
            for (int r = 0; r < operations.Length; r++) leaves[decisions[r * P.DecisionWords + P.LeafField]]++;
            return leaves;
        }).ToArray();

        var uniform = Enumerable.Repeat(1.0 / (1 << depth), 1 << depth).ToArray();
        Assert.True(ChiSquare.GoodnessOfFit(counts[0], uniform).PValue >= 1e-4, $"repeated key: {ChiSquare.GoodnessOfFit(counts[0], uniform)}");
        Assert.True(ChiSquare.GoodnessOfFit(counts[1], uniform).PValue >= 1e-4, $"mixed: {ChiSquare.GoodnessOfFit(counts[1], uniform)}");
        Assert.True(ChiSquare.Homogeneity(counts).PValue >= 1e-4, $"homogeneity: {ChiSquare.Homogeneity(counts)}");
    }

    /// <summary>
    /// The emulated kernel pays at least one PCIe round trip per access (the path's read: 300 cycles of latency plus
    /// its beats; the write is posted), plus AES-GCM on every bucket of the path both ways, and a deeper tree costs more.
    /// </summary>
    [Fact]
    public void EachAccessCostsAtLeastAHostRoundTripAndDeeperTreesCostMore()
    {
        var small = Run(256, 200);
        var large = Run(4096, 200);
        Assert.True(small.KernelCycles >= 200 * 300L, $"{small.KernelCycles} kernel cycles for 200 accesses");
        // GCM per path, both ways: 2 x (32 + levels x ceil((4 blocks x 3 words x 8 B + 16-byte tag) / 16)) = 2 x (32 + 8 x 7) at N = 256 (depth 7).
        int levels = PathOramLayout.Depth(256) + 1;
        Assert.Equal(200L * 2 * (OmapTimingModel.GcmLatencyCycles + levels * 7), small.GcmCycles);
        Assert.True(large.TotalCycles > small.TotalCycles, $"N = 4096: {large.TotalCycles}, N = 256: {small.TotalCycles}");
        Assert.True(small.StashAfter <= PathOramKernelTiming.StashBound);
    }

    private static PathOramKernelRun Run(int n, int ops)
    {
        var items = KeyValueDataSet.CreateRandom(n, 8, 12);
        using var workload = new Workload(WorkloadKind.ArtifactMix, items, n, 13);
        return PathOramKernelTiming.Run(items, n, workload.Take(ops), seed: 14);
    }
}
