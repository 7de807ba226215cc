using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Mixture of experts with patch reordering. The gate's logits (tokens x experts) come from the linear unit
/// (a linear layer dim -> experts); the router turns each token's logits into a softmax and keeps the top k, one
/// expert a cycle (experts cycles a token: a token's max is found while the token before it is summed and ranked);
/// each token joins the lists of its k experts with its gate probability; then only experts with tokens run, one
/// after another, so each active expert's weights cross the bus once per layer, and each expert's output rows are
/// added back to their tokens weighted by the gate probability.</summary>
[KernelLibrary]
public static class MoeUnit
{
    /// <summary>Fills counts[e] and, for n &lt; counts[e], lists[e * tokens + n] (token) and listScores (its gate
    /// probability) from the logits of token t at logits[logitBase + t * experts + e] (actFrac fraction bits).
    /// One pipelined loop over (phase, expert), experts steps a phase and one expert a step; in phase p three tokens
    /// are in flight, so one logit read, one exp, one top-k insertion network and one list entry a step serve every
    /// expert: token p's max is found (its logits kept in pending for the next phase), token p - 1 adds up
    /// exp(logit - max) (every argument &lt;= 0, as in the single-pass softmax) and inserts each expert with its exp
    /// into the top k (the earlier expert stays ahead on equal logits), taking the reciprocal of the sum on its
    /// last step; and the first topK steps append token p - 2 to its k experts' lists (topK &lt;= experts), one a
    /// step, with its probability exp(logit - max) / sum from the exp kept with its slot. topLogit, topExp,
    /// topExpert, dueExp, dueExpert: topK entries; pending, counts: experts entries; all registers (complete
    /// partition in the caller).</summary>
    public static void Route(int[] logits, int logitBase, int tokens, int experts, int topK, int[] counts, int[] lists, int[] listScores,
        long[] topLogit, long[] topExp, int[] topExpert, long[] dueExp, int[] dueExpert, int[] pending, int actFrac, int expTableBits, int[] expTable)
    {
        for (int e = 0; e < experts; e++)
        {
            Hls.Unroll();
            counts[e] = 0;
        }
        ClearTop(topK, topLogit, topExp, topExpert);
        long max = 0, nextMax = 0, sum = 0, recip = 0;   // max: token p - 1's; recip, shift: token p - 2's
        int shift = 0, p = 0, k = 0, row = logitBase;
        for (int i = 0; i < (tokens + 1) * experts + topK; i++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(3, 4097 * 64 + 8);
            bool maxPass = p < tokens, sumPass = p >= 1 && p <= tokens, emit = p >= 2 && k < topK;
            int logit = pending[k];                   // token p - 1's, kept by its max pass
            if (maxPass)
            {
                int next = logits[row + k];
                pending[k] = next;
                nextMax = k == 0 || next > nextMax ? next : nextMax;
            }
            long ex = FixedMath.Exp(sumPass ? logit - max : 0, actFrac, expTableBits, expTable);
            if (emit)
            {
                // the k experts differ, so each slot's place in its list is its expert's count before this token
                int x = dueExpert[k];
                int at = x * tokens + counts[x];
                lists[at] = p - 2;
                listScores[at] = (int)Fx.RoundShift(dueExp[k] * recip, shift);
                counts[x] = counts[x] + 1;
            }
            if (sumPass)
            {
                sum += ex;
                KeepTop(logit, ex, k, topK, topLogit, topExp, topExpert);
                if (k == experts - 1)
                {
                    // token p - 1 is ranked: its slots become due for the next phase's list entries
                    recip = OnlineSoftmax.Reciprocal(sum);
                    shift = OnlineSoftmax.Shift(sum, actFrac);
                    for (int j = 0; j < topK; j++)
                    {
                        Hls.Unroll();
                        dueExp[j] = topExp[j];
                        dueExpert[j] = topExpert[j];
                    }
                    sum = 0;
                    ClearTop(topK, topLogit, topExp, topExpert);
                }
            }
            if (k == experts - 1)
            {
                max = nextMax;
                k = 0;
                p++;
                row += experts;
            }
            else k++;
        }
    }

    static void ClearTop(int topK, long[] topLogit, long[] topExp, int[] topExpert)
    {
        Hls.Inline();
        for (int j = 0; j < topK; j++)
        {
            Hls.Unroll();
            topLogit[j] = long.MinValue;
            topExp[j] = 0;
            topExpert[j] = 0;
        }
    }

    /// <summary>Inserts (logit, its exp, expert) into the descending top-k list; on equal logits the earlier expert
    /// stays ahead.</summary>
    static void KeepTop(long logit, long ex, int expert, int topK, long[] topLogit, long[] topExp, int[] topExpert)
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
                topExp[j] = topExp[j - 1];
                topExpert[j] = topExpert[j - 1];
            }
        }
        if (place < topK)
        {
            topLogit[place] = logit;
            topExp[place] = ex;
            topExpert[place] = expert;
        }
    }

    /// <summary>Copies the rows of expert e's listed tokens (x row at xBase + token * dim) to gathered from
    /// gatheredBase, one after another: tileIn words per cycle.</summary>
    public static void Gather(int[] x, int xBase, int[] gathered, int gatheredBase, int dim, int[] lists, int listBase, int count, int tileIn)
    {
        for (int n = 0; n < count; n++)
        {
            Hls.LoopTripCount(1, 4096);
            int from = xBase + lists[listBase + n] * dim, to = gatheredBase + n * dim;
            for (int d = 0; d < dim; d += tileIn)
            {
                Hls.Pipeline(1);
                Hls.Dependence(gathered, carried: false); // a copy between two regions of one array: every element once
                for (int j = 0; j < tileIn; j++)
                {
                    Hls.Unroll();
                    if (d + j < dim) gathered[to + d + j] = x[from + d + j];
                }
            }
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
            Gather(x, 0, gathered, 0, dim, lists, e * tokens, count, tileIn);
            LinearUnit.Run(gathered, 0, count, dim, hidden, w1, w1Base + e * hidden * dim, b1, b1Base + e * hidden,
                hiddenRows, hidden, 0, 0, false, lists, e * tokens, true, false, false, listScores,
                tileIn, tileOut, actFrac, weightFrac, geluTableFrac, geluTable, tilesDim, biasTiles, acc);
            LinearUnit.Run(hiddenRows, 0, count, hidden, dim, w2, w2Base + e * dim * hidden, b2, b2Base + e * dim,
                y, dim, 0, 0, true, lists, e * tokens, false, true, true, listScores,
                tileIn, tileOut, actFrac, weightFrac, geluTableFrac, geluTable, tilesHidden, biasTiles, acc);
        }
    }
}
