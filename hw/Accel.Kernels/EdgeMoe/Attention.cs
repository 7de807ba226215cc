using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Edge-MoE attention (see <see cref="AttentionUnit"/>): q, k, v and o are token-major rows of
/// heads * headDim activations (actIntBits integer bits of 32), streamed in beats of `lanes` elements, one beat
/// per cycle. counters receives the off-chip rows read from q and from k and v, and the key steps taken, so the
/// reordered and the naive order can be compared.</summary>
[Kernel("attention")]
[Config("tokens33-p4", "tokens=33,heads=2,headDim=16,P=4")]
[Config("tokens33-p4-naive", "tokens=33,heads=2,headDim=16,P=4,reorder=false")]
[Config("tokens17-p1", "tokens=17,heads=1,headDim=8,P=1")]
[Config("tokens17-p3-lanes3", "tokens=17,heads=2,headDim=8,P=3,lanes=3")]
public sealed class Attention(
    [Range(1, 4096)] int tokens = 129,
    [Range(1, 64)] int heads = 3,
    [Range(1, 512)] int headDim = 64,
    [Range(1, 64)] int lanes = 8,              // elements of a row per beat: 8 x 32 bits fit one HBM channel per cycle
    [Range(1, 64)] int P = 4,                  // parallel query slots
    [Variant] bool reorder = true,             // false: the naive loop order, for comparison
    [Range(6, 16)] int actIntBits = 10,
    [Range(4, 10)] int expTableBits = 8)
{
    [LookupTable] readonly int[] exp2Fraction = ExpTables.NegativePowerOfTwo(expTableBits, FixedMath.ExpFrac);
    [LookupTable] readonly int[] scoreScale = [(int)Fx.FromDouble(1 / Math.Sqrt(headDim), 30, 32)];   // 1/sqrt(d), Q.30

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] q, [MAxi("gmem1", "HBM[1]")] int[] k, [MAxi("gmem2", "HBM[2]")] int[] v,
        [MAxi("gmem3", "HBM[3]")] int[] o, [MAxi("gmem4", "HBM[4]")] int[] counters)
    {
        int[] queryRows = new int[(headDim + lanes - 1) / lanes * P * lanes];
        int[] keyBeats = new int[P * lanes];
        int[] valueBeats = new int[P * lanes];
        int[] scores = new int[2 * P * tokens];
        long[] slotState = new long[AttentionUnit.StateBlocks * P];
        long[] outAcc = new long[(headDim + lanes - 1) / lanes * P * lanes];
        Hls.ArrayPartition(queryRows, PartitionKind.Cyclic, P * lanes);
        Hls.ArrayPartition(outAcc, PartitionKind.Cyclic, P * lanes);
        Hls.ArrayPartition(keyBeats, PartitionKind.Complete);
        Hls.ArrayPartition(valueBeats, PartitionKind.Complete);
        Hls.ArrayPartition(scores, PartitionKind.Cyclic, 2 * P);
        Hls.ArrayPartition(slotState, PartitionKind.Complete);
        AttentionUnit.Run(q, k, v, heads * headDim, 0, 0, 0, o, 0, heads * headDim, tokens, heads, headDim, lanes, P, reorder,
            scoreScale[0], 32 - actIntBits, expTableBits, exp2Fraction, queryRows, keyBeats, valueBeats, scores, slotState, outAcc, counters);
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        int length = tokens * heads * headDim;
        int frac = 32 - actIntBits;
        s.Array("q", Stimuli.GaussianFixed(s.Random, length, 1.5, frac))
         .Array("k", Stimuli.GaussianFixed(s.Random, length, 1.5, frac))
         .Array("v", Stimuli.GaussianFixed(s.Random, length, 1, frac))
         .Output<int>("o", length)
         .Output<int>("counters", AttentionUnit.CounterCount);
    }
}
