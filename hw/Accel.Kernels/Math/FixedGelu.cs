using Accel.Hw;
using MathNet.Numerics.Distributions;

namespace Accel.Kernels;

/// <summary>GELU(x) = ReLU(x) - d(|x|) with d(t) = t Phi(-t) read from a table at step 1/32 over [0, 5.5] with
/// linear interpolation, and 0 beyond: the gelu kernel and the Edge-MoE units both call it.</summary>
[KernelLibrary]
public static class FixedGelu
{
    public const int StepBits = 5;       // table step 1/32
    public const int TableLast = 176;    // 5.5 * 32

    /// <summary>The exact GELU, x Phi(x), that the table approximates: the float64 reference of the accuracy
    /// measurement and of the M3ViT float model.</summary>
    public static double Exact(double x) => x * Normal.CDF(0, 1, x);

    /// <summary>The correction table the kernels hold as a [LookupTable]: d at every step, from MathNet's normal
    /// CDF (computed through erfc, so Phi(-t) keeps its relative precision far into the tail).</summary>
    public static short[] Table(int tableFracBits)
    {
        var table = new short[TableLast + 1];
        for (int i = 0; i < table.Length; i++)
        {
            double t = (double)i / (1 << StepBits);
            table[i] = (short)Fx.FromDouble(t * Normal.CDF(0, 1, -t), tableFracBits, 16);
        }
        return table;
    }

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
