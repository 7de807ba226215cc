using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Mixture of experts with patch reordering: the gate scores every expert per token with an online
/// softmax and keeps the top k; each token joins the lists of its k experts with its gate probability; then only
/// experts with tokens run, one after another, so each active expert's weights cross the bus once per layer, and
/// each expert's output rows are added back to their tokens weighted by the gate probability.</summary>
[KernelLibrary]
public static class MoeUnit
{
    /// <summary>Fills counts[e] and, for n &lt; counts[e], lists[e * tokens + n] (token) and listScores (its gate
    /// probability). x: tokens * dim; gateW: experts * dim (weightFrac); gateB: experts (actFrac).
    /// state: 2 entries; topLogit, topExpert: topK entries; gateWeights: dim * experts, gateBias, dots: experts. The
    /// gate's weights and biases come on chip once per call (input-major, so a cyclic partition by experts gives each expert's
    /// multiplier its own bank) and every expert's logit is computed side by side, one input per cycle.</summary>
    public static void Gate(int[] x, int tokens, int dim, int experts, int topK, short[] gateW, int gateWBase, int[] gateB, int gateBBase,
        int[] counts, int[] lists, int[] listScores, long[] state, long[] topLogit, int[] topExpert, short[] gateWeights, int[] gateBias, long[] dots,
        int actFrac, int weightFrac, int expTableBits, int[] expTable)
    {
        for (int e = 0; e < experts; e++)
        {
            Hls.Unroll();
            counts[e] = 0;
        }
        for (int e = 0; e < experts; e++)
        {
            gateBias[e] = gateB[gateBBase + e];
            for (int d = 0; d < dim; d++)
            {
                Hls.Pipeline(1);
                gateWeights[d * experts + e] = gateW[gateWBase + e * dim + d];
            }
        }
        for (int t = 0; t < tokens; t++)
        {
            Hls.LoopTripCount(1, 1024);
            OnlineSoftmax.Reset(state, 0, 1);
            for (int j = 0; j < topK; j++)
            {
                Hls.Unroll();
                topLogit[j] = long.MinValue;
                topExpert[j] = 0;
            }
            for (int d = 0; d < dim; d++)
            {
                Hls.Pipeline(1);
                for (int e = 0; e < experts; e++)
                {
                    Hls.Unroll();
                    dots[e] = (d == 0 ? 0 : dots[e]) + (long)x[t * dim + d] * gateWeights[d * experts + e];
                }
            }
            for (int e = 0; e < experts; e++)
            {
                long logit = Fx.Saturate(Fx.RoundShift(dots[e], weightFrac) + gateBias[e], 32);
                OnlineSoftmax.Update(state, 0, 1, logit, actFrac, expTableBits, expTable);
                KeepTop(logit, e, topK, topLogit, topExpert);
            }
            long recip = OnlineSoftmax.Reciprocal(state[1]);
            int shift = OnlineSoftmax.Shift(state[1], actFrac);
            for (int j = 0; j < topK; j++)
            {
                int e = topExpert[j];
                int at = e * tokens + counts[e];
                lists[at] = t;
                listScores[at] = (int)OnlineSoftmax.Probability(topLogit[j], state[0], recip, shift, actFrac, expTableBits, expTable);
                counts[e] = counts[e] + 1;
            }
        }
    }

    /// <summary>Inserts (logit, expert) into the descending top-k list; on equal logits the earlier expert stays ahead.</summary>
    static void KeepTop(long logit, int expert, int topK, long[] topLogit, int[] topExpert)
    {
        Hls.Inline();
        int place = topK;
        for (int j = 0; j < topK; j++)
        {
            Hls.Unroll();
            if (place == topK && logit > topLogit[j]) place = j;
        }
        for (int j = topK - 1; j > 0; j--)
        {
            Hls.Unroll();
            if (j > place)
            {
                topLogit[j] = topLogit[j - 1];
                topExpert[j] = topExpert[j - 1];
            }
        }
        if (place < topK)
        {
            topLogit[place] = logit;
            topExpert[place] = expert;
        }
    }

    /// <summary>y[token] += score * fc2(GELU(fc1(x[token]))) for every listed token of every active expert.
    /// Expert e's weights: w1 at w1Base + e * hidden * dim (hidden x dim), w2 at w2Base + e * dim * hidden.
    /// gathered: tokens * dim; hiddenRows: tokens * hidden; tilesDim: 2 * tileOut * dim; tilesHidden: 2 * tileOut * hidden.</summary>
    public static void Experts(int[] x, int tokens, int dim, int experts, int hidden, int[] counts, int[] lists, int[] listScores,
        short[] w1, int w1Base, int[] b1, int b1Base, short[] w2, int w2Base, int[] b2, int b2Base, int[] y,
        int[] gathered, int[] hiddenRows, short[] tilesDim, short[] tilesHidden, int[] biasTiles, long[] acc,
        int tileIn, int tileOut, int actFrac, int weightFrac, int geluTableFrac, short[] geluTable)
    {
        for (int e = 0; e < experts; e++)
        {
            int count = counts[e];
            if (count == 0) continue;   // an idle expert's weights are never fetched
            for (int n = 0; n < count; n++)
            {
                Hls.LoopTripCount(1, 1024);
                for (int d = 0; d < dim; d++)
                {
                    Hls.Pipeline(1);
                    gathered[n * dim + d] = x[lists[e * tokens + n] * dim + d];
                }
            }
            LinearUnit.Run(gathered, 0, count, dim, hidden, w1, w1Base + e * hidden * dim, b1, b1Base + e * hidden,
                hiddenRows, hidden, 0, 0, false, lists, e * tokens, true, false, false, listScores,
                tileIn, tileOut, actFrac, weightFrac, geluTableFrac, geluTable, tilesDim, biasTiles, acc);
            LinearUnit.Run(hiddenRows, 0, count, hidden, dim, w2, w2Base + e * dim * hidden, b2, b2Base + e * dim,
                y, dim, 0, 0, true, lists, e * tokens, false, true, true, listScores,
                tileIn, tileOut, actFrac, weightFrac, geluTableFrac, geluTable, tilesHidden, biasTiles, acc);
        }
    }
}
