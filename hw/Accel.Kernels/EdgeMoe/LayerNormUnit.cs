using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>LayerNorm of one row in fixed point: y = (x - mean) / sqrt(var + eps) * gamma + beta, with the
/// reciprocal square root of <see cref="FixedRsqrt"/>. x, y and beta have actFrac fraction bits, gamma weightFrac.
/// eps is 2^-EpsilonLog2, which is exact in any activation format with at least that many fraction bits.</summary>
[KernelLibrary]
public static class LayerNormUnit
{
    public const int EpsilonLog2 = 20;
    const int VarianceExtraBits = 8;

    public static void Row(int[] x, int xBase, int[] y, int yBase, int dim, short[] gamma, int[] beta, int paramBase, int actFrac, int weightFrac)
    {
        long sum = 0;
        for (int i = 0; i < dim; i++)
        {
            Hls.Pipeline(1);
            sum += x[xBase + i];
        }
        long mean = sum / dim;

        // The variance keeps VarianceExtraBits more fraction bits than x: a row with a spread near 1e-3 would
        // otherwise have a variance of a few LSB. Each term stays below 2^62 >> (actFrac - 8), 2^48 for Q10.22.
        int varianceFrac = actFrac + VarianceExtraBits;
        long squares = 0;
        for (int i = 0; i < dim; i++)
        {
            Hls.Pipeline(1);
            long d = Fx.Saturate(x[xBase + i] - mean, 32);
            squares += Fx.RoundShift(d * d, actFrac - VarianceExtraBits);
        }
        long variance = squares / dim + (1L << (varianceFrac - EpsilonLog2));

        int k = FixedRsqrt.HalfExponent(variance, varianceFrac);
        long r = FixedRsqrt.Mantissa(FixedRsqrt.MantissaOf(variance, varianceFrac, k));
        int normShift = FixedRsqrt.MantissaFrac + k;   // >= 20 because variance >= eps
        for (int i = 0; i < dim; i++)
        {
            Hls.Pipeline(1);
            long d = Fx.Saturate(x[xBase + i] - mean, 32);
            long normalised = Fx.Saturate(Fx.RoundShift(d * r, normShift), 32);
            y[yBase + i] = (int)Fx.Saturate(Fx.RoundShift(normalised * gamma[paramBase + i], weightFrac) + beta[paramBase + i], 32);
        }
    }
}
