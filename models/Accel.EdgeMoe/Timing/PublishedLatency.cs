namespace Accel.EdgeMoe.Timing;

/// <summary>
/// The latency Edge-MoE reports for its own ZCU102 build, to print beside the emulated figure on the same terms
/// (reference M3ViT configuration, ZCU102, 300 MHz). Source: R. Sarkar, H. Liang, Z. Fan, Z. Wang, C. Hao,
/// "Edge-MoE: Memory-Efficient Multi-Task Vision Transformer Architecture with Task-level Sparsity via
/// Mixture-of-Experts", ICCAD 2023 (arXiv:2305.18691): 34.64 ms per image on the ZCU102. UNCONFIRMED: the figure was
/// entered from memory, and a search of public copies of the paper (abstract pages, the authors' repository
/// sharc-lab/Edge-MoE, whose README gives no latency) did not reach its results table. Indirect support only:
/// CoQMoE (arXiv:2506.08496) reports about 155 frames/s as a 5.35x throughput gain over the previous FPGA MoE-ViT
/// accelerator, i.e. about 29 frames/s = 34.5 ms, if that accelerator is Edge-MoE (the abstract does not name it).
/// What still differs from the paper's setup: Accel runs the encoder as one kernel call per stage, one after another
/// (the paper's single kernel overlaps loading and computing across stages); patch embedding and head are counted
/// here; weights are seeded random (which experts run, and so the MoE time, depends on the gate); the memory is
/// modelled (17.064 GB/s PS DDR4 behind 128-bit HP ports), not measured.
/// </summary>
public sealed record PublishedLatency(string Design, string Board, double ClockMhz, double Ms, string Source)
{
    public static readonly PublishedLatency EdgeMoeZcu102 = new("Edge-MoE", "zcu102", 300, 34.64,
        "Sarkar et al., Edge-MoE, ICCAD 2023 (arXiv:2305.18691); unconfirmed: the paper's results table was not reached");

    /// <summary>The published figure for a run on these terms, or null when the run is not the paper's setup.</summary>
    public static PublishedLatency? For(EncoderConfig config, string board, double clockMhz) =>
        config == EncoderConfig.Reference && board == EdgeMoeZcu102.Board && clockMhz == EdgeMoeZcu102.ClockMhz ? EdgeMoeZcu102 : null;

    /// <summary>Emulated over published: above 1, the emulated design is slower than the paper's.</summary>
    public double Ratio(double emulatedMs) => emulatedMs / Ms;
}
