using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Multi-head attention softmax(Q K^T / sqrt(d)) V with P query slots fed by one stream of key and
/// value rows. In step t every slot uses one key: with reordering the key is t mod N for all slots and slot s
/// starts a new query at key s (so it sees keys s..N-1, then 0..s-1 of the next pass), and each K/V row is
/// fetched once for all P slots; in the naive order every slot starts at key 0 and fetches its own copy.
/// A slot folds each score into single-pass softmax statistics as it is computed (Q K^T) and, during its next
/// pass over the keys, weights V by the normalised scores on the fly (A V) while it already scores its next
/// query; the raw scores of the two queries in flight are double-buffered on chip. The rotated key order is the
/// order of the softmax updates, so the fixed-point result depends on it: this code is the reference.
/// Row t of q, k, v for head h is at t * stride + base + h * headDim; o likewise with outStride.</summary>
[KernelLibrary]
public static class AttentionUnit
{
    // Per-slot state in `stats`, one block of `slots` entries each.
    const int ScoreMax = 0, ScoreSum = 1, WeightMax = 2, WeightRecip = 3, WeightShift = 4;
    public const int StatBlocks = 5;

    // counters[]: off-chip rows read from q, rows read from k and v, steps taken.
    public const int QueryRows = 0, KeyValueRows = 1, Steps = 2, CounterCount = 3;

    /// <summary>Steps per head: a pass over the keys per block of P queries, one more pass for the last block's
    /// A V, and with reordering P - 1 more for the stagger.</summary>
    public static int StepsPerHead(int tokens, int slots, bool reorder) =>
        ((tokens + slots - 1) / slots + 1) * tokens + (reorder ? slots - 1 : 0);

    /// <summary>queryRows: slots * headDim; keyRow, valueRow: headDim; scores: 2 * slots * tokens;
    /// stats: StatBlocks * slots; outAcc: slots * headDim.</summary>
    public static void Run(int[] q, int[] k, int[] v, int stride, int qBase, int kBase, int vBase, int[] o, int outStride,
        int tokens, int heads, int headDim, int slots, bool reorder, long scoreScale, int actFrac, int expTableBits, int[] expTable,
        int[] queryRows, int[] keyRow, int[] valueRow, int[] scores, long[] stats, long[] outAcc, int[] counters)
    {
        long queryReads = 0, keyValueReads = 0, steps = 0;
        int total = StepsPerHead(tokens, slots, reorder);
        for (int h = 0; h < heads; h++)
        {
            int column = h * headDim;
            for (int t = 0; t < total; t++)
            {
                Hls.LoopTripCount(1, 8192);
                steps++;
                if (reorder)
                {
                    LoadRow(k, (t % tokens) * stride + kBase + column, keyRow, 0, headDim);
                    LoadRow(v, (t % tokens) * stride + vBase + column, valueRow, 0, headDim);
                    keyValueReads += 2;
                }
                for (int s = 0; s < slots; s++)
                {
                    Hls.Unroll();
                    int local = reorder ? t - s : t;
                    if (local < 0) continue;
                    int block = local / tokens, position = local % tokens;
                    int key = reorder ? t % tokens : position;
                    int scoring = block * slots + s;      // the query this slot scores in this pass
                    int weighting = scoring - slots;      // the query it scored in the previous pass
                    bool isScoring = scoring < tokens;
                    bool isWeighting = block > 0 && weighting < tokens;
                    if (!reorder && isScoring)
                    {
                        LoadRow(k, key * stride + kBase + column, keyRow, 0, headDim);
                        keyValueReads++;
                    }
                    if (!reorder && isWeighting)
                    {
                        LoadRow(v, key * stride + vBase + column, valueRow, 0, headDim);
                        keyValueReads++;
                    }
                    if (position == 0)
                    {
                        if (isWeighting) StartWeighting(s, slots, headDim, stats, outAcc, actFrac);
                        if (isScoring)
                        {
                            LoadRow(q, scoring * stride + qBase + column, queryRows, s * headDim, headDim);
                            queryReads++;
                            OnlineSoftmax.Reset(stats, ScoreMax * slots + s, ScoreSum * slots + s);
                        }
                    }
                    int bank = (block & 1) * slots * tokens + s * tokens;
                    if (isScoring)
                        Score(s, key, slots, headDim, queryRows, keyRow, scores, bank, stats, scoreScale, actFrac, expTableBits, expTable);
                    if (isWeighting)
                    {
                        int previousBank = ((block - 1) & 1) * slots * tokens + s * tokens;
                        Weight(s, key, slots, headDim, valueRow, scores, previousBank, stats, outAcc, actFrac, expTableBits, expTable);
                        if (position == tokens - 1)
                            WriteRow(o, weighting * outStride + column, outAcc, s * headDim, headDim, actFrac);
                    }
                }
            }
        }
        counters[QueryRows] = (int)queryReads;
        counters[KeyValueRows] = (int)keyValueReads;
        counters[Steps] = (int)steps;
    }

    /// <summary>The slot's scores are complete: keep its maximum and reciprocal sum for A V, clear its output.</summary>
    static void StartWeighting(int s, int slots, int headDim, long[] stats, long[] outAcc, int actFrac)
    {
        long sum = stats[ScoreSum * slots + s];
        stats[WeightMax * slots + s] = stats[ScoreMax * slots + s];
        stats[WeightRecip * slots + s] = OnlineSoftmax.Reciprocal(sum);
        stats[WeightShift * slots + s] = OnlineSoftmax.Shift(sum, actFrac);
        for (int d = 0; d < headDim; d++)
        {
            Hls.Pipeline(1);
            outAcc[s * headDim + d] = 0;
        }
    }

    /// <summary>Score of the slot's query against the key row, scaled by 1/sqrt(headDim) (scoreScale, Q.30),
    /// stored for A V and folded into the softmax statistics.</summary>
    static void Score(int s, int key, int slots, int headDim, int[] queryRows, int[] keyRow, int[] scores, int bank,
        long[] stats, long scoreScale, int actFrac, int expTableBits, int[] expTable)
    {
        long dot = 0;
        for (int d = 0; d < headDim; d++)
        {
            Hls.Pipeline(1);
            dot += (long)queryRows[s * headDim + d] * keyRow[d];
        }
        long raw = Fx.Saturate(Fx.RoundShift(dot, actFrac), 32);
        long score = Fx.Saturate(Fx.RoundShift(raw * scoreScale, 30), 32);
        scores[bank + key] = (int)score;
        OnlineSoftmax.Update(stats, ScoreMax * slots + s, ScoreSum * slots + s, score, actFrac, expTableBits, expTable);
    }

    /// <summary>Adds p * v for the key to the slot's output, p normalised on the fly from the stored score.</summary>
    static void Weight(int s, int key, int slots, int headDim, int[] valueRow, int[] scores, int bank, long[] stats, long[] outAcc,
        int actFrac, int expTableBits, int[] expTable)
    {
        long p = OnlineSoftmax.Probability(scores[bank + key], stats[WeightMax * slots + s], stats[WeightRecip * slots + s],
            (int)stats[WeightShift * slots + s], actFrac, expTableBits, expTable);
        for (int d = 0; d < headDim; d++)
        {
            Hls.Pipeline(1);
            outAcc[s * headDim + d] += p * valueRow[d];
        }
    }

    static void LoadRow(int[] source, int from, int[] row, int to, int length)
    {
        for (int d = 0; d < length; d++)
        {
            Hls.Pipeline(1);
            row[to + d] = source[from + d];
        }
    }

    static void WriteRow(int[] target, int to, long[] acc, int from, int length, int actFrac)
    {
        for (int d = 0; d < length; d++)
        {
            Hls.Pipeline(1);
            target[to + d] = (int)Fx.Saturate(Fx.RoundShift(acc[from + d], actFrac), 32);
        }
    }
}
