using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>The single-pass softmax statistics that attention and the MoE gate keep per row: a running maximum
/// and a running sum (Q.24) rescaled whenever the maximum grows, then a reciprocal of the sum as a Q.30 mantissa
/// and a shift, so p = exp(s - max) * recip >> shift needs no second pass over the row.
/// The state (maximum and sum) lives in an array at the given places because kernels keep several rows in flight.</summary>
[KernelLibrary]
public static class OnlineSoftmax
{
    public const int ExpFrac = FixedMath.ExpFrac;
    public const int RecipFrac = FixedMath.RecipFrac;

    /// <summary>An empty row: any score is at least this, and 0 * exp(...) adds nothing.</summary>
    public static void Reset(long[] state, int maxAt, int sumAt)
    {
        Hls.Inline();
        state[maxAt] = int.MinValue;
        state[sumAt] = 0;
    }

    /// <summary>Adds score x (actFrac fraction bits) to the row kept at maxAt and sumAt.</summary>
    public static void Update(long[] state, int maxAt, int sumAt, long x, int actFrac, int expTableBits, int[] expTable)
    {
        Hls.Inline();
        long max = state[maxAt];
        if (x > max)
        {
            state[sumAt] = Fx.RoundShift(state[sumAt] * FixedMath.Exp(max - x, actFrac, expTableBits, expTable), ExpFrac) + (1L << ExpFrac);
            state[maxAt] = x;
        }
        else
        {
            state[sumAt] += FixedMath.Exp(x - max, actFrac, expTableBits, expTable);
        }
    }

    /// <summary>The reciprocal mantissa (Q.30) of a row sum; the sum is at least 1.0 (the maximum's own term).</summary>
    public static long Reciprocal(long sum)
    {
        Hls.Inline();
        int msb = FixedMath.MostSignificantBit(sum);
        long mantissa = msb > RecipFrac ? sum >> (msb - RecipFrac) : sum << (RecipFrac - msb);
        return FixedMath.Reciprocal(mantissa);
    }

    /// <summary>The shift that turns exp (Q.24) times the reciprocal mantissa into a probability with actFrac bits.</summary>
    public static int Shift(long sum, int actFrac) => RecipFrac + FixedMath.MostSignificantBit(sum) - actFrac;

    /// <summary>p = exp(x - max) / sum with actFrac fraction bits.</summary>
    public static long Probability(long x, long max, long recip, int shift, int actFrac, int expTableBits, int[] expTable)
    {
        Hls.Inline();
        return Fx.RoundShift(FixedMath.Exp(x - max, actFrac, expTableBits, expTable) * recip, shift);
    }
}
