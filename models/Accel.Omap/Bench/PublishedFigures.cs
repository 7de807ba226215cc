namespace Accel.Omap.Bench;

/// <summary>One figure from the BOLT paper's artifact, with the file of the artifact it was read from.</summary>
public sealed record PublishedFigure(string Design, int N, int ValueBytes, double? Alpha, double UsPerOp, string Source);

/// <summary>
/// The BOLT paper's figures (Guo et al., "BOLT: Bandwidth-Optimized Lightning-Fast Oblivious Map powered by Secure
/// HBM Accelerators", CCS 2025, arXiv 2509.01742) as its public artifact (github.com/skiphoop/BOLT-benchmark)
/// records them: BOLT on a U55C, and the CPU oblivious maps it is compared with. Cited, never re-measured here.
/// BOLT's runs: 1M items of 8-byte values, 2000 commands (70% gets, 30% updates), average latency = total / 2000.
/// </summary>
public static class PublishedFigures
{
    private const string HbmRuns = "BOLT/hbm_distribution_experiment/*/terminal_output.txt";

    public static IReadOnlyList<PublishedFigure> Bolt { get; } =
    [
        new("BOLT", 1_000_000, 8, 0.01, 4.958, HbmRuns.Replace("*", "1_percent_hbm")),
        new("BOLT", 1_000_000, 8, 0.2, 4.569, HbmRuns.Replace("*", "20_percent_hbm")),
        new("BOLT", 1_000_000, 8, 0.5, 3.732, HbmRuns.Replace("*", "50_percent_hbm")),
    ];

    /// <summary>The paper's non-oblivious FPGA key-value store with every item in HBM: the floor BOLT is measured against.</summary>
    public static PublishedFigure NonObliviousHbm { get; } =
        new("FPGA key-value store, all in HBM, not oblivious", 1_000_000, 8, null, 2.63, "BOLT paper, as quoted in issue 13 (no log of it in the artifact)");

    /// <summary>The CPU baselines, per request, at the sizes the artifact ran them.</summary>
    public static IReadOnlyList<PublishedFigure> CpuBaselines { get; } =
    [
        new("facebook/oram (Path ORAM, Rust)", 1 << 20, 8, null, 460.97, "facebook/results/var_data_sz.log (DefaultOram::read, capacity 1048576, block 8)"),
        new("H2O2RAM (hierarchical doubly oblivious)", 1 << 20, 8, null, 192.29, "h2o2ram/results/data-scale/h2o2ram_query_1m.json (961,464 us per 2500 gets + 2500 inserts)"),
        new("EnigMap (oblivious AVL tree)", 1 << 18, 8, null, 2282.15, "enigmap/enigmap_benchmark.log (us/query at N = 262144, the largest it ran)"),
    ];

    /// <summary>BOLT's initialisation of 1M items at alpha 0.2, host build included: 1.619 s (20_percent_hbm run).</summary>
    public const double BoltInitSeconds = 1.619;

    /// <summary>The published BOLT figure for these parameters, if the artifact ran them.</summary>
    public static PublishedFigure? BoltAt(int n, int valueBytes, double alpha) =>
        Bolt.FirstOrDefault(f => f.N == n && f.ValueBytes == valueBytes && f.Alpha is { } a && Math.Abs(a - alpha) < 1e-9);
}
