namespace Accel.Emulation;

/// <summary>
/// Builds a <see cref="DesignSpec"/>. Each Add method checks its arguments at once (the exception names the
/// parameter and the value expected) and returns the element's index, which trace operations use.
/// </summary>
public sealed class DesignBuilder
{
    private readonly long _clockHz;
    private readonly List<ProcessSpec> _processes = [];
    private readonly List<FifoSpec> _fifos = [];
    private readonly List<MemoryPortSpec> _ports = [];
    private readonly List<MemoryChannelSpec> _channels = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public DesignBuilder(double clockMhz)
    {
        if (!double.IsFinite(clockMhz) || clockMhz <= 0 || clockMhz > 2000)
            throw new ArgumentOutOfRangeException(nameof(clockMhz), clockMhz, "expected a clock in MHz in (0, 2000]");
        _clockHz = (long)Math.Round(clockMhz * 1e6);
    }

    public int AddProcess(string name)
    {
        ClaimName("process", name, nameof(name));
        _processes.Add(new ProcessSpec(name));
        return _processes.Count - 1;
    }

    /// <param name="readLatency">cycles from a write to the first cycle its item can be read; at least 1.</param>
    /// <remarks>Producer and consumer may be one process: a stream a function keeps to itself (a queue).</remarks>
    public int AddFifo(string name, int depth, int producer, int consumer, int widthBits = 32, int readLatency = 1)
    {
        Positive(depth, nameof(depth));
        Positive(widthBits, nameof(widthBits));
        Positive(readLatency, nameof(readLatency));
        CheckProcess(producer, nameof(producer));
        CheckProcess(consumer, nameof(consumer));
        ClaimName("FIFO", name, nameof(name));
        _fifos.Add(new FifoSpec(name, depth, readLatency, producer, consumer, widthBits));
        return _fifos.Count - 1;
    }

    public int AddChannel(MemoryChannelSpec channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.BandwidthBytesPerSecond <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(channel), channel.BandwidthBytesPerSecond, $"channel '{channel.Name}': bandwidth must be positive bytes/s");
        if (!double.IsFinite(channel.LatencyNs) || channel.LatencyNs < 0)
            throw new ArgumentOutOfRangeException(
                nameof(channel), channel.LatencyNs, $"channel '{channel.Name}': latency must be a finite number of ns >= 0");
        ClaimName("channel", channel.Name, nameof(channel));
        _channels.Add(channel);
        return _channels.Count - 1;
    }

    /// <param name="dataWidthBits">AXI data width: a power of two from 8 to 1024.</param>
    /// <param name="dataPath">-1, or a number shared by ports whose beats go through one data path (one beat per cycle per direction).</param>
    /// <param name="bundle">-1, or a number shared by the ports of one m_axi bundle (their accesses in one loop are not burst).</param>
    public int AddPort(
        string name,
        int owner,
        int channel,
        int dataWidthBits,
        int maxBurstBeats = MemoryPortSpec.VitisDefaultBurstBeats,
        int maxOutstanding = MemoryPortSpec.VitisDefaultOutstanding,
        int requestLatencyCycles = MemoryPortSpec.VitisDefaultLatencyCycles,
        int dataPath = -1,
        int bundle = -1)
    {
        CheckProcess(owner, nameof(owner));
        if (dataPath < -1)
            throw new ArgumentOutOfRangeException(nameof(dataPath), dataPath, "expected -1 (the port's own data path) or a shared path number >= 0");
        if (bundle < -1)
            throw new ArgumentOutOfRangeException(nameof(bundle), bundle, "expected -1 (the port's own bundle) or a shared bundle number >= 0");
        if ((uint)channel >= (uint)_channels.Count)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"expected a channel index below {_channels.Count}");
        if (dataWidthBits < 8 || dataWidthBits > 1024 || (dataWidthBits & (dataWidthBits - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(dataWidthBits), dataWidthBits, "expected a power of two from 8 to 1024");
        if (maxBurstBeats < 1 || maxBurstBeats > 256)
            throw new ArgumentOutOfRangeException(nameof(maxBurstBeats), maxBurstBeats, "expected 1..256 beats (AXI4 limit)");
        Positive(maxOutstanding, nameof(maxOutstanding));
        Positive(requestLatencyCycles, nameof(requestLatencyCycles));
        ClaimName("port", name, nameof(name));
        _ports.Add(new MemoryPortSpec(name, owner, dataWidthBits, maxBurstBeats, maxOutstanding, requestLatencyCycles, channel, dataPath, bundle));
        return _ports.Count - 1;
    }

    public DesignSpec Build()
    {
        if (_processes.Count == 0)
            throw new InvalidOperationException("a design needs at least one process");
        return new DesignSpec(_clockHz, [.. _processes], [.. _fifos], [.. _ports], [.. _channels]);
    }

    // Names are reports' and waveforms' only handle on an element, so they are unique within a kind.
    private void ClaimName(string kind, string name, string parameter)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"expected a non-empty {kind} name", parameter);
        if (!_names.Add(kind + ":" + name))
            throw new ArgumentException($"a {kind} named '{name}' already exists in this design", parameter);
    }

    private void CheckProcess(int process, string parameter)
    {
        if ((uint)process >= (uint)_processes.Count)
            throw new ArgumentOutOfRangeException(parameter, process, $"expected a process index below {_processes.Count}");
    }

    private static void Positive(int value, string parameter)
    {
        if (value < 1)
            throw new ArgumentOutOfRangeException(parameter, value, "expected a value of at least 1");
    }
}
