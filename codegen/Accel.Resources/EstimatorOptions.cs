namespace Accel.Resources;

/// <summary>The assumptions of an estimate that are not operator costs. The defaults follow what Vitis HLS does
/// without storage or interface directives; the interface figures are assumed, not calibrated (see each).</summary>
public sealed record EstimatorOptions
{
    public static readonly EstimatorOptions Default = new();

    public OperatorCostTable Table { get; init; } = OperatorCostTable.Default;

    /// <summary>A memory bank of at most this many bits goes to LUTs (distributed RAM/ROM), a larger one to
    /// block RAM: the small-memory cut Vivado applies by default, taken as 1 Kbit here.</summary>
    public long LutramMaxBits { get; init; } = 1024;

    /// <summary>A RAM bank of at least this many bits goes to UltraRAM; null (the default) never does, as Vitis
    /// HLS uses UltraRAM only when told (BIND_STORAGE impl=uram). ROMs never go to UltraRAM (it has no
    /// initial contents in the bitstream).</summary>
    public long? UramMinBits { get; init; }

    /// <summary>One m_axi adapter (read and write channels, 32-bit data, bursts of 16, 16 outstanding), per
    /// bundle: an assumed figure of the order Vitis HLS reports for such an adapter, not calibrated here.</summary>
    public ResourceVector MAxiAdapter { get; init; } = new(Dsp: 0, Bram18K: 2, Uram: 0, Lut: 1500, Ff: 2000);

    /// <summary>The s_axilite control block: handshake and address decoding (assumed).</summary>
    public ResourceVector ControlBase { get; init; } = new(Dsp: 0, Bram18K: 0, Uram: 0, Lut: 150, Ff: 150);

    /// <summary>Each data bit of an axis port's register slice, which Vitis puts on axis ports by default: two words of
    /// flip-flops (a skid buffer) and a 2:1 multiplexer in LUTs (assumed, from the slice's structure).</summary>
    public ResourceVector AxisSliceBit { get; init; } = new(Dsp: 0, Bram18K: 0, Uram: 0, Lut: 1, Ff: 2);

    /// <summary>Each 32-bit control register (a scalar argument, or half of a 64-bit buffer address): the
    /// register and its share of the read-back multiplexer (assumed).</summary>
    public ResourceVector ControlRegister32 { get; init; } = new(Dsp: 0, Bram18K: 0, Uram: 0, Lut: 16, Ff: 32);
}
