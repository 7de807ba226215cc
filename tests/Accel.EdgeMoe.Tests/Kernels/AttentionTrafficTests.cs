using Accel.Hw;
using Accel.Kernels.EdgeMoe;

namespace Accel.EdgeMoe.Tests.Kernels;

/// <summary>Off-chip rows the attention kernel reads, from its own counters, against hand-derived counts: with
/// reordering each step fetches one K and one V row whatever P is (per-step traffic flat in P, total about
/// N^2/P); in the naive order each query fetches all N keys and values itself (total 2 N^2 per head whatever P
/// is, so per-step traffic grows with P).</summary>
public sealed class AttentionTrafficTests
{
    private const int Tokens = 33, Heads = 2, HeadDim = 8;

    private static (int[] Counters, int[] Output) Run(int slots, bool reorder)
    {
        var random = new Random(7);
        int length = Tokens * Heads * HeadDim;
        var q = Stimuli.GaussianFixed(random, length, 1.5, 22);
        var k = Stimuli.GaussianFixed(random, length, 1.5, 22);
        var v = Stimuli.GaussianFixed(random, length, 1, 22);
        var o = new int[length];
        var counters = new int[AttentionUnit.CounterCount];
        new Attention(tokens: Tokens, heads: Heads, headDim: HeadDim, P: slots, reorder: reorder).Run(q, k, v, o, counters);
        return (counters, o);
    }

    /// <summary>The run's counters of steps, key and value rows read, and query rows read.</summary>
    private static (int Steps, int KeyValueRows, int QueryRows) Rows(int slots, bool reorder)
    {
        var counters = Run(slots, reorder).Counters;
        return (counters[AttentionUnit.Steps], counters[AttentionUnit.KeyValueRows], counters[AttentionUnit.QueryRows]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(33)]
    public void ReorderedAttentionReadsEachKeyValueRowOncePerStep(int slots)
    {
        int blocks = (Tokens + slots - 1) / slots;
        int steps = Heads * ((blocks + 1) * Tokens + slots - 1);
        Assert.Equal((steps, 2 * steps, Heads * Tokens), Rows(slots, reorder: true));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void NaiveAttentionReadsEveryKeyAndValueRowOncePerQuery(int slots)
    {
        int blocks = (Tokens + slots - 1) / slots;
        Assert.Equal((Heads * (blocks + 1) * Tokens, Heads * 2 * Tokens * Tokens, Heads * Tokens), Rows(slots, reorder: false));
    }

    [Fact]
    public void PerStepTrafficIsFlatInPWhenReorderedAndGrowsWithPWhenNaive()
    {
        double PerStep(int slots, bool reorder)
        {
            var rows = Rows(slots, reorder);
            return (double)rows.KeyValueRows / rows.Steps;
        }
        int[] slots = [1, 2, 4, 8];
        Assert.All(slots, p => Assert.Equal(2.0, PerStep(p, true)));
        var naive = slots.Select(p => PerStep(p, false)).ToArray();
        // about 2P rows per step (2P N^2 rows over (N/P + 1) N steps): each doubling of P nearly doubles it
        for (int i = 1; i < naive.Length; i++)
            Assert.True(naive[i] > 1.5 * naive[i - 1], $"naive rows per step for P = {string.Join(", ", slots)}: {string.Join(", ", naive.Select(r => r.ToString("F2")))}");
    }

    [Fact]
    public void BothOrdersComputeTheSameAttentionUpToTheRoundingOfTheSoftmaxUpdates()
    {
        var reordered = Run(4, reorder: true).Output;
        var naive = Run(4, reorder: false).Output;
        int maxDiff = reordered.Zip(naive, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDiff <= 64, $"max difference {maxDiff} LSB");    // 64 LSB of Q.22 is 1.5e-5
        Assert.Contains(reordered, value => value != 0);
    }
}
