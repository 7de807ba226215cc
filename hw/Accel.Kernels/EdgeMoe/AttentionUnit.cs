using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Multi-head attention softmax(Q K^T / sqrt(d)) V with P query slots fed by one stream of key and
/// value beats: one pipelined loop, one beat (lanes elements of a row) per cycle. A key step is the beats of one
/// key row. In step t every slot uses one key: with reordering the key is t mod N for all slots and slot s starts
/// a new query at key s (so it sees keys s..N-1, then 0..s-1 of the next pass), and each K/V beat is fetched once
/// for all P slots; in the naive order every slot starts at key 0 and fetches its own copy of every beat.
/// A slot folds each score into single-pass softmax statistics as it completes (Q K^T) and, during its next pass
/// over the keys, weights V by the normalised scores on the fly (A V) while it already scores its next query; the
/// raw scores of the two queries in flight are double-buffered on chip. The rotated key order is the order of the
/// softmax updates, so the fixed-point result depends on it: this code is the reference.
/// Row t of q, k, v for head h is at t * stride + base + h * headDim; o likewise with outStride and oBase.
/// On-chip buffers are beat-major (beat, slot, lane), so a cyclic partition by slots x lanes gives every
/// multiply-accumulate its own bank.</summary>
[KernelLibrary]
public static class AttentionUnit
{
    // Per-slot registers in `slotState`, one block of `slots` entries each.
    const int ScoreMax = 0, ScoreSum = 1, WeightMax = 2, WeightRecip = 3, WeightShift = 4, Dot = 5, Position = 6, Pass = 7;
    public const int StateBlocks = 8;

    // counters[]: off-chip rows read from q, rows read from k and v, key steps taken.
    public const int QueryRows = 0, KeyValueRows = 1, Steps = 2, CounterCount = 3;

    /// <summary>Key steps per head: a pass over the keys per block of P queries, one more pass for the last
    /// block's A V, and with reordering P - 1 more for the stagger.</summary>
    public static int StepsPerHead(int tokens, int slots, bool reorder) =>
        ((tokens + slots - 1) / slots + 1) * tokens + (reorder ? slots - 1 : 0);

    /// <summary>Beats per row: a row of headDim elements in beats of lanes (the last one padded).</summary>
    public static int Beats(int headDim, int lanes) => (headDim + lanes - 1) / lanes;

    /// <summary>queryRows, outAcc: Beats(headDim, lanes) * slots * lanes; keyBeats, valueBeats: slots * lanes;
    /// scores: 2 * slots * tokens; slotState: StateBlocks * slots.</summary>
    public static void Run(int[] q, int[] k, int[] v, int stride, int qBase, int kBase, int vBase, int[] o, int oBase, int outStride,
        int tokens, int heads, int headDim, int lanes, int slots, bool reorder, long scoreScale, int actFrac, int expTableBits, int[] expTable,
        int[] queryRows, int[] keyBeats, int[] valueBeats, int[] scores, long[] slotState, long[] outAcc, int[] counters)
    {
        long queryReads = 0, keyValueReads = 0, steps = 0;
        int beats = Beats(headDim, lanes);
        int cycles = StepsPerHead(tokens, slots, reorder) * beats;
        for (int h = 0; h < heads; h++)
        {
            for (int s = 0; s < slots; s++)
            {
                Hls.Unroll();
                slotState[Position * slots + s] = 0;
                slotState[Pass * slots + s] = 0;
            }
            // Running counters instead of t / beats and t % tokens: no divider in the pipeline.
            int step = 0, beat = 0, key = 0;
            for (int c = 0; c < cycles; c++)
            {
                Hls.Pipeline(1);
                Hls.LoopTripCount(1, 1 << 24);
                // A slot's softmax state is updated on a key's last beat only, and an output word at its beat of
                // each key: both are read again a row of beats later, so their updates (a 64-bit multiply and
                // adds, 7.68 cycles at 300 MHz; a block RAM read and an add) may take that many cycles.
                Hls.Dependence(slotState, distance: (headDim + lanes - 1) / lanes);
                Hls.Dependence(outAcc, distance: (headDim + lanes - 1) / lanes);
                int column = h * headDim + beat * lanes;
                bool lastBeat = beat == beats - 1;
                if (reorder)
                {
                    LoadBeat(k, key * stride + kBase + column, keyBeats, 0, lanes, headDim - beat * lanes);
                    LoadBeat(v, key * stride + vBase + column, valueBeats, 0, lanes, headDim - beat * lanes);
                    if (beat == 0) keyValueReads += 2;
                }
                for (int s = 0; s < slots; s++)
                {
                    Hls.Unroll();
                    if (reorder && step < s) continue;   // the stagger: slot s starts at step s
                    int position = (int)slotState[Position * slots + s], pass = (int)slotState[Pass * slots + s];
                    int slotKey = reorder ? key : position;
                    int scoring = pass * slots + s;      // the query this slot scores in this pass
                    int weighting = scoring - slots;     // the query it scored in the previous pass
                    bool isScoring = scoring < tokens;
                    bool isWeighting = pass > 0 && weighting < tokens;
                    int beatAt = reorder ? 0 : s * lanes;            // this slot's K/V beat
                    int rowAt = beat * slots * lanes + s * lanes;    // this beat of the slot's query and output rows
                    if (!reorder && isScoring)
                    {
                        LoadBeat(k, slotKey * stride + kBase + column, keyBeats, beatAt, lanes, headDim - beat * lanes);
                        if (beat == 0) keyValueReads++;
                    }
                    if (!reorder && isWeighting)
                    {
                        LoadBeat(v, slotKey * stride + vBase + column, valueBeats, beatAt, lanes, headDim - beat * lanes);
                        if (beat == 0) keyValueReads++;
                    }
                    if (position == 0 && beat == 0)
                    {
                        if (isWeighting) StartWeighting(s, slots, slotState, actFrac);
                        if (isScoring)
                        {
                            OnlineSoftmax.Reset(slotState, ScoreMax * slots + s, ScoreSum * slots + s);
                            queryReads++;
                        }
                    }
                    if (position == 0 && isScoring)
                        LoadBeat(q, scoring * stride + qBase + column, queryRows, rowAt, lanes, headDim - beat * lanes);
                    int bank = pass & 1;
                    if (isScoring)
                        Score(s, slotKey, beat, lastBeat, slots, lanes, queryRows, rowAt, keyBeats, beatAt, scores, bank, slotState,
                            scoreScale, actFrac, expTableBits, expTable);
                    if (isWeighting)
                    {
                        Weight(s, slotKey, position == 0, slots, lanes, valueBeats, beatAt, scores, 1 - bank, slotState, outAcc, rowAt,
                            actFrac, expTableBits, expTable);
                        if (position == tokens - 1)
                            WriteBeat(o, oBase + weighting * outStride + column, outAcc, rowAt, lanes, headDim - beat * lanes, actFrac);
                    }
                    if (lastBeat)
                    {
                        bool wraps = position == tokens - 1;
                        slotState[Position * slots + s] = wraps ? 0 : position + 1;
                        slotState[Pass * slots + s] = wraps ? pass + 1 : pass;
                    }
                }
                if (lastBeat)
                {
                    step++;
                    key = key == tokens - 1 ? 0 : key + 1;
                }
                beat = lastBeat ? 0 : beat + 1;
            }
            steps += step;
        }
        counters[QueryRows] = (int)queryReads;
        counters[KeyValueRows] = (int)keyValueReads;
        counters[Steps] = (int)steps;
    }

    /// <summary>The slot's scores are complete: keep its maximum and reciprocal sum for A V.</summary>
    static void StartWeighting(int s, int slots, long[] slotState, int actFrac)
    {
        long sum = slotState[ScoreSum * slots + s];
        slotState[WeightMax * slots + s] = slotState[ScoreMax * slots + s];
        slotState[WeightRecip * slots + s] = OnlineSoftmax.Reciprocal(sum);
        slotState[WeightShift * slots + s] = OnlineSoftmax.Shift(sum, actFrac);
    }

    /// <summary>One beat of the slot's query against the key: accumulates the dot product; on the last beat the
    /// score, scaled by 1/sqrt(headDim) (scoreScale, Q.30), is stored for A V and folded into the statistics.</summary>
    static void Score(int s, int key, int beat, bool lastBeat, int slots, int lanes, int[] queryRows, int rowAt, int[] keyBeats, int beatAt,
        int[] scores, int bank, long[] slotState, long scoreScale, int actFrac, int expTableBits, int[] expTable)
    {
        long dot = beat == 0 ? 0 : slotState[Dot * slots + s];
        for (int j = 0; j < lanes; j++)
        {
            Hls.Unroll();
            dot += (long)queryRows[rowAt + j] * keyBeats[beatAt + j];
        }
        slotState[Dot * slots + s] = dot;
        if (!lastBeat) return;
        long raw = Fx.Saturate(Fx.RoundShift(dot, actFrac), 32);
        long score = Fx.Saturate(Fx.RoundShift(raw * scoreScale, 30), 32);
        scores[key * 2 * slots + bank * slots + s] = (int)score;
        OnlineSoftmax.Update(slotState, ScoreMax * slots + s, ScoreSum * slots + s, score, actFrac, expTableBits, expTable);
    }

    /// <summary>Adds p * v for one beat of the key to the slot's output (starting it afresh at the first key), p
    /// normalised on the fly from the stored score.</summary>
    static void Weight(int s, int key, bool first, int slots, int lanes, int[] valueBeats, int beatAt, int[] scores, int bank,
        long[] slotState, long[] outAcc, int rowAt, int actFrac, int expTableBits, int[] expTable)
    {
        long p = OnlineSoftmax.Probability(scores[key * 2 * slots + bank * slots + s], slotState[WeightMax * slots + s],
            slotState[WeightRecip * slots + s], (int)slotState[WeightShift * slots + s], actFrac, expTableBits, expTable);
        for (int j = 0; j < lanes; j++)
        {
            Hls.Unroll();
            outAcc[rowAt + j] = (first ? 0 : outAcc[rowAt + j]) + p * valueBeats[beatAt + j];
        }
    }

    /// <summary>Copies the first min(lanes, valid) elements of a beat; the padding of a row's last beat is zero.</summary>
    static void LoadBeat(int[] source, int from, int[] beat, int to, int lanes, int valid)
    {
        for (int j = 0; j < lanes; j++)
        {
            Hls.Unroll();
            beat[to + j] = j < valid ? source[from + j] : 0;
        }
    }

    static void WriteBeat(int[] target, int to, long[] acc, int from, int lanes, int valid, int actFrac)
    {
        for (int j = 0; j < lanes; j++)
        {
            Hls.Unroll();
            if (j < valid) target[to + j] = (int)Fx.Saturate(Fx.RoundShift(acc[from + j], actFrac), 32);
        }
    }
}
