using Accel.Omap.Controller;
using L = Accel.Kernels.Omap.OmapControllerLayout;

namespace Accel.Omap.Tests.Controller;

/// <summary>
/// The omap_controller kernel (C# form; the C simulation holds C++ to it bit for bit) given BoltMap's state and
/// the generator's seed and counter (BoltMap drawing from the same counter-based generator) makes BoltMap's decisions: same verdicts, same flushed pages in the same order
/// (read from the host trace, as the attacker sees them), same bins, same queue lengths, and the same trusted
/// state after the batch.
/// </summary>
public sealed class OmapControllerEquivalenceTests
{
    [Theory]
    [InlineData(256, 0.2, 0, 0, WorkloadKind.Mixed, 3000)]
    [InlineData(1024, 0.2, 0, 0, WorkloadKind.Churn, 2000)]
    [InlineData(512, 0.2, 0, 0, WorkloadKind.RepeatOneKey, 1000)]
    [InlineData(200, 0.0, 0, 0, WorkloadKind.Mixed, 1500)]
    [InlineData(200, 1.0, 0, 0, WorkloadKind.Mixed, 1500)]
    public void KernelDecidesAsBoltMapDoes(int n, double alpha, int slotsPerPage, int queueBound, WorkloadKind workload, int ops)
    {
        var parameters = new BoltParameters(n, 16, hbmFraction: alpha,
            slotsPerPage: slotsPerPage == 0 ? null : slotsPerPage, queueBound: queueBound == 0 ? null : queueBound);
        var outcome = Replay(parameters, workload, ops, seed: (ulong)(n + ops));
        AssertSameDecisions(outcome.Replay);
        AssertSameState(outcome.Map, outcome.Replay, ops);
    }

    /// <summary>
    /// The artifact's page layout (8 tuples a page, c = 4: BoltParameters.ForLayout) beside the padded one above: the
    /// kernel makes BoltMap's decisions with its bin cap of 8 as well, at a mid alpha and with every bin in HBM.
    /// </summary>
    [Theory]
    [InlineData(1024, 0.2, WorkloadKind.Mixed, 2000)]
    [InlineData(512, 1.0, WorkloadKind.Churn, 1000)]
    public void KernelDecidesAsBoltMapDoesWithTheArtifactsPages(int n, double alpha, WorkloadKind workload, int ops)
    {
        var parameters = BoltParameters.ForLayout(BoltPageKind.Artifact, n, 16, alpha);
        Assert.Equal((4, 8), (parameters.ItemsPerBin, parameters.SlotsPerPage));
        var outcome = Replay(parameters, workload, ops, seed: (ulong)(3 * n + ops));
        AssertSameDecisions(outcome.Replay);
        AssertSameState(outcome.Map, outcome.Replay, ops);
    }

    /// <summary>A queue bound of 20 (the mean is about 50) and L = 8 = c (with the map three quarters full) make refusals common: both sides refuse the same requests.</summary>
    [Theory]
    [InlineData(0, 20, L.QueueBound)]
    [InlineData(8, 0, L.BinLoadBound)]
    public void KernelRefusesWhatBoltMapRefuses(int slotsPerPage, int queueBound, int refusal)
    {
        var parameters = new BoltParameters(512, 16,
            slotsPerPage: slotsPerPage == 0 ? null : slotsPerPage, queueBound: queueBound == 0 ? null : queueBound);
        var outcome = Replay(parameters, WorkloadKind.Mixed, 2000, seed: 5);
        int refused = outcome.Replay.MapOutcomes.Count(o => o.Status == refusal);
        Assert.InRange(refused, 20, 1980); // the case is exercised, and most requests still go through
        AssertSameDecisions(outcome.Replay);
        AssertSameState(outcome.Map, outcome.Replay, 2000);
    }

    [Fact]
    public void AFullMapRefusesNewKeysWithoutDrawingAndStillServesTheOthers()
    {
        var parameters = new BoltParameters(64, 16);
        var items = KeyValueDataSet.CreateRandom(64, 16, 3);
        var random = new ControllerRandomSource(3);
        using var map = BoltMap.Build(parameters, items, random);
        MapOperation[] operations =
        [
            new(MapOperationKind.Put, 12345, 1), new(MapOperationKind.Get, items.Key(5)), new(MapOperationKind.Delete, items.Key(6)),
            new(MapOperationKind.Put, 12345, 2), new(MapOperationKind.Put, 777, 3), new(MapOperationKind.Get, 12345),
        ];
        var replay = BoltControllerReplayer.Run(map, random, operations);
        Assert.Equal([L.MapFull, L.Done, L.Done, L.Done, L.MapFull, L.Done], replay.MapOutcomes.Select(o => o.Status));
        AssertSameDecisions(replay);
        AssertSameState(map, replay, operations.Length);
    }

    private static (BoltMap Map, BoltControllerReplay Replay) Replay(BoltParameters parameters, WorkloadKind kind, int ops, ulong seed)
    {
        var items = KeyValueDataSet.CreateRandom(parameters.Capacity * 3 / 4, parameters.ValueBytes, seed);
        MapOperation[] operations;
        using (var workload = new Workload(kind, items, parameters.Capacity, seed + 1))
            operations = workload.Take(ops);
        var random = new ControllerRandomSource(seed);
        var map = BoltMap.Build(parameters, items, random);
        return (map, BoltControllerReplayer.Run(map, random, operations));
    }

    private static void AssertSameDecisions(BoltControllerReplay replay)
    {
        var mismatches = new List<string>();
        for (int i = 0; i < replay.MapOutcomes.Count; i++)
        {
            var map = replay.MapOutcomes[i];
            var kernel = Decision(replay.Decisions, i);
            // A refused BoltMap request throws before it reports whether the key was there, so compare the verdict only.
            var expected = map.Status == L.Done ? map : new BoltAccessOutcome(map.Status, false, 0, -1, -1, -1, map.QueueLength);
            var actual = map.Status == L.Done ? kernel : kernel with { Found = false, Page0 = -1, Page1 = -1, FlushCount = 0 };
            if (expected != actual) mismatches.Add($"request {i}: BoltMap {expected}, kernel {actual}");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {replay.MapOutcomes.Count} decisions differ; first five:\n{string.Join("\n", mismatches.Take(5))}");
    }

    private static BoltAccessOutcome Decision(int[] decisions, int request)
    {
        var d = decisions.AsSpan(request * L.DecisionWords, L.DecisionWords);
        return new BoltAccessOutcome(d[L.StatusField], d[L.FoundField] != 0, d[L.FlushCountField], d[L.FlushPage0Field],
            d[L.FlushPage1Field], d[L.ChosenBinField], d[L.QueueLengthField]);
    }

    private static void AssertSameState(BoltMap map, BoltControllerReplay replay, int requests)
    {
        var expected = map.ExportControllerState();
        var actual = replay.KernelState;
        Assert.Equal(expected.Table, actual.Table);
        Assert.Equal(expected.FreeIds, actual.FreeIds);
        // Candidate words agree; queue tags are compared through queued-ness below (the map keeps no flush counts).
        Assert.Equal(expected.Items.Where((_, i) => i % L.ItemWords == 0), actual.Items.Where((_, i) => i % L.ItemWords == 0));
        Assert.Equal(expected.BinLoads, actual.BinLoads);
        Assert.Equal(expected.QueueLengths, actual.QueueLengths);
        Assert.Equal(expected.Counters[L.FreeCountCounter], actual.Counters[L.FreeCountCounter]);
        Assert.Equal(expected.Counters[L.QueueTotalCounter], actual.Counters[L.QueueTotalCounter]);
        Assert.Equal(replay.MapGeneratorCount, actual.Generator[0]);
        Assert.Equal(requests, actual.Counters[L.RequestsDoneCounter]);
        // Queued-ness: BoltMap's place against the kernel's tag rule (host bin and tag = page flushes + 1).
        int hbmBins = map.Parameters.HbmBinCount;
        foreach (var (key, item) in actual.Entries())
        {
            var (first, second, inSecond) = L.UnpackCandidates(actual.Items[item * L.ItemWords]);
            int bin = inSecond ? second : first;
            bool queued = bin >= hbmBins && actual.Items[item * L.ItemWords + 1] == actual.PageFlushes[bin - hbmBins] + 1;
            Assert.True(queued == map.IsQueued(key), $"key {key}: queued {queued} in the kernel, {map.IsQueued(key)} in BoltMap");
        }
    }
}
