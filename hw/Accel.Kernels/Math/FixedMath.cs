using Accel.Hw;

namespace Accel.Kernels;

/// <summary>Fixed-point functions that several kernels share (softmax, attention): e^d for d &lt;= 0 and 1/m.</summary>
[KernelLibrary]
public static class FixedMath
{
    public const int ExpFrac = 24;      // exp results: Q.24 in [0, 1]
    public const int RecipFrac = 30;    // reciprocal mantissa: Q.30 in (0.5, 1]
    const long Log2EQ30 = 1549082005;   // log2(e) * 2^30, rounded

    /// <summary>e^d for d &lt;= 0 given with <paramref name="frac"/> fraction bits, returned as Q.24:
    /// 2^(d log2 e), the integer part of the exponent as a shift and the fraction from
    /// <paramref name="table"/> (see <see cref="ExpTables.NegativePowerOfTwo"/>) with linear interpolation.</summary>
    public static long Exp(long d, int frac, int tableBits, int[] table)
    {
        Hls.Inline();
        long y = -Fx.RoundShift(d * Log2EQ30, RecipFrac);   // -d log2 e >= 0, with frac fraction bits
        long whole = y >> frac;
        if (whole >= ExpFrac + 1) return 0;
        long fraction = y & ((1L << frac) - 1);
        int restBits = frac - tableBits;
        int index = (int)(fraction >> restBits);
        long rest = fraction & ((1L << restBits) - 1);
        long lo = table[index], hi = table[index + 1];
        long value = lo - Fx.RoundShift((lo - hi) * rest, restBits);
        return Fx.RoundShift(value, (int)whole);
    }

    /// <summary>1/m for a mantissa m in [1, 2) as Q.30, by three Newton steps from the linear estimate
    /// 24/17 - 8/17 m (relative error below 1/17, squared by each step).</summary>
    public static long Reciprocal(long mantissa)
    {
        Hls.Inline();
        const long One = 1L << RecipFrac;
        long r = 1515870810L - Fx.RoundShift(505290270L * mantissa, RecipFrac); // 24/17, 8/17 in Q.30
        for (int i = 0; i < 3; i++)
        {
            Hls.Unroll();
            long e = Fx.RoundShift(mantissa * r, RecipFrac);
            r = Fx.RoundShift(r * (2 * One - e), RecipFrac);
        }
        return r;
    }

    /// <summary>Position of the leading one of a positive value (0 for 1).</summary>
    public static int MostSignificantBit(long value) => 63 - Fx.LeadingZeros((ulong)value);
}
