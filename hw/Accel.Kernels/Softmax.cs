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
    const int ExpFrac = FixedMath.ExpFrac;       // exp results and sums: Q.24
    const int RecipFrac = FixedMath.RecipFrac;   // reciprocal mantissa: Q.30 in (0.5, 1]

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
            int msb = FixedMath.MostSignificantBit(sum);
            long mantissa = msb > RecipFrac ? sum >> (msb - RecipFrac) : sum << (RecipFrac - msb);
            long recip = FixedMath.Reciprocal(mantissa);
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

    long Exp(long d)
    {
        Hls.Inline();
        return FixedMath.Exp(d, 32 - actIntBits, expTableBits, exp2Fraction);
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
