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

    /// <summary>LayerNorm of `rows` rows, gamma and beta (at paramBase) brought on chip once into gammaRow and
    /// betaRow (dim each); every pass over a row handles `lanes` elements per cycle.</summary>
    public static void Rows(int[] x, int xBase, int[] y, int yBase, int rows, int dim, short[] gamma, int[] beta, int paramBase,
        int lanes, int actFrac, int weightFrac, short[] gammaRow, int[] betaRow)
    {
        for (int i = 0; i < dim; i += lanes)
        {
            Hls.Pipeline(1);
            for (int j = 0; j < lanes; j++)
            {
                Hls.Unroll();
                if (i + j < dim)
                {
                    gammaRow[i + j] = gamma[paramBase + i + j];
                    betaRow[i + j] = beta[paramBase + i + j];
                }
            }
        }
        for (int t = 0; t < rows; t++)
        {
            Hls.LoopTripCount(1, 4096);
            Row(x, xBase + t * dim, y, yBase + t * dim, dim, gammaRow, betaRow, lanes, actFrac, weightFrac);
        }
    }

    /// <summary>Two passes over the row: sums of x - x0 and of its squares (x0, the row's first element, keeps both
    /// small when the spread is small next to the mean, so E[d^2] - E[d]^2 loses nothing that matters), then the
    /// normalisation.</summary>
    static void Row(int[] x, int xBase, int[] y, int yBase, int dim, short[] gamma, int[] beta, int lanes, int actFrac, int weightFrac)
    {
        // The variance keeps VarianceExtraBits more fraction bits than x: a row with a spread near 1e-3 would
        // otherwise have a variance of a few LSB. Each term stays below 2^62 >> (actFrac - 8), 2^48 for Q10.22.
        int varianceFrac = actFrac + VarianceExtraBits;
        long pivot = x[xBase];
        long sum = 0, squares = 0;
        for (int i = 0; i < dim; i += lanes)
        {
            Hls.Pipeline(1);
            for (int j = 0; j < lanes; j++)
            {
                Hls.Unroll();
                if (i + j < dim)
                {
                    long d = Fx.Saturate(x[xBase + i + j] - pivot, 32);
                    sum += d;
                    squares += Fx.RoundShift(d * d, actFrac - VarianceExtraBits);
                }
            }
        }
        long shift = sum / dim;
        long mean = pivot + shift;
        long spread = squares / dim - Fx.RoundShift(shift * shift, actFrac - VarianceExtraBits);
        long variance = (spread > 0 ? spread : 0) + (1L << (varianceFrac - EpsilonLog2));

        int k = FixedRsqrt.HalfExponent(variance, varianceFrac);
        long r = FixedRsqrt.Mantissa(FixedRsqrt.MantissaOf(variance, varianceFrac, k));
        int normShift = FixedRsqrt.MantissaFrac + k;   // >= 20 because variance >= eps
        for (int i = 0; i < dim; i += lanes)
        {
            Hls.Pipeline(1);
            // x and y may be one array (in place, or two rows of it): each element is read and written by one
            // iteration only, which Vitis cannot prove from the two bases.
            Hls.Dependence(y, carried: false);
            for (int j = 0; j < lanes; j++)
            {
                Hls.Unroll();
                if (i + j < dim)
                {
                    long d = Fx.Saturate(x[xBase + i + j] - mean, 32);
                    long normalised = Fx.Saturate(Fx.RoundShift(d * r, normShift), 32);
                    y[yBase + i + j] = (int)Fx.Saturate(Fx.RoundShift(normalised * gamma[i + j], weightFrac) + beta[i + j], 32);
                }
            }
        }
    }
}
