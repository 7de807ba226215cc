using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>GELU(x) = ReLU(x) - d(|x|) with d(t) = t Phi(-t) read from a table at step 1/32 over [0, 5.5] with
/// linear interpolation (the form of the gelu kernel, as a function the Edge-MoE units can call).</summary>
[KernelLibrary]
public static class FixedGelu
{
    public const int StepBits = 5;       // table step 1/32
    public const int TableLast = 176;    // 5.5 * 32

    /// <summary>The correction table the kernels hold as a [LookupTable].</summary>
    public static short[] Table(int tableFracBits) => GeluTables.Correction(TableLast + 1, StepBits, tableFracBits);

    /// <summary>GELU of an activation with <paramref name="actFrac"/> fraction bits.</summary>
    public static long Apply(long value, int actFrac, int tableFracBits, short[] table)
    {
        Hls.Inline();
        int restBits = actFrac - StepBits;
        long magnitude = value < 0 ? -value : value;
        long index = magnitude >> restBits;
        long d = 0;
        if (index < TableLast)
        {
            long lo = table[(int)index], hi = table[(int)index + 1];
            long rest = magnitude & ((1L << restBits) - 1);
            d = lo + Fx.RoundShift((hi - lo) * rest, restBits);
        }
        long relu = value > 0 ? value : 0;
        return relu - Fx.RoundShift(d << actFrac, tableFracBits);
    }
}
