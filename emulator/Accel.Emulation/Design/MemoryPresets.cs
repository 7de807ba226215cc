namespace Accel.Emulation;

/// <summary>
/// Memory channel figures for the boards Accel targets. Bandwidths are per channel and per direction-shared
/// (reads and writes of all ports bound to the channel draw on the one figure).
/// <code>
/// preset                      bandwidth        latency   source of the figure
/// U55C HBM2 pseudo-channel    14.4 GB/s        ~110 ns   460 GB/s board total / 32 pseudo-channels (AMD U55C data sheet);
///                                                        latency: order of 100 ns idle HBM latency measured on Alveo (Shuhai, 2020)
/// ZCU102 PS DDR4 (from PL)    17.064 GB/s      ~120 ns   DDR4-2133 x 64 bit = 2133e6 x 8 B peak (the board's PS DDR4 as the ZCU102
///                                                        base design runs it, and the 17 GB/s Edge-MoE quotes); the PL reaches it
///                                                        through 128-bit HP/HPC ports (one beat per port per cycle per direction,
///                                                        see MemoryPortSpec.DataPath) whose PS interconnect adds latency over a
///                                                        PL-side controller (rounded estimate)
/// Alveo DDR4 channel          19.2 GB/s        ~90 ns    DDR4-2400 x 64 bit = 2400e6 x 8 B peak (U200/U250/U280 DDR banks)
/// PCIe Gen3 x16 host link     12 GB/s          1000 ns   15.75 GB/s raw (8 GT/s x 16 lanes x 128/130) less TLP overhead:
///                                                        XDMA DMA throughput is about 12-13 GB/s; a host round trip is about 1 us
/// </code>
/// Latencies are rounded orders of magnitude, not measurements of ours. In the model a request's latency is
/// the larger of the port's scheduled latency (m_axi default 64 cycles) and the channel's, so at 300 MHz the
/// port figure governs for HBM and DDR4 and the channel figure (300 cycles) governs across PCIe.
/// </summary>
public static class MemoryPresets
{
    public const int U55cHbmPseudoChannels = 32;

    public static MemoryChannelSpec U55cHbmPseudoChannel(string name) =>
        new(name, MemoryKind.Hbm, 14_400_000_000, 110);

    /// <summary>All 32 HBM pseudo-channels of a U55C, named HBM[0]..HBM[31] as in v++ connectivity files.</summary>
    public static IReadOnlyList<MemoryChannelSpec> U55cHbm() =>
        [.. Enumerable.Range(0, U55cHbmPseudoChannels).Select(i => U55cHbmPseudoChannel($"HBM[{i}]"))];

    public static MemoryChannelSpec Zcu102PsDdr4(string name = "PS_DDR4") =>
        new(name, MemoryKind.Ddr4, 17_064_000_000, 120);

    public static MemoryChannelSpec AlveoDdr4(string name) =>
        new(name, MemoryKind.Ddr4, 19_200_000_000, 90);

    public static MemoryChannelSpec PcieGen3x16Host(string name = "HOST") =>
        new(name, MemoryKind.PcieHost, 12_000_000_000, 1000);
}
