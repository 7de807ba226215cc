using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>LayerNorm over each token's row (see <see cref="LayerNormUnit"/>): x comes on chip, `lanes` elements
/// per cycle, gamma and beta once. gamma has weightFracBits fraction bits of 16, x, beta and y are activations.</summary>
[Kernel("edgemoe_layernorm")]
[Config("tokens33-dim64", "tokens=33,dim=64")]
[Config("tokens5-dim7", "tokens=5,dim=7,lanes=3")]
public sealed class LayerNorm(
    [Range(1, 4096)] int tokens = 129,
    [Range(1, 4096)] int dim = 192,
    [Range(1, 64)] int lanes = 16,
    [Range(6, 11)] int actIntBits = 10,
    [Range(8, 15)] int weightFracBits = 14)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] x, [MAxi("gmem1", "HBM[1]")] short[] gamma, [MAxi("gmem2", "HBM[2]")] int[] beta,
        [MAxi("gmem3", "HBM[3]")] int[] y)
    {
        int[] rows = new int[tokens * dim];
        int[] normalised = new int[tokens * dim];
        short[] gammaRow = new short[dim];
        int[] betaRow = new int[dim];
        Hls.ArrayPartition(rows, PartitionKind.Cyclic, lanes);
        Hls.ArrayPartition(normalised, PartitionKind.Cyclic, lanes);
        Hls.ArrayPartition(gammaRow, PartitionKind.Cyclic, lanes);
        Hls.ArrayPartition(betaRow, PartitionKind.Cyclic, lanes);
        Copy(x, rows, tokens * dim);
        LayerNormUnit.Rows(rows, 0, normalised, 0, tokens, dim, gamma, beta, 0, lanes, 32 - actIntBits, weightFracBits, gammaRow, betaRow);
        Copy(normalised, y, tokens * dim);
    }

    void Copy(int[] from, int[] to, int length)
    {
        for (int i = 0; i < length; i += lanes)
        {
            Hls.Pipeline(1);
            for (int j = 0; j < lanes; j++)
            {
                Hls.Unroll();
                if (i + j < length) to[i + j] = from[i + j];
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
