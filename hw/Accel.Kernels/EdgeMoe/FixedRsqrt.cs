using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>1/sqrt(v) for LayerNorm, of our own: v is split into a mantissa m in [1, 4) and an even power of two,
/// 1/sqrt(m) comes from a linear estimate refined by Newton steps, the power of two becomes a shift.</summary>
[KernelLibrary]
public static class FixedRsqrt
{
    public const int MantissaFrac = 30;   // m and 1/sqrt(m) as Q.30

    /// <summary>1/sqrt(m) for m in [1, 4) as Q.30. The estimate 1.25 - 0.1875 m is exact at m = 4, off by at most
    /// 24 % near m = 2; each step y (3 - m y^2) / 2 roughly squares the relative error and never overshoots
    /// 1/sqrt(m) (so m y^2 stays below 4 and every product fits 63 bits); five steps reach Q.30 resolution.</summary>
    public static long Mantissa(long m)
    {
        Hls.Inline();
        const long One = 1L << MantissaFrac;
        long y = 1342177280L - Fx.RoundShift(201326592L * m, MantissaFrac);   // 1.25 and 0.1875 in Q.30
        for (int i = 0; i < 5; i++)
        {
            Hls.Unroll();
            long my2 = Fx.RoundShift(m * Fx.RoundShift(y * y, MantissaFrac), MantissaFrac);
            y = Fx.RoundShift(y * (3 * One - my2), MantissaFrac + 1);
        }
        return y;
    }

    /// <summary>Half the power of two of a positive value with <paramref name="frac"/> fraction bits:
    /// v = m 2^(2k) with m in [1, 4).</summary>
    public static int HalfExponent(long value, int frac) => (FixedMath.MostSignificantBit(value) - frac) >> 1;

    /// <summary>The Q.30 mantissa m of v = m 2^(2k) (see <see cref="HalfExponent"/>).</summary>
    public static long MantissaOf(long value, int frac, int halfExponent)
    {
        int shift = MantissaFrac - frac - 2 * halfExponent;
        return shift >= 0 ? value << shift : value >> -shift;
    }
}
