namespace Accel.Emulation;

/// <summary>Kind of off-chip memory behind a <see cref="MemoryChannelSpec"/>.</summary>
public enum MemoryKind
{
    Hbm,
    Ddr4,
    PcieHost,
}

/// <summary>A dataflow process: one function of a dataflow region, running concurrently with its own clock.</summary>
public sealed record ProcessSpec(string Name);

/// <summary>
/// A stream (hls::stream) from one process to another. <paramref name="ReadLatency"/> is the number of cycles
/// between a write and the first cycle the item can be read (at least 1). Indices refer to
/// <see cref="DesignSpec.Processes"/>.
/// </summary>
public sealed record FifoSpec(string Name, int Depth, int ReadLatency, int Producer, int Consumer, int WidthBits);

/// <summary>
/// An m_axi port owned by one process and bound to one memory channel. Reads and writes use separate AXI
/// channels, so each direction has its own data path and its own outstanding-request budget.
/// <paramref name="DataPath"/> (-1: its own) names a data path several ports share, one beat per cycle per
/// direction between them: the Zynq PS slave port (HP0..HP3, HPC0, HPC1) that several m_axi bundles reach memory through.
/// <paramref name="Bundle"/> (-1: its own) names the m_axi bundle several ports share: their same-direction accesses
/// in one loop are not burst (see <see cref="SharedBundles"/>).
/// </summary>
public sealed record MemoryPortSpec(
    string Name,
    int Owner,
    int DataWidthBits,
    int MaxBurstBeats,
    int MaxOutstanding,
    int RequestLatencyCycles,
    int Channel,
    int DataPath = -1,
    int Bundle = -1)
{
    /// <summary>Vitis HLS m_axi defaults (max_read_burst_length / num_read_outstanding / latency).</summary>
    public const int VitisDefaultBurstBeats = 16;

    /// <inheritdoc cref="VitisDefaultBurstBeats"/>
    public const int VitisDefaultOutstanding = 16;

    /// <inheritdoc cref="VitisDefaultBurstBeats"/>
    public const int VitisDefaultLatencyCycles = 64;

    /// <summary>Bytes carried by one data beat.</summary>
    public int BytesPerBeat => DataWidthBits / 8;
}

/// <summary>
/// One independently scheduled memory resource (an HBM pseudo-channel, a DDR4 controller, the PCIe link).
/// Every port bound to it shares <paramref name="BandwidthBytesPerSecond"/>.
/// </summary>
public sealed record MemoryChannelSpec(string Name, MemoryKind Kind, long BandwidthBytesPerSecond, double LatencyNs);
