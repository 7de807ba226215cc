using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Mixture of experts with patch reordering. The gate's logits (tokens x experts) come from the linear unit
/// (a linear layer dim -> experts); the router turns each token's logits into a softmax and keeps the top k, one
/// token per cycle with the experts side by side; each token joins the lists of its k experts with its gate
/// probability; then only experts with tokens run, one after another, so each active expert's weights cross the
/// bus once per layer, and each expert's output rows are added back to their tokens weighted by the gate
/// probability.</summary>
[KernelLibrary]
public static class MoeUnit
{
    /// <summary>Fills counts[e] and, for n &lt; counts[e], lists[e * tokens + n] (token) and listScores (its gate
    /// probability) from the logits of token t at logits[logitBase + t * experts + e] (actFrac fraction bits).
    /// One pipelined loop over the tokens with the experts unrolled, a token per cycle: every logit of the token
    /// read side by side (one per bank when logits is partitioned by at least the number of experts), the largest
    /// of them, exp(logit - max) of every expert at once (every argument &lt;= 0, as in the single-pass softmax;
    /// each exp its own copy of the table ROM) and their sum, the top k through an insertion network of
    /// experts x topK cells (the earlier expert stays ahead on equal logits), then the k probabilities
    /// exp(logit - max) / sum. Above top-2 a token takes ceil(topK / 2) cycles: its topK words in lists and in
    /// listScores share the two ports of each one's block RAM. topLogit, topExpert: topK entries, counts: experts
    /// entries, all registers (complete partition in the caller).</summary>
    public static void Route(int[] logits, int logitBase, int tokens, int experts, int topK, int[] counts, int[] lists, int[] listScores,
        long[] topLogit, int[] topExpert, int actFrac, int expTableBits, int[] expTable)
    {
        for (int e = 0; e < experts; e++)
        {
            Hls.Unroll();
            counts[e] = 0;
        }
        for (int t = 0; t < tokens; t++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 4096);
            // every token sets all topK entries before it reads one: nothing flows from one token to the next
            Hls.Dependence(topLogit, carried: false);
            Hls.Dependence(topExpert, carried: false);
            int row = logitBase + t * experts;
            long max = int.MinValue;
            for (int e = 0; e < experts; e++)
            {
                Hls.Unroll();
                long logit = logits[row + e];
                max = logit > max ? logit : max;
            }
            for (int j = 0; j < topK; j++)
            {
                Hls.Unroll();
                topLogit[j] = long.MinValue;
                topExpert[j] = 0;
            }
            long sum = 0;
            for (int e = 0; e < experts; e++)
            {
                Hls.Unroll();
                long logit = logits[row + e];
                sum += FixedMath.Exp(logit - max, actFrac, expTableBits, expTable);
                KeepTop(logit, e, topK, topLogit, topExpert);
            }
            long recip = OnlineSoftmax.Reciprocal(sum);
            int shift = OnlineSoftmax.Shift(sum, actFrac);
            // the k experts differ, so each slot's place in its list is its expert's count before this token
            for (int j = 0; j < topK; j++)
            {
                Hls.Unroll();
                int e = topExpert[j];
                int at = e * tokens + counts[e];
                lists[at] = t;
                listScores[at] = (int)OnlineSoftmax.Probability(topLogit[j], max, recip, shift, actFrac, expTableBits, expTable);
            }
            // each count is its own register, updated once per token: a one-adder recurrence
            for (int e = 0; e < experts; e++)
            {
                Hls.Unroll();
                int hit = 0;
                for (int j = 0; j < topK; j++)
                {
                    Hls.Unroll();
                    if (topExpert[j] == e) hit = 1;
                }
                counts[e] = counts[e] + hit;
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
