namespace Accel.Emulation;

/// <summary>
/// The static part of an emulation: clock, processes, FIFOs, memory ports and channels. Built and checked by
/// <see cref="DesignBuilder"/>; elements refer to each other by their index in these lists, which is also how
/// trace operations name them.
/// </summary>
public sealed class DesignSpec
{
    internal DesignSpec(
        long clockHz,
        ProcessSpec[] processes,
        FifoSpec[] fifos,
        MemoryPortSpec[] ports,
        MemoryChannelSpec[] channels)
    {
        ClockHz = clockHz;
        ProcessArray = processes;
        FifoArray = fifos;
        PortArray = ports;
        ChannelArray = channels;
    }

    /// <summary>Kernel clock in Hz (whole hertz, so cycle/byte ratios stay exact).</summary>
    public long ClockHz { get; }

    public double ClockMhz => ClockHz / 1e6;

    public IReadOnlyList<ProcessSpec> Processes => ProcessArray;

    public IReadOnlyList<FifoSpec> Fifos => FifoArray;

    public IReadOnlyList<MemoryPortSpec> Ports => PortArray;

    public IReadOnlyList<MemoryChannelSpec> Channels => ChannelArray;

    // Plain arrays for the engine's inner loops (no interface dispatch); never handed out.
    internal ProcessSpec[] ProcessArray { get; }

    internal FifoSpec[] FifoArray { get; }

    internal MemoryPortSpec[] PortArray { get; }

    internal MemoryChannelSpec[] ChannelArray { get; }

    /// <summary>
    /// Cycles from a request to its first data beat: the port's scheduled latency, or the channel's physical
    /// latency when that is longer (e.g. about 1 us across PCIe). The port figure stands for the whole round
    /// trip the HLS schedule assumes, so the two are not added.
    /// </summary>
    public int EffectiveLatencyCycles(int port)
    {
        var spec = Ports[port];
        double channelCycles = Math.Ceiling(Channels[spec.Channel].LatencyNs * ClockHz / 1e9 - 1e-9);
        return Math.Max(spec.RequestLatencyCycles, (int)Math.Max(1, channelCycles));
    }
}
