using Accel.Kernels;
using Accel.Kernels.EdgeMoe;

namespace Accel.EdgeMoe.Tests.Kernels;

/// <summary>The router is one pipelined loop over the tokens with the experts side by side, a token a cycle; it
/// must leave the very same words as the two pipelined passes per token of the router before issue 13, kept
/// here as the reference: counts, every list
/// entry and every gate score, with the earlier expert first on equal logits.</summary>
public sealed class RouterTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 5)]
    [InlineData(7, 3)]
    [InlineData(16, 2)]
    [InlineData(16, 8)]
    [InlineData(64, 2)]
    [InlineData(64, 8)]
    public void TheRouterLeavesTheWordsOfTheTwoPassRouter(int experts, int topK)
    {
        const int tokens = 41, logitBase = 5, actFrac = 22, expTableBits = 8;
        var table = ExpTables.NegativePowerOfTwo(expTableBits, FixedMath.ExpFrac);
        var random = new Random(experts * 100 + topK);
        var logits = new int[logitBase + tokens * experts + 3];
        for (int t = 0; t < tokens; t++)
            for (int e = 0; e < experts; e++)
                logits[logitBase + t * experts + e] = (t % 4) switch
                {
                    0 => random.Next(-3, 4) << (actFrac - 2),                  // few values: ties everywhere
                    1 => random.Next(-64, 65) << (actFrac - 3),                // exp underflows to 0 far below the max
                    2 => 7 << (actFrac - 3),                                   // every expert equal
                    _ => random.Next(-(1 << (actFrac + 3)), 1 << (actFrac + 3)),
                };

        var (counts, lists, scores) = Run(KernelRoute, logits, logitBase, tokens, experts, topK, actFrac, expTableBits, table);
        var (refCounts, refLists, refScores) = Run(TwoPassRoute, logits, logitBase, tokens, experts, topK, actFrac, expTableBits, table);
        Assert.Equal(refCounts, counts);
        Assert.Equal(tokens * topK, counts.Sum());
        for (int e = 0; e < experts; e++)
            for (int n = 0; n < counts[e]; n++)
            {
                Assert.Equal(refLists[e * tokens + n], lists[e * tokens + n]);
                Assert.Equal(refScores[e * tokens + n], scores[e * tokens + n]);
            }
    }

    delegate void Router(int[] logits, int logitBase, int tokens, int experts, int topK, int[] counts, int[] lists, int[] listScores,
        int actFrac, int expTableBits, int[] expTable);

    /// <summary>The kernel's router with its registers (the caller's arrays) allocated here.</summary>
    static void KernelRoute(int[] logits, int logitBase, int tokens, int experts, int topK, int[] counts, int[] lists, int[] listScores,
        int actFrac, int expTableBits, int[] expTable) =>
        MoeUnit.Route(logits, logitBase, tokens, experts, topK, counts, lists, listScores, new long[topK], new int[topK], actFrac, expTableBits, expTable);

    static (int[] Counts, int[] Lists, int[] Scores) Run(Router route, int[] logits, int logitBase, int tokens, int experts, int topK,
        int actFrac, int expTableBits, int[] table)
    {
        var counts = Enumerable.Repeat(-1, experts).ToArray();  // the router clears them itself
        var lists = new int[experts * tokens];
        var scores = new int[experts * tokens];
        route(logits, logitBase, tokens, experts, topK, counts, lists, scores, actFrac, expTableBits, table);
        return (counts, lists, scores);
    }

    /// <summary>The router before issue 13: per token a pass for the largest logit, a pass for the sum of exp and
    /// the top k (inserted one expert at a time), then the k list entries.</summary>
    static void TwoPassRoute(int[] logits, int logitBase, int tokens, int experts, int topK, int[] counts, int[] lists, int[] listScores,
        int actFrac, int expTableBits, int[] expTable)
    {
        var topLogit = new long[topK];
        var topExpert = new int[topK];
        for (int e = 0; e < experts; e++) counts[e] = 0;
        for (int t = 0; t < tokens; t++)
        {
            int row = logitBase + t * experts;
            long max = int.MinValue;
            for (int e = 0; e < experts; e++)
                max = Math.Max(max, logits[row + e]);
            for (int j = 0; j < topK; j++)
            {
                topLogit[j] = long.MinValue;
                topExpert[j] = 0;
            }
            long sum = 0;
            for (int e = 0; e < experts; e++)
            {
                long logit = logits[row + e];
                sum += FixedMath.Exp(logit - max, actFrac, expTableBits, expTable);
                int place = topK;
                for (int j = 0; j < topK; j++)
                    if (place == topK && logit > topLogit[j]) place = j;
                for (int j = topK - 1; j > place; j--)
                {
                    topLogit[j] = topLogit[j - 1];
                    topExpert[j] = topExpert[j - 1];
                }
                if (place < topK)
                {
                    topLogit[place] = logit;
                    topExpert[place] = e;
                }
            }
            long recip = OnlineSoftmax.Reciprocal(sum);
            int shift = OnlineSoftmax.Shift(sum, actFrac);
            for (int j = 0; j < topK; j++)
            {
                int e = topExpert[j];
                int at = e * tokens + counts[e];
                lists[at] = t;
                listScores[at] = (int)OnlineSoftmax.Probability(topLogit[j], max, recip, shift, actFrac, expTableBits, expTable);
                counts[e]++;
            }
        }
    }
}
