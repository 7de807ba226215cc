using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>The unified linear unit as a kernel (see <see cref="LinearUnit"/>): y = W x + b for `tokens` rows,
/// x streamed on chip in 256-bit beats, W (outDim x inDim, weightFracBits of 16 bits) fetched once. Options: GELU at the output,
/// scaling by a per-row score (scoreWeighted) and adding into y (accumulate: the residual add).</summary>
[Kernel("edgemoe_linear")]
[Config("qkv-small", "tokens=33,inDim=64,outDim=192")]
[Config("fc1-gelu-small", "tokens=33,inDim=64,outDim=128,gelu=true,tileIn=8,tileOut=8")]
[Config("fc2-residual-small", "tokens=33,inDim=128,outDim=64,accumulate=true")]
[Config("expert-weighted-small", "tokens=9,inDim=96,outDim=64,scoreWeighted=true,accumulate=true,tileOut=12")]
[Config("tokens5-in8-out6-all", "tokens=5,inDim=8,outDim=6,tileIn=2,tileOut=2,gelu=true,scoreWeighted=true,accumulate=true")] // every option, small enough for a Verilator run in every test run
public sealed class Linear(
    [Range(1, 4096)] int tokens = 129,
    [Range(1, 4096)] int inDim = 192,
    [Range(1, 4096)] int outDim = 192,
    [Range(1, 64)] int tileIn = 16,
    [Range(1, 64)] int tileOut = 16,
    bool gelu = false,
    bool scoreWeighted = false,
    bool accumulate = false,
    [Range(6, 16)] int actIntBits = 10,
    [Range(8, 15)] int weightFracBits = 14,
    [Range(8, 16)] int geluTableFracBits = 16)
{
    [LookupTable] readonly short[] geluCorrection = FixedGelu.Table(geluTableFracBits);

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]", WidthBits = ActivationStream.BeatBits)] int[] x, [MAxi("gmem1", "HBM[1]")] short[] w, [MAxi("gmem2", "HBM[2]")] int[] bias,
        [MAxi("gmem3", "HBM[3]")] int[] scores, [MAxi("gmem4", "HBM[4]")] int[] y)
    {
        int[] rows = new int[tokens * inDim];
        short[] weightTiles = new short[2 * tileOut * inDim];
        long[] acc = new long[tileOut];
        int[] biasTiles = new int[2 * tileOut];
        Hls.ArrayPartition(biasTiles, PartitionKind.Complete); // tileOut biases read per cycle
        Hls.ArrayPartition(rows, PartitionKind.Cyclic, tileIn);
        Hls.ArrayPartition(weightTiles, PartitionKind.Cyclic, tileIn * tileOut);
        Hls.ArrayPartition(acc, PartitionKind.Complete);
        ActivationStream.Copy(x, 0, rows, 0, tokens * inDim);
        // Rows go out in order (not indexed), so the unit's row-index argument is never read: scores stands in.
        LinearUnit.Run(rows, 0, tokens, inDim, outDim, w, 0, bias, 0, y, outDim, 0, 0, false, scores, 0,
            gelu, scoreWeighted, accumulate, scores, tileIn, tileOut, 32 - actIntBits, weightFracBits, geluTableFracBits, geluCorrection,
            weightTiles, biasTiles, acc);
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        int frac = 32 - actIntBits;
        double bound = 1 / Math.Sqrt(inDim);   // the usual fan-in initialisation
        s.Array("x", Stimuli.GaussianFixed(s.Random, tokens * inDim, 1, frac))
         .Array("w", Stimuli.UniformFixed(s.Random, outDim * inDim, -bound, bound, weightFracBits, 16).Select(v => (short)v).ToArray())
         .Array("bias", Stimuli.UniformFixed(s.Random, outDim, -bound, bound, frac))
         .Array("scores", Stimuli.UniformFixed(s.Random, tokens, 0, 1, frac))
         .Array("y", Stimuli.GaussianFixed(s.Random, tokens * outDim, 1, frac));
    }
}
