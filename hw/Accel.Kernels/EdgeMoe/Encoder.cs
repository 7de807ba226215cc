using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>The Edge-MoE encoder stack in one kernel: `layers` pre-norm layers over token embeddings held on chip,
/// x += proj(attention(LN1(x))), then x += MLP(LN2(x)) on even layers and x += MoE(LN2(x)) on odd ones, the MoE gate
/// chosen by the runtime `task` (the tasks share everything else). Weights are stacked per layer (dense layers and
/// MoE layers counted separately), each fetched once per layer through the units the single-purpose kernels use.
/// expertTokens: tokens per expert per MoE layer; attentionCounters: the last layer's attention traffic.</summary>
[Kernel("edgemoe_encoder")]
[Requires("topK <= experts", "top-k picks among the experts")]
[Config("layers2-tokens33", "tokens=33,heads=2,headDim=32,layers=2,mlpHidden=128,experts=4,expertHidden=64")]
[Config("layers2-tokens17-top1", "tokens=17,heads=1,headDim=16,layers=2,mlpHidden=32,experts=3,topK=1,expertHidden=24,slots=2,tileIn=8,tileOut=4")]
public sealed class Encoder(
    [Range(1, 4096)] int tokens = 129,
    [Range(1, 64)] int heads = 3,
    [Range(1, 512)] int headDim = 64,
    [Range(2, 48)] int layers = 12,
    [Range(1, 8192)] int mlpHidden = 768,
    [Range(1, 64)] int experts = 16,
    [Range(1, 8)] int topK = 2,
    [Range(1, 8192)] int expertHidden = 384,
    [Range(1, 8)] int tasks = 2,
    [Range(1, 64)] int slots = 4,
    [Range(1, 64)] int lanes = 8,          // attention: elements per beat, one beat per cycle
    [Range(1, 64)] int tileIn = 16,
    [Range(1, 64)] int tileOut = 16,
    [Range(6, 11)] int actIntBits = 10,
    [Range(8, 15)] int weightFracBits = 14,
    [Range(4, 10)] int expTableBits = 8,
    [Range(8, 16)] int geluTableFracBits = 16)
{
    [LookupTable] readonly int[] exp2Fraction = ExpTables.NegativePowerOfTwo(expTableBits, FixedMath.ExpFrac);
    [LookupTable] readonly short[] geluCorrection = FixedGelu.Table(geluTableFracBits);
    [LookupTable] readonly int[] scoreScale = [(int)Fx.FromDouble(1 / Math.Sqrt(headDim), 30, 32)];

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] x,
        [MAxi("gmem1", "HBM[1]")] short[] normGamma, [MAxi("gmem1", "HBM[1]")] int[] normBeta,
        [MAxi("gmem2", "HBM[2]")] short[] qkvW, [MAxi("gmem2", "HBM[2]")] int[] qkvB,
        [MAxi("gmem3", "HBM[3]")] short[] projW, [MAxi("gmem3", "HBM[3]")] int[] projB,
        [MAxi("gmem4", "HBM[4]")] short[] mlpW1, [MAxi("gmem4", "HBM[4]")] int[] mlpB1,
        [MAxi("gmem5", "HBM[5]")] short[] mlpW2, [MAxi("gmem5", "HBM[5]")] int[] mlpB2,
        [MAxi("gmem6", "HBM[6]")] short[] gateW, [MAxi("gmem6", "HBM[6]")] int[] gateB,
        [MAxi("gmem7", "HBM[7]")] short[] expertW1, [MAxi("gmem7", "HBM[7]")] int[] expertB1,
        [MAxi("gmem8", "HBM[8]")] short[] expertW2, [MAxi("gmem8", "HBM[8]")] int[] expertB2,
        [MAxi("gmem9", "HBM[9]")] int[] expertTokens, [MAxi("gmem9", "HBM[9]")] int[] attentionCounters, int task)
    {
        int[] xs = new int[tokens * heads * headDim];
        int[] normed = new int[tokens * heads * headDim];
        int[] qkv = new int[tokens * 3 * heads * headDim];
        int[] attended = new int[tokens * heads * headDim];
        int[] mlpRows = new int[tokens * mlpHidden];
        int[] expertRows = new int[tokens * expertHidden];
        int[] gathered = new int[tokens * heads * headDim];
        short[] tilesDim = new short[2 * tileOut * heads * headDim];
        short[] tilesMlp = new short[2 * tileOut * mlpHidden];
        short[] tilesExpert = new short[2 * tileOut * expertHidden];
        long[] acc = new long[tileOut];
        int[] biasTiles = new int[2 * tileOut];
        short[] gammaRow = new short[heads * headDim];
        int[] betaRow = new int[heads * headDim];
        int[] queryRows = new int[(headDim + lanes - 1) / lanes * slots * lanes];
        int[] keyBeats = new int[slots * lanes];
        int[] valueBeats = new int[slots * lanes];
        int[] scores = new int[2 * slots * tokens];
        long[] slotState = new long[AttentionUnit.StateBlocks * slots];
        long[] outAcc = new long[(headDim + lanes - 1) / lanes * slots * lanes];
        int[] counts = new int[experts];
        int[] lists = new int[experts * tokens];
        int[] listScores = new int[experts * tokens];
        long[] softmaxState = new long[2];
        long[] topLogit = new long[topK];
        int[] topExpert = new int[topK];
        short[] gateWeights = new short[heads * headDim * experts];
        int[] gateBias = new int[experts];
        long[] dots = new long[experts];
        Hls.ArrayPartition(acc, PartitionKind.Complete);
        Hls.ArrayPartition(tilesDim, PartitionKind.Cyclic, tileIn * tileOut);
        Hls.ArrayPartition(tilesMlp, PartitionKind.Cyclic, tileIn * tileOut);
        Hls.ArrayPartition(tilesExpert, PartitionKind.Cyclic, tileIn * tileOut);
        Hls.ArrayPartition(queryRows, PartitionKind.Cyclic, slots * lanes);
        Hls.ArrayPartition(outAcc, PartitionKind.Cyclic, slots * lanes);
        Hls.ArrayPartition(keyBeats, PartitionKind.Complete);
        Hls.ArrayPartition(valueBeats, PartitionKind.Complete);
        Hls.ArrayPartition(scores, PartitionKind.Cyclic, 2 * slots);
        Hls.ArrayPartition(slotState, PartitionKind.Complete);
        Hls.ArrayPartition(topLogit, PartitionKind.Complete);
        Hls.ArrayPartition(topExpert, PartitionKind.Complete);
        Hls.ArrayPartition(gateWeights, PartitionKind.Cyclic, experts);
        Hls.ArrayPartition(dots, PartitionKind.Complete);

        int dim = heads * headDim, frac = 32 - actIntBits;
        for (int i = 0; i < tokens * dim; i++)
        {
            Hls.Pipeline(1);
            xs[i] = x[i];
        }
        for (int l = 0; l < layers; l++)
        {
            LayerNormUnit.Rows(xs, 0, normed, 0, tokens, dim, normGamma, normBeta, 2 * l * dim, tileIn, frac, weightFracBits, gammaRow, betaRow);
            LinearUnit.Run(normed, 0, tokens, dim, 3 * dim, qkvW, l * 3 * dim * dim, qkvB, l * 3 * dim, qkv, 3 * dim, 0, 0, false, lists, 0,
                false, false, false, listScores, tileIn, tileOut, frac, weightFracBits, geluTableFracBits, geluCorrection, tilesDim, biasTiles, acc);
            AttentionUnit.Run(qkv, qkv, qkv, 3 * dim, 0, dim, 2 * dim, attended, dim, tokens, heads, headDim, lanes, slots, true, scoreScale[0],
                frac, expTableBits, exp2Fraction, queryRows, keyBeats, valueBeats, scores, slotState, outAcc, attentionCounters);
            LinearUnit.Run(attended, 0, tokens, dim, dim, projW, l * dim * dim, projB, l * dim, xs, dim, 0, 0, false, lists, 0,
                false, false, true, listScores, tileIn, tileOut, frac, weightFracBits, geluTableFracBits, geluCorrection, tilesDim, biasTiles, acc);
            LayerNormUnit.Rows(xs, 0, normed, 0, tokens, dim, normGamma, normBeta, (2 * l + 1) * dim, tileIn, frac, weightFracBits, gammaRow, betaRow);
            int pair = l / 2;
            if (l % 2 == 0)
            {
                LinearUnit.Run(normed, 0, tokens, dim, mlpHidden, mlpW1, pair * mlpHidden * dim, mlpB1, pair * mlpHidden, mlpRows, mlpHidden, 0, 0,
                    false, lists, 0, true, false, false, listScores, tileIn, tileOut, frac, weightFracBits, geluTableFracBits, geluCorrection, tilesDim, biasTiles, acc);
                LinearUnit.Run(mlpRows, 0, tokens, mlpHidden, dim, mlpW2, pair * dim * mlpHidden, mlpB2, pair * dim, xs, dim, 0, 0,
                    false, lists, 0, false, false, true, listScores, tileIn, tileOut, frac, weightFracBits, geluTableFracBits, geluCorrection, tilesMlp, biasTiles, acc);
            }
            else
            {
                int gateSet = task * (layers / 2) + pair;
                MoeUnit.Gate(normed, tokens, dim, experts, topK, gateW, gateSet * experts * dim, gateB, gateSet * experts,
                    counts, lists, listScores, softmaxState, topLogit, topExpert, gateWeights, gateBias, dots, frac, weightFracBits, expTableBits, exp2Fraction);
                MoeUnit.Experts(normed, tokens, dim, experts, expertHidden, counts, lists, listScores,
                    expertW1, pair * experts * expertHidden * dim, expertB1, pair * experts * expertHidden,
                    expertW2, pair * experts * dim * expertHidden, expertB2, pair * experts * dim, xs,
                    gathered, expertRows, tilesDim, tilesExpert, biasTiles, acc, tileIn, tileOut, frac, weightFracBits, geluTableFracBits, geluCorrection);
                for (int e = 0; e < experts; e++)
                {
                    Hls.Pipeline(1);
                    expertTokens[pair * experts + e] = counts[e];
                }
            }
        }
        for (int i = 0; i < tokens * dim; i++)
        {
            Hls.Pipeline(1);
            x[i] = xs[i];
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        int dim = heads * headDim, frac = 32 - actIntBits, dense = (layers + 1) / 2, moe = layers / 2;
        short[] Weights(int count, int fanIn) =>
            Stimuli.UniformFixed(s.Random, count, -1 / Math.Sqrt(fanIn), 1 / Math.Sqrt(fanIn), weightFracBits, 16).Select(v => (short)v).ToArray();
        int[] Biases(int count, int fanIn) => Stimuli.UniformFixed(s.Random, count, -1 / Math.Sqrt(fanIn), 1 / Math.Sqrt(fanIn), frac);
        s.Scalar("task", tasks - 1)
         .Array("x", Stimuli.GaussianFixed(s.Random, tokens * dim, 1, frac))
         .Array("normGamma", Stimuli.UniformFixed(s.Random, layers * 2 * dim, 0.8, 1.2, weightFracBits, 16).Select(v => (short)v).ToArray())
         .Array("normBeta", Stimuli.UniformFixed(s.Random, layers * 2 * dim, -0.1, 0.1, frac))
         .Array("qkvW", Weights(layers * 3 * dim * dim, dim)).Array("qkvB", Biases(layers * 3 * dim, dim))
         .Array("projW", Weights(layers * dim * dim, dim)).Array("projB", Biases(layers * dim, dim))
         .Array("mlpW1", Weights(dense * mlpHidden * dim, dim)).Array("mlpB1", Biases(dense * mlpHidden, dim))
         .Array("mlpW2", Weights(dense * dim * mlpHidden, mlpHidden)).Array("mlpB2", Biases(dense * dim, mlpHidden))
         .Array("gateW", Weights(tasks * moe * experts * dim, dim)).Array("gateB", Biases(tasks * moe * experts, dim))
         .Array("expertW1", Weights(moe * experts * expertHidden * dim, dim)).Array("expertB1", Biases(moe * experts * expertHidden, dim))
         .Array("expertW2", Weights(moe * experts * dim * expertHidden, expertHidden)).Array("expertB2", Biases(moe * experts * dim, expertHidden))
         .Output<int>("expertTokens", moe * experts)
         .Output<int>("attentionCounters", AttentionUnit.CounterCount);
    }
}
