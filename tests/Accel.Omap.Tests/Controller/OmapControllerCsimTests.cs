using Accel.Hw;
using Accel.Omap.Controller;
using Accel.Kernels.Catalog;
using Accel.Testbenches;
using Accel.Tests;

namespace Accel.Omap.Tests.Controller;

/// <summary>
/// omap_controller and path_oram_controller transpiled to HLS C++, compiled with g++ and run on golden vectors:
/// bit-exact against the C# kernels (decisions and every state array they write), through the same transpiler and
/// harness as the other kernels.
/// </summary>
public sealed class OmapControllerCsimTests
{
    [Theory]
    [InlineData("n64", false)]
    [InlineData("n256-queue12", true)]
    [InlineData("n1024-c4", false)]
    [InlineData("n512-pages8", false)]
    public void ConfigurationIsBitExact(string config, bool sanitize)
    {
        var (generated, csim) = KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, "omap_controller", config, [], sanitize);
        AssertBitExact(csim);
        Assert.Equal(KernelRuns.WrittenWords(generated), csim.Total);
        // The stimulus crowds a third of the keys into bucket 0: lookups that read more than one bucket (the
        // overflow) and the backward shift across buckets are compared too, as are bad operation codes.
        var decisions = (int[])generated.Reference["decisions"];
        var records = Enumerable.Range(0, decisions.Length / OmapControllerLayout.DecisionWords).Select(r => decisions.AsSpan(r * OmapControllerLayout.DecisionWords).ToArray()).ToArray();
        Assert.Contains(records, d => d[OmapControllerLayout.ProbesField] > 1);
        Assert.Contains(records, d => d[OmapControllerLayout.StatusField] == OmapControllerLayout.BadOperation);
    }

    [Theory]
    [InlineData("n64", true)]
    [InlineData("n256-v1", false)]
    public void PathOramConfigurationIsBitExact(string config, bool sanitize)
    {
        var (generated, csim) = KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, "path_oram_controller", config, [], sanitize);
        AssertBitExact(csim);
        var decisions = (int[])generated.Reference["decisions"];
        Assert.Contains(PathOramLayout.Done, decisions.Where((_, i) => i % PathOramLayout.DecisionWords == 0));
        Assert.DoesNotContain(PathOramLayout.StashOverflow, decisions.Where((_, i) => i % PathOramLayout.DecisionWords == 0));
    }

    [Fact]
    public void LinkConfigPutsEveryStatePortOnAnHbmBank()
    {
        var generated = KernelRuns.Generate(KernelCatalog.BuiltIn, "omap_controller", "n64", []);
        var link = File.ReadAllLines(Path.Combine(generated.Directory, "link.cfg")).Where(l => l.StartsWith("sp=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(11, link.Length);
        Assert.All(link, l => Assert.Matches(@"^sp=omap_controller_1\.\w+:HBM\[[0-4]\]$", l));
        Assert.Contains("sp=omap_controller_1.table:HBM[2]", link);
        Assert.Contains("sp=omap_controller_1.binLoads:HBM[4]", link);
    }

    /// <summary>
    /// The C++ kernel started from a real BoltMap's state and generator position: its outputs equal the C#
    /// kernel's, which equal BoltMap's decisions; so the generated hardware makes BoltMap's decisions, with the padded
    /// pages (c = 8, L = 13) and with the artifact's (c = 4, 8 tuples).
    /// </summary>
    [Theory]
    [InlineData(BoltPageKind.Padded)]
    [InlineData(BoltPageKind.Artifact)]
    public void GeneratedKernelReplaysABoltMapBatchBitExactly(BoltPageKind layout)
    {
        var parameters = BoltParameters.ForLayout(layout, 256, 16, BoltParameters.DefaultHbmFraction);
        var items = KeyValueDataSet.CreateRandom(192, 16, 11);
        MapOperation[] operations;
        using (var workload = new Workload(WorkloadKind.Mixed, items, 256, 12))
            operations = workload.Take(400);
        var random = new ControllerRandomSource(11);
        using var map = BoltMap.Build(parameters, items, random);
        var before = map.ExportControllerState();
        before.Seed = random.Seed;
        before.Generator[0] = random.Drawn;
        var replay = BoltControllerReplayer.Run(map, random, operations);
        Assert.All(replay.MapOutcomes, o => Assert.Equal(OmapControllerLayout.Done, o.Status));
        for (int i = 0; i < operations.Length; i++)
            Assert.Equal(replay.MapOutcomes[i].FlushCount, replay.Decisions[i * OmapControllerLayout.DecisionWords + OmapControllerLayout.FlushCountField]);

        var stimulus = new Stimulus(0);
        OmapControllerStimulus.Load(stimulus, before, [.. operations.Select(o => (int)o.Kind)], [.. operations.Select(o => o.Key)]);
        string[] overrides = ["capacity=256", $"itemsPerBin={parameters.ItemsPerBin}", $"hbmBins={parameters.HbmBinCount}", $"slotsPerPage={parameters.SlotsPerPage}", $"queueBound={parameters.QueueBound}"];
        var (generated, csim) = KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, "omap_controller", null, overrides, stimulus: stimulus);
        AssertBitExact(csim);
        Assert.Equal(replay.Decisions, (int[])generated.Reference["decisions"]);
    }

    private static void AssertBitExact(Csim.Result result)
    {
        Assert.True(result.BitExact, result.Output);
        Assert.Contains($"bit-exact: {result.Total} of {result.Total} outputs match", result.Output);
    }
}
