using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>The Edge-MoE encoder stack in one kernel: `layers` pre-norm layers over token embeddings held on chip,
/// x += proj(attention(LN1(x))), then x += MLP(LN2(x)) on even layers and x += MoE(LN2(x)) on odd ones, the MoE gate
/// chosen by the runtime `task` (the tasks share everything else). As in Edge-MoE, one linear unit (one call site,
/// so one instance) serves every linear layer: qkv, proj, fc1, fc2, the gate's logits and both layers of every
/// active expert. A layer is a sequence of steps and each step runs one unit; weights and
/// activations are laid out by <see cref="EncoderLayout"/>. expertTokens: tokens per expert per MoE layer;
/// attentionCounters: the last layer's attention traffic.</summary>
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

    // Steps of a layer: LayerNorm, qkv, attention, proj, LayerNorm, then fc1, fc2 (dense) or the gate's logits,
    // the router and three steps per expert: gather its tokens, its fc1, its fc2 (MoE).
    const int Norm1 = 0, QkvStep = 1, AttentionStep = 2, ProjStep = 3, Norm2 = 4, Fc1OrLogits = 5, Fc2OrRoute = 6, ExpertSteps = 7;

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]", WidthBits = ActivationStream.BeatBits)] int[] x,
        [MAxi("gmem1", "HBM[1]")] short[] normGamma, [MAxi("gmem1", "HBM[1]")] int[] normBeta,
        [MAxi("gmem2", "HBM[2]")] short[] weights, [MAxi("gmem3", "HBM[3]")] int[] biases,
        [MAxi("gmem4", "HBM[4]")] int[] expertTokens, [MAxi("gmem4", "HBM[4]")] int[] attentionCounters, int task)
    {
        int[] act = new int[tokens * (7 * heads * headDim + experts + mlpHidden + expertHidden)];
        short[] tiles = new short[2 * tileOut * (heads * headDim + mlpHidden + expertHidden)];
        long[] acc = new long[tileOut];
        int[] biasTiles = new int[2 * tileOut];
        Hls.ArrayPartition(biasTiles, PartitionKind.Complete); // tileOut biases read per cycle
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
        long[] topLogit = new long[topK];
        int[] topExpert = new int[topK];
        Hls.ArrayPartition(act, PartitionKind.Cyclic, tileIn);
        Hls.ArrayPartition(acc, PartitionKind.Complete);
        Hls.ArrayPartition(tiles, PartitionKind.Cyclic, tileIn * tileOut);
        Hls.ArrayPartition(gammaRow, PartitionKind.Cyclic, tileIn);
        Hls.ArrayPartition(betaRow, PartitionKind.Cyclic, tileIn);
        Hls.ArrayPartition(queryRows, PartitionKind.Cyclic, slots * lanes);
        Hls.ArrayPartition(outAcc, PartitionKind.Cyclic, slots * lanes);
        Hls.ArrayPartition(keyBeats, PartitionKind.Complete);
        Hls.ArrayPartition(valueBeats, PartitionKind.Complete);
        Hls.ArrayPartition(scores, PartitionKind.Cyclic, 2 * slots);
        Hls.ArrayPartition(slotState, PartitionKind.Complete);
        Hls.ArrayPartition(counts, PartitionKind.Complete);
        Hls.ArrayPartition(topLogit, PartitionKind.Complete);
        Hls.ArrayPartition(topExpert, PartitionKind.Complete);

        int dim = heads * headDim, frac = 32 - actIntBits;
        int normed = EncoderLayout.Normed(tokens, dim), attended = EncoderLayout.Attended(tokens, dim);
        int gathered = EncoderLayout.Gathered(tokens, dim), qkv = EncoderLayout.Qkv(tokens, dim), logits = EncoderLayout.Logits(tokens, dim);
        int mlpRows = EncoderLayout.MlpRows(tokens, dim, experts), expertRows = EncoderLayout.ExpertRows(tokens, dim, experts, mlpHidden);
        ActivationStream.Copy(x, 0, act, 0, tokens * dim);
        for (int l = 0; l < layers; l++)
        {
            Hls.LoopTripCount(2, 48);
            bool moe = (l & 1) == 1;
            int wLayer = EncoderLayout.LayerWeights(l, dim, mlpHidden, experts, expertHidden, tasks);
            int bLayer = EncoderLayout.LayerBiases(l, dim, mlpHidden, experts, expertHidden, tasks);
            int wAfterAttention = wLayer + 4 * dim * dim, bAfterAttention = bLayer + 4 * dim;
            int wExperts = wAfterAttention + tasks * experts * dim, bExperts = bAfterAttention + tasks * experts;
            int steps = moe ? ExpertSteps + 3 * experts : ExpertSteps;
            int expert = 0, phase = 0;   // an MoE layer's expert steps: gather (0), fc1 (1), fc2 (2) of each expert
            for (int step = 0; step < steps; step++)
            {
                Hls.LoopTripCount(7, 199);
                int rows = tokens;
                if (step >= ExpertSteps) rows = counts[expert];
                if (step == Norm1 || step == Norm2)
                    LayerNormUnit.Rows(act, 0, act, normed, tokens, dim, normGamma, normBeta, (2 * l + (step == Norm2 ? 1 : 0)) * dim,
                        ActivationStream.WordsPerBeat, frac, weightFracBits, gammaRow, betaRow);
                else if (step == AttentionStep)
                    AttentionUnit.Run(act, act, act, 3 * dim, qkv, qkv + dim, qkv + 2 * dim, act, attended, dim, tokens, heads, headDim, lanes, slots, true,
                        scoreScale[0], frac, expTableBits, exp2Fraction, queryRows, keyBeats, valueBeats, scores, slotState, outAcc, attentionCounters);
                else if (moe && step == Fc2OrRoute)
                    MoeUnit.Route(act, logits, tokens, experts, topK, counts, lists, listScores, topLogit, topExpert, frac, expTableBits, exp2Fraction);
                else if (step >= ExpertSteps && phase == 0)
                    MoeUnit.Gather(act, normed, act, gathered, dim, lists, expert * tokens, rows, tileIn);
                else if (rows > 0)
                {
                    // The one linear unit: what it reads, which weights, where it writes, and how.
                    int xBase = normed, inDim = dim, outDim = dim, wBase = wLayer, bBase = bLayer, yStride = dim, yBase = 0;
                    bool indexed = false, gelu = false, weighted = false, accumulate = false;
                    if (step == QkvStep)
                    {
                        outDim = 3 * dim;
                        yStride = 3 * dim;
                        yBase = qkv;
                    }
                    else if (step == ProjStep)
                    {
                        xBase = attended;
                        wBase = wLayer + 3 * dim * dim;
                        bBase = bLayer + 3 * dim;
                        accumulate = true;
                    }
                    else if (!moe && step == Fc1OrLogits)
                    {
                        outDim = mlpHidden;
                        wBase = wAfterAttention;
                        bBase = bAfterAttention;
                        yStride = mlpHidden;
                        yBase = mlpRows;
                        gelu = true;
                    }
                    else if (!moe)
                    {
                        xBase = mlpRows;
                        inDim = mlpHidden;
                        wBase = wAfterAttention + mlpHidden * dim;
                        bBase = bAfterAttention + mlpHidden;
                        accumulate = true;
                    }
                    else if (step == Fc1OrLogits)
                    {
                        outDim = experts;
                        wBase = wAfterAttention + task * experts * dim;
                        bBase = bAfterAttention + task * experts;
                        yStride = experts;
                        yBase = logits;
                    }
                    else if (phase == 1)
                    {
                        xBase = gathered;
                        outDim = expertHidden;
                        wBase = wExperts + expert * expertHidden * dim;
                        bBase = bExperts + expert * expertHidden;
                        yStride = expertHidden;
                        yBase = expertRows;
                        gelu = true;
                    }
                    else
                    {
                        xBase = expertRows;
                        inDim = expertHidden;
                        wBase = wExperts + experts * expertHidden * dim + expert * dim * expertHidden;
                        bBase = bExperts + experts * expertHidden + expert * dim;
                        indexed = true;
                        weighted = true;
                        accumulate = true;
                    }
                    LinearUnit.Run(act, xBase, rows, inDim, outDim, weights, wBase, biases, bBase, act, yStride, yBase, 0, indexed, lists, expert * tokens,
                        gelu, weighted, accumulate, listScores, tileIn, tileOut, frac, weightFracBits, geluTableFracBits, geluCorrection, tiles, biasTiles, acc);
                }
                if (step >= ExpertSteps)
                {
                    expert = phase == 2 ? expert + 1 : expert;
                    phase = phase == 2 ? 0 : phase + 1;
                }
            }
            if (moe)
            {
                for (int e = 0; e < experts; e++)
                {
                    Hls.Pipeline(1);
                    expertTokens[(l >> 1) * experts + e] = counts[e];
                }
            }
        }
        ActivationStream.Copy(act, 0, x, 0, tokens * dim);
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        int dim = heads * headDim, frac = 32 - actIntBits, moe = layers / 2;
        var weights = new List<short>();
        var biases = new List<int>();
        // Each linear layer's weights and biases in EncoderLayout's order, PyTorch's fan-in bound.
        void Linear(int count, int outputs, int fanIn)
        {
            double bound = 1 / Math.Sqrt(fanIn);
            weights.AddRange(Stimuli.UniformFixed(s.Random, count * outputs * fanIn, -bound, bound, weightFracBits, 16).Select(v => (short)v));
            biases.AddRange(Stimuli.UniformFixed(s.Random, count * outputs, -bound, bound, frac));
        }
        for (int l = 0; l < layers; l++)
        {
            Linear(1, 3 * dim, dim);
            Linear(1, dim, dim);
            if (l % 2 == 0)
            {
                Linear(1, mlpHidden, dim);
                Linear(1, dim, mlpHidden);
            }
            else
            {
                Linear(tasks, experts, dim);
                Linear(experts, expertHidden, dim);
                Linear(experts, dim, expertHidden);
            }
        }
        s.Scalar("task", tasks - 1)
         .Array("x", Stimuli.GaussianFixed(s.Random, tokens * dim, 1, frac))
         .Array("normGamma", Stimuli.UniformFixed(s.Random, layers * 2 * dim, 0.8, 1.2, weightFracBits, 16).Select(v => (short)v).ToArray())
         .Array("normBeta", Stimuli.UniformFixed(s.Random, layers * 2 * dim, -0.1, 0.1, frac))
         .Array("weights", weights.ToArray())
         .Array("biases", biases.ToArray())
         .Output<int>("expertTokens", moe * experts)
         .Output<int>("attentionCounters", AttentionUnit.CounterCount);
    }
}
