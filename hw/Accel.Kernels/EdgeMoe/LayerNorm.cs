using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>LayerNorm over each token's row (see <see cref="LayerNormUnit"/>); each row is read once into an
/// on-chip buffer. gamma has weightFracBits fraction bits of 16, x, beta and y are activations.</summary>
[Kernel("edgemoe_layernorm")]
[Config("tokens33-dim64", "tokens=33,dim=64")]
[Config("tokens5-dim7", "tokens=5,dim=7")]
public sealed class LayerNorm(
    [Range(1, 4096)] int tokens = 129,
    [Range(1, 4096)] int dim = 192,
    [Range(6, 11)] int actIntBits = 10,
    [Range(8, 15)] int weightFracBits = 14)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] x, [MAxi("gmem1", "HBM[1]")] short[] gamma, [MAxi("gmem2", "HBM[2]")] int[] beta,
        [MAxi("gmem3", "HBM[3]")] int[] y)
    {
        int[] row = new int[dim];
        int[] normalised = new int[dim];
        for (int t = 0; t < tokens; t++)
        {
            for (int i = 0; i < dim; i++)
            {
                Hls.Pipeline(1);
                row[i] = x[t * dim + i];
            }
            LayerNormUnit.Row(row, 0, normalised, 0, dim, gamma, beta, 0, 32 - actIntBits, weightFracBits);
            for (int i = 0; i < dim; i++)
            {
                Hls.Pipeline(1);
                y[t * dim + i] = normalised[i];
            }
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        int frac = 32 - actIntBits;
        var x = new int[tokens * dim];
        for (int t = 0; t < tokens; t++)   // rows with different offsets and spreads, one nearly constant
        {
            double offset = 4 * Stimuli.Gaussian(s.Random), spread = t == 0 ? 1e-3 : 0.1 + 5 * s.Random.NextDouble();
            for (int i = 0; i < dim; i++)
                x[t * dim + i] = (int)Fx.FromDouble(offset + spread * Stimuli.Gaussian(s.Random), frac, 32);
        }
        s.Array("x", x)
         .Array("gamma", Stimuli.UniformFixed(s.Random, dim, 0.5, 1.5, weightFracBits, 16).Select(v => (short)v).ToArray())
         .Array("beta", Stimuli.UniformFixed(s.Random, dim, -0.5, 0.5, frac))
         .Output<int>("y", tokens * dim);
    }
}
