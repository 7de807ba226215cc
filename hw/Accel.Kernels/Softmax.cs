using Accel.Hw;

namespace Accel.Kernels;

/// <summary>Single-pass softmax over rows of attention scores (Edge-MoE). One pass keeps, per lane, a running
/// maximum b and a running sum rescaled whenever b grows, so every exp argument is <= 0. Lanes are merged, the
/// reciprocal of the sum is kept as a mantissa and an exponent, and a second pass over the on-chip row writes
/// p = exp(s - b) / sum. Scores and probabilities are signed fixed point with actBits bits, actIntBits integer.</summary>
[Kernel("softmax")]
[Config("row16", "rowLength=16,lanes=1")]
[Config("row129-lanes4", "rowLength=129,lanes=4")]
[Config("row64-lanes8", "rowLength=64,lanes=8")]
public sealed class Softmax(
    [Range(1, 4096)] int rowLength = 129,
    [Range(1, 16)] int lanes = 1,
    [Range(2, 16)] int actIntBits = 10,
    [Range(4, 10)] int expTableBits = 8)
{
    const int ExpFrac = 24;      // exp results and sums: Q.24
    const int RecipFrac = 30;    // reciprocal mantissa: Q.30 in (0.5, 1]
    const long Log2EQ30 = 1549082005; // log2(e) * 2^30, rounded

    [LookupTable] readonly int[] exp2Fraction = ExpTables.NegativePowerOfTwo(expTableBits, ExpFrac);

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] scores, [MAxi("gmem1", "HBM[1]")] int[] probs, int rows)
    {
        int[] row = new int[rowLength];
        Hls.ArrayPartition(row, PartitionKind.Cyclic, lanes);
        long[] laneMax = new long[lanes];
        long[] laneSum = new long[lanes];
        Hls.ArrayPartition(laneMax, PartitionKind.Complete);
        Hls.ArrayPartition(laneSum, PartitionKind.Complete);

        for (int r = 0; r < rows; r++)
        {
            Hls.LoopTripCount(1, 1024);
            for (int l = 0; l < lanes; l++)
            {
                Hls.Unroll();
                laneMax[l] = int.MinValue; // an empty lane: exp(anything - max) * 0 adds nothing
                laneSum[l] = 0;
            }

            for (int c = 0; c < rowLength; c += lanes)
            {
                Hls.Pipeline(1);
                for (int l = 0; l < lanes; l++)
                {
                    Hls.Unroll();
                    if (c + l < rowLength)
                    {
                        int x = scores[r * rowLength + c + l];
                        row[c + l] = x;
                        if (x > laneMax[l])
                        {
                            laneSum[l] = Fx.RoundShift(laneSum[l] * Exp(laneMax[l] - x), ExpFrac) + (1L << ExpFrac);
                            laneMax[l] = x;
                        }
                        else
                        {
                            laneSum[l] += Exp(x - laneMax[l]);
                        }
                    }
                }
            }

            long max = laneMax[0];
            for (int l = 1; l < lanes; l++)
            {
                Hls.Unroll();
                if (laneMax[l] > max) max = laneMax[l];
            }
            long sum = 0;
            for (int l = 0; l < lanes; l++)
            {
                Hls.Unroll();
                sum += Fx.RoundShift(laneSum[l] * Exp(laneMax[l] - max), ExpFrac);
            }

            // sum is in [1, rowLength] as Q.24, so its leading one sits at bit 24 or above.
            int msb = 63 - Fx.LeadingZeros((ulong)sum);
            long mantissa = msb > RecipFrac ? sum >> (msb - RecipFrac) : sum << (RecipFrac - msb);
            long recip = Reciprocal(mantissa);
            int outShift = RecipFrac + msb - (32 - actIntBits);

            for (int c = 0; c < rowLength; c += lanes)
            {
                Hls.Pipeline(1);
                for (int l = 0; l < lanes; l++)
                {
                    Hls.Unroll();
                    if (c + l < rowLength)
                        probs[r * rowLength + c + l] = (int)Fx.RoundShift(Exp(row[c + l] - max) * recip, outShift);
                }
            }
        }
    }

    /// <summary>e^d for d <= 0 given as Q(actFrac), returned as Q.24: 2^(d log2 e), the integer part of the
    /// exponent as a shift and the fraction from the table with linear interpolation.</summary>
    long Exp(long d)
    {
        Hls.Inline();
        int actFrac = 32 - actIntBits;
        long y = -Fx.RoundShift(d * Log2EQ30, RecipFrac);   // -d log2 e >= 0, Q(actFrac)
        long whole = y >> actFrac;
        if (whole >= ExpFrac + 1) return 0;
        long fraction = y & ((1L << actFrac) - 1);
        int restBits = actFrac - expTableBits;
        int index = (int)(fraction >> restBits);
        long rest = fraction & ((1L << restBits) - 1);
        long lo = exp2Fraction[index], hi = exp2Fraction[index + 1];
        long value = lo - Fx.RoundShift((lo - hi) * rest, restBits);
        return Fx.RoundShift(value, (int)whole);
    }

    /// <summary>1/m for a mantissa m in [1, 2) as Q.30, by three Newton steps from the linear estimate
    /// 24/17 - 8/17 m (relative error below 1/17, squared by each step).</summary>
    static long Reciprocal(long mantissa)
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

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        const int rows = 8;
        var scores = new int[rows * rowLength];
        for (int r = 0; r < rows; r++)
        {
            double spread = 1 + 7 * s.Random.NextDouble();
            Stimuli.GaussianFixed(s.Random, rowLength, spread, 32 - actIntBits).CopyTo(scores, r * rowLength);
        }
        s.Scalar("rows", rows).Array("scores", scores).Output<int>("probs", rows * rowLength);
    }
}
