using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>A mixture-of-experts layer (see <see cref="MoeUnit"/>): y += sum over each token's top-k experts of
/// gate probability * fc2(GELU(fc1(x))). x is the normalised input, y holds the residual on entry.
/// Expert e's fc1 is hidden x dim at w1[e * hidden * dim], its fc2 dim x hidden at w2[e * dim * hidden].
/// expertTokens receives how many tokens each expert served (0: its weights were never fetched).</summary>
[Kernel("edgemoe_moe")]
[Requires("topK <= experts", "top-k picks among the experts")]
[Config("tokens33-e4", "tokens=33,dim=64,experts=4,hidden=128")]
[Config("tokens9-e3-top1", "tokens=9,dim=16,experts=3,topK=1,hidden=24,tileIn=4,tileOut=8")]
public sealed class Moe(
    [Range(1, 4096)] int tokens = 129,
    [Range(1, 4096)] int dim = 192,
    [Range(1, 64)] int experts = 16,
    [Range(1, 8)] int topK = 2,
    [Range(1, 4096)] int hidden = 384,
    [Range(1, 64)] int tileIn = 16,
    [Range(1, 64)] int tileOut = 16,
    [Range(6, 16)] int actIntBits = 10,
    [Range(8, 15)] int weightFracBits = 14,
    [Range(4, 10)] int expTableBits = 8,
    [Range(8, 16)] int geluTableFracBits = 16)
{
    [LookupTable] readonly int[] exp2Fraction = ExpTables.NegativePowerOfTwo(expTableBits, FixedMath.ExpFrac);
    [LookupTable] readonly short[] geluCorrection = FixedGelu.Table(geluTableFracBits);

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]", WidthBits = ActivationStream.BeatBits)] int[] x, [MAxi("gmem1", "HBM[1]")] short[] gateW, [MAxi("gmem6", "HBM[1]")] int[] gateB,
        [MAxi("gmem2", "HBM[2]")] short[] w1, [MAxi("gmem7", "HBM[2]")] int[] b1, [MAxi("gmem3", "HBM[3]")] short[] w2, [MAxi("gmem8", "HBM[3]")] int[] b2,
        [MAxi("gmem4", "HBM[4]")] int[] y, [MAxi("gmem5", "HBM[5]")] int[] expertTokens)
    {
        int[] rows = new int[tokens * dim];
        int[] logits = new int[tokens * experts];
        int[] counts = new int[experts];
        int[] lists = new int[experts * tokens];
        int[] listScores = new int[experts * tokens];
        long[] topLogit = new long[topK];
        int[] topExpert = new int[topK];
        int[] gathered = new int[tokens * dim];
        int[] hiddenRows = new int[tokens * hidden];
        short[] tilesDim = new short[2 * tileOut * dim];
        short[] tilesHidden = new short[2 * tileOut * hidden];
        long[] acc = new long[tileOut];
        int[] biasTiles = new int[2 * tileOut];
        Hls.ArrayPartition(biasTiles, PartitionKind.Complete); // tileOut biases read per cycle
        Hls.ArrayPartition(rows, PartitionKind.Cyclic, tileIn);
        Hls.ArrayPartition(logits, PartitionKind.Cyclic, tileOut);
        Hls.ArrayPartition(topLogit, PartitionKind.Complete);
        Hls.ArrayPartition(topExpert, PartitionKind.Complete);
        Hls.ArrayPartition(counts, PartitionKind.Complete);
        Hls.ArrayPartition(gathered, PartitionKind.Cyclic, tileIn);
        Hls.ArrayPartition(hiddenRows, PartitionKind.Cyclic, tileIn);
        Hls.ArrayPartition(tilesDim, PartitionKind.Cyclic, tileIn * tileOut);
        Hls.ArrayPartition(tilesHidden, PartitionKind.Cyclic, tileIn * tileOut);
        Hls.ArrayPartition(acc, PartitionKind.Complete);
        ActivationStream.Copy(x, 0, rows, 0, tokens * dim);
        int frac = 32 - actIntBits;
        // The gate is a linear layer dim -> experts on the linear unit, its logits kept on chip for the router.
        LinearUnit.Run(rows, 0, tokens, dim, experts, gateW, 0, gateB, 0, logits, experts, 0, 0, false, lists, 0,
            false, false, false, listScores, tileIn, tileOut, frac, weightFracBits, geluTableFracBits, geluCorrection, tilesDim, biasTiles, acc);
        MoeUnit.Route(logits, 0, tokens, experts, topK, counts, lists, listScores, topLogit, topExpert, frac, expTableBits, exp2Fraction);
        MoeUnit.Experts(rows, tokens, dim, experts, hidden, counts, lists, listScores, w1, 0, b1, 0, w2, 0, b2, 0, y,
            gathered, hiddenRows, tilesDim, tilesHidden, biasTiles, acc, tileIn, tileOut, frac, weightFracBits, geluTableFracBits, geluCorrection);
        for (int e = 0; e < experts; e++)
        {
            Hls.Pipeline(1);
            expertTokens[e] = counts[e];
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        int frac = 32 - actIntBits;
        double inBound = 1 / Math.Sqrt(dim), hiddenBound = 1 / Math.Sqrt(hidden);
        short[] Weights(int count, double bound) => Stimuli.UniformFixed(s.Random, count, -bound, bound, weightFracBits, 16).Select(v => (short)v).ToArray();
        s.Array("x", Stimuli.GaussianFixed(s.Random, tokens * dim, 1, frac))
         .Array("gateW", Weights(experts * dim, inBound))
         .Array("gateB", Stimuli.UniformFixed(s.Random, experts, -inBound, inBound, frac))
         .Array("w1", Weights(experts * hidden * dim, inBound))
         .Array("b1", Stimuli.UniformFixed(s.Random, experts * hidden, -inBound, inBound, frac))
         .Array("w2", Weights(experts * dim * hidden, hiddenBound))
         .Array("b2", Stimuli.UniformFixed(s.Random, experts * dim, -hiddenBound, hiddenBound, frac))
         .Array("y", Stimuli.GaussianFixed(s.Random, tokens * dim, 1, frac))
         .Output<int>("expertTokens", experts);
    }
}
