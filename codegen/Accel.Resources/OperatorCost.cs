namespace Accel.Resources;

/// <summary>One calibrated operator: the cells Yosys used for it at these widths. <see cref="Carry"/> and
/// <see cref="Muxf"/> (carry chains, wide-mux cells) are kept for reference; they are not LUTs.</summary>
public sealed record OperatorCost(string Op, int A, int B, int Out, long Lut, long Ff, long Dsp, long Carry, long Muxf)
{
    public ResourceVector Resources => new(Dsp, 0, 0, Lut, Ff);

    public bool Covers(int a, int b, int @out) => A >= a && B >= b && Out >= @out;
}
