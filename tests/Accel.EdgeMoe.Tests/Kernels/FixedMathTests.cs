using Accel.Hw;
using Accel.Kernels;
using Accel.Kernels.EdgeMoe;

namespace Accel.EdgeMoe.Tests.Kernels;

/// <summary>The Edge-MoE library functions against float64 and against the kernels they mirror.</summary>
public sealed class FixedMathTests
{
    [Fact]
    public void ReciprocalSquareRootMantissaIsAccurateOverItsWholeRange()
    {
        double worst = 0;
        for (double m = 1; m < 4; m += 1.0 / 4096)
        {
            long y = FixedRsqrt.Mantissa((long)(m * (1L << 30)));
            worst = Math.Max(worst, Math.Abs(y / (double)(1L << 30) * Math.Sqrt(m) - 1));
        }
        Assert.True(worst < 1e-8, $"worst relative error {worst:E3}");
    }

    [Fact]
    public void ExactGeluAndItsTableHoldKnownValues()
    {
        // GELU(x) = x Phi(x): Phi(1) = 0.8413447460685429, Phi(-1) = 0.15865525393145707.
        Assert.Equal(0.8413447460685429, FixedGelu.Exact(1.0), 1e-15);
        Assert.Equal(-0.15865525393145707, FixedGelu.Exact(-1.0), 1e-15);
        // d(t) = t Phi(-t) in Q.16: d(1) = 10397.63 and d(2) = 2 * 0.0227501319 * 65536 = 2981.91 round to
        // 10398 and 2982; d(0) = 0; d(5.5) = 6.8e-3 rounds to 0, so the table ends at 0 where it stops.
        var table = FixedGelu.Table(16);
        Assert.Equal(FixedGelu.TableLast + 1, table.Length);
        Assert.Equal([0, 10398, 2982, 0], new[] { table[0], table[32], table[64], table[FixedGelu.TableLast] }.Select(v => (int)v));
    }

    [Fact]
    public void GeluFunctionMatchesTheGeluKernelBitForBit()
    {
        var x = Enumerable.Range(-4096, 8193).Select(i => i * 1024 + 77).ToArray();   // [-8, 8] in Q.22, off the grid
        var kernelOut = new int[x.Length];
        new Gelu(rowLength: x.Length).Run(x, kernelOut, 1);
        var table = FixedGelu.Table(16);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal(kernelOut[i], (int)FixedGelu.Apply(x[i], 22, 16, table));
    }

    [Fact]
    public void LayerNormKernelIsCloseToFloatLayerNorm()
    {
        var kernel = new LayerNorm(tokens: 33, dim: 64);
        var stimulus = new Stimulus(3);
        kernel.Stimulus(stimulus);
        var x = (int[])stimulus.Arrays["x"];
        var gamma = (short[])stimulus.Arrays["gamma"];
        var beta = (int[])stimulus.Arrays["beta"];
        var y = new int[x.Length];
        kernel.Run(x, gamma, beta, y);
        double worst = 0, worstFlat = 0;
        for (int t = 0; t < 33; t++)
        {
            var row = x.Skip(t * 64).Take(64).Select(v => Fx.ToDouble(v, 22)).ToArray();
            double mean = row.Average(), variance = row.Select(v => (v - mean) * (v - mean)).Average();
            for (int i = 0; i < 64; i++)
            {
                double expected = (row[i] - mean) / Math.Sqrt(variance + Model.FloatEncoder.Epsilon) * Fx.ToDouble(gamma[i], 14) + Fx.ToDouble(beta[i], 22);
                double error = Math.Abs(Fx.ToDouble(y[t * 64 + i], 22) - expected);
                if (t == 0) worstFlat = Math.Max(worstFlat, error);
                else worst = Math.Max(worst, error);
            }
        }
        Assert.True(worst < 2e-5, $"max abs err {worst:E3}");
        // Row 0 has a spread of 1e-3: the truncated mean (1 LSB, 2.4e-7) is magnified about 1000 times.
        Assert.True(worstFlat < 1e-3, $"nearly constant row: max abs err {worstFlat:E3}");
    }
}
