namespace Accel.Runtime.Xclbin;

/// <summary>
/// The metadata of a design as XRT needs it to drive kernels: what the writer packs and what the reader
/// returns (<see cref="XclbinFile.Design"/>). Bitstreams are not part of it; Vitis produces those.
/// </summary>
/// <param name="Name">Project name in the EMBEDDED_METADATA XML.</param>
/// <param name="Uuid">Identity of the xclbin; XRT keys loaded designs and kernel lookups by it.</param>
/// <param name="PlatformVbnv">Platform (shell) the design targets, e.g. xilinx_u55c_gen3x16_xdma_3_202210_1.</param>
/// <param name="MemoryBanks">MEM_TOPOLOGY; a bank's index in this list is XRT's memory group id.</param>
public sealed record XclbinDesign(
    string Name,
    Guid Uuid,
    string PlatformVbnv,
    ValueList<MemoryBank> MemoryBanks,
    ValueList<XclbinKernel> Kernels,
    ValueList<ClockFrequency> Clocks)
{
    public XclbinKernel? FindKernel(string name) => Kernels.FirstOrDefault(k => k.Name == name);

    /// <summary>The kernel a host opens by name, or an error that lists the kernels the design has.</summary>
    public XclbinKernel KernelToOpen(string name) =>
        FindKernel(name) ?? throw new Devices.DeviceArgumentException(
            $"design '{Name}' has no kernel '{name}'; its kernels are " +
            (Kernels.Count == 0 ? "none" : string.Join(", ", Kernels.Select(k => k.Name))), nameof(name));
}

/// <summary>One MEM_TOPOLOGY entry (struct mem_data).</summary>
/// <param name="SizeKiB">Size in KiB, as the file stores it.</param>
public sealed record MemoryBank(string Tag, MemoryType Type, bool Used, ulong BaseAddress, ulong SizeKiB)
{
    /// <summary>Size in bytes, or null when it does not fit in 64 bits (only a corrupt file does that).</summary>
    public ulong? SizeBytes => SizeKiB <= ulong.MaxValue / 1024 ? SizeKiB * 1024 : null;
}

/// <summary>One CLOCK_FREQ_TOPOLOGY entry (struct clock_freq).</summary>
public sealed record ClockFrequency(string Name, ClockType Type, ushort FrequencyMhz);

/// <summary>A kernel: its interface from the XML and its compute units from IP_LAYOUT/CONNECTIVITY.</summary>
/// <param name="Arguments">In index order; argument i has Index i (XRT requires this).</param>
/// <param name="ComputeUnits">Instances in increasing base-address order.</param>
public sealed record XclbinKernel(
    string Name,
    ValueList<KernelPort> Ports,
    ValueList<KernelArgument> Arguments,
    ValueList<ComputeUnit> ComputeUnits)
{
    public KernelArgument? FindArgument(string name) => Arguments.FirstOrDefault(a => a.Name == name);

    /// <summary>Register space of the AXI-lite control port; XRT assumes 64 KiB when none is described.</summary>
    public ulong ControlRange => Ports.FirstOrDefault(p => p.Mode == KernelPort.SlaveMode)?.Range ?? 0x10000;

    /// <summary>C-like signature for humans, e.g. <c>vadd(int* a, unsigned int n)</c>.</summary>
    public string Signature => $"{Name}({string.Join(", ", Arguments.Select(a => $"{a.Type} {a.Name}"))})";
}

/// <summary>An AXI port of a kernel (XML &lt;port&gt;).</summary>
/// <param name="Mode">"master" for m_axi, "slave" for the control port, "read_only"/"write_only" for streams.</param>
public sealed record KernelPort(string Name, string Mode, int DataWidthBits, ulong Range)
{
    public const string MasterMode = "master";
    public const string SlaveMode = "slave";
    public const string ReadOnlyMode = "read_only";
    public const string WriteOnlyMode = "write_only";
}

/// <summary>A kernel argument (XML &lt;arg&gt;).</summary>
/// <param name="Offset">Register offset in the control port (arguments start at 0x10).</param>
/// <param name="Size">Register bytes: 8 for a pointer, the value's size for a scalar.</param>
/// <param name="HostSize">Bytes of the host-side value.</param>
/// <param name="Type">C spelling from the HLS source, e.g. "int*" or "unsigned int".</param>
public sealed record KernelArgument(
    int Index, string Name, ArgumentKind Kind, string Port, uint Offset, uint Size, uint HostSize, string Type);

/// <summary>A compute unit (IP_LAYOUT entry of type kernel named "kernel:instance") and its memory connections.</summary>
/// <param name="Properties">Raw ip_data properties: bit 0 interrupt enable, bits 1-7 interrupt id, bits 8-15 control.</param>
public sealed record ComputeUnit(
    string Name, ulong BaseAddress, uint Properties, ValueList<ArgumentConnection> Connections)
{
    public IpControl Control => (IpControl)((Properties >> 8) & 0xFF);

    public bool InterruptEnabled => (Properties & 1) != 0;

    /// <summary>Properties for a compute unit with the given protocol and interrupts enabled, as v++ builds them.</summary>
    public static uint PropertiesFor(IpControl control) => ((uint)control << 8) | 1;

    public IEnumerable<int> BanksOf(int argumentIndex) =>
        Connections.Where(c => c.ArgumentIndex == argumentIndex).Select(c => c.BankIndex);
}

/// <summary>One CONNECTIVITY entry of a compute unit: argument <see cref="ArgumentIndex"/> reaches bank <see cref="BankIndex"/>.</summary>
public sealed record ArgumentConnection(int ArgumentIndex, int BankIndex);
