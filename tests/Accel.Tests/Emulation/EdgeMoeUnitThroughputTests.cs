using Accel.Emulation.Kernels;
using Accel.Testbenches;

namespace Accel.Tests.Emulation;

/// <summary>The Edge-MoE units keep their arithmetic busy: the linear unit sustains its tileOut x tileIn block of
/// multiply-accumulates per cycle with the next tile's fetch hidden under the current tile's compute, and
/// LayerNorm handles `lanes` elements per cycle with gamma and beta read once per call, and the MoE router takes
/// one cycle per expert a token, one expert a cycle on one exp datapath with three tokens in flight.</summary>
public sealed class EdgeMoeUnitThroughputTests
{
    [Theory]
    [InlineData(192, 576, 16, 16)]   // the reference qkv projection
    [InlineData(768, 192, 16, 16)]   // fc2
    [InlineData(192, 192, 8, 4)]
    public void TheLinearUnitRunsOneMacBlockPerCycle(int inDim, int outDim, int tileIn, int tileOut)
    {
        const int tokens = 129;
        var run = KernelEmulationTests.Emulate(KernelCatalog.BuiltIn, "edgemoe_linear", null,
            [$"inDim={inDim}", $"outDim={outDim}", $"tileIn={tileIn}", $"tileOut={tileOut}"]);
        int steps = (inDim + tileIn - 1) / tileIn, tiles = (outDim + tileOut - 1) / tileOut;
        long copyIn = (long)tokens * inDim / 8;         // x comes on chip in 256-bit beats, 8 words per cycle
        long firstFetch = (long)tileOut * steps;        // the only fetch not hidden under a compute
        long compute = (long)tiles * tokens * steps;     // one MAC block per cycle
        long ideal = copyIn + firstFetch + compute;
        long cycles = run.Report.TotalCycles;
        Assert.True(cycles >= compute, $"{cycles} cycles, fewer than the {compute} MAC blocks");
        // what is left is pipeline fill and drain: a few hundred cycles per tile at most
        Assert.True(cycles <= ideal + (tiles + 1) * 300L, $"{cycles} cycles; copy {copyIn} + first fetch {firstFetch} + compute {compute} = {ideal}");
        long weightBytes = 2L * inDim * outDim;
        var w = run.Report.Ports.Single(p => p.Name == "w");
        Assert.Equal(weightBytes, w.BytesRead);   // the weights cross the bus once per call
    }

    [Fact]
    public void LayerNormHandlesLanesPerCycleAndReadsItsParametersOnce()
    {
        const int tokens = 129, dim = 192, lanes = 16;
        var run = KernelEmulationTests.Emulate(KernelCatalog.BuiltIn, "edgemoe_layernorm", null, []);
        Assert.Equal(2L * dim, run.Report.Ports.Single(p => p.Name == "gamma").BytesRead);
        Assert.Equal(4L * dim, run.Report.Ports.Single(p => p.Name == "beta").BytesRead);
        // two passes over each row (the sums, then the normalisation) plus the copies in and out, each lanes
        // elements per cycle, plus per-row fill, the two divides and the reciprocal square root
        long passes = (2L * tokens + 2L * tokens) * (dim / lanes);
        Assert.True(run.Report.TotalCycles >= passes);
        Assert.True(run.Report.TotalCycles <= passes + tokens * 300L, $"{run.Report.TotalCycles} cycles for {passes} cycles of passes");
    }

    /// <summary>The router (MoeUnit.Route) is one pipelined loop over (phase, expert) with experts steps a phase and
    /// three tokens in flight: phase p finds token p's largest logit (keeping its logits in registers for the next
    /// phase), adds exp(logit - max) of token p - 1 to its sum and inserts the expert with its exp into the top k
    /// (taking the reciprocal on the last step), and in its first topK steps (topK &lt;= experts) writes token
    /// p - 2's list entries, one a step, from the exps kept with the slots; one phase before the first token's
    /// sums (its max) and topK steps after the last one's (its entries) add experts + topK steps. One logit read,
    /// one exp, one insertion network, one probability multiply serve every expert, which is what keeps the
    /// composed encoder on the ZCU102 (the token-per-cycle router with 16 experts unrolled made it 104% of the
    /// LUTs). Its II, derived by hand from the rules of "The emulator": one logit read a step (one port of one
    /// bank); the kept logits are registers (complete partition), read and written at one index a step; one table
    /// read of exp a step; one word a step into lists and into listScores, whatever topK (so II 1 at top-4 too,
    /// where the token-per-cycle router wrote four words a cycle and ran at II 2); the carried values are each a
    /// one-operator recurrence: the two maxima (a compare and a select), the sum (a 64-bit add), the insertion
    /// network (topK compares and a select per slot), the count of the due slot's expert (a read multiplexer and
    /// a 32-bit add), the step counters; the reciprocal, shift and due slots are written on a phase's last step
    /// and read from the next phase on. So II 1 and trip count (tokens + 1) x experts + topK. The depth is one
    /// step's latency along its longest chain: the exp (two 64-bit multiplies of 6 cycles and the table read, 2),
    /// the sum's add and the reciprocal (the linear estimate and three Newton steps of two multiplies: 7
    /// multiplies, 42 cycles): 54 cycles of multiplies and 2 of reads, plus the carry chains, variable shifts and
    /// multiplexers between them, each a fraction of a cycle but rounded up statement by statement. Measured 117
    /// at the reference configuration; the bound is 128. The engine times the loop as (trips - 1) II + depth:
    /// experts cycles a token plus (experts + topK + depth) over the call, 2,198 cycles for 129 tokens of 16
    /// experts (17.0 a token), where the router that ran a token's two passes one after the other took 2 x
    /// experts (4,234 cycles, 32.8 a token), the two passes per token before issue 13 214 cycles a token and
    /// the token-per-cycle router 2.0.</summary>
    [Theory]
    [InlineData(null, "", 129, 16, 2)]                        // reference: 16 experts, top-2
    [InlineData("tokens33-e4", "", 33, 4, 2)]
    [InlineData("tokens9-e3-top1", "", 9, 3, 1)]
    [InlineData("tokens33-e4", "topK=4", 33, 4, 4)]          // four list words a token, one a step: still II 1
    public void TheRouterTakesOneCyclePerExpertATokenAtIiOne(string? config, string overrides, int tokens, int experts, int topK)
    {
        var run = KernelEmulationTests.Emulate(KernelCatalog.BuiltIn, "edgemoe_moe", config,
            overrides.Length == 0 ? [] : overrides.Split(' '));
        var routeLoops = run.Timing.Loops.Values.Where(l => l.Function == "MoeUnit_Route").ToList();
        var stepLoop = Assert.Single(routeLoops, l => l.Kind == LoopKind.Pipelined);
        Assert.All(routeLoops.Where(l => l != stepLoop), l => Assert.Equal(LoopKind.Unrolled, l.Kind));
        long trips = ((long)tokens + 1) * experts + topK;
        Assert.Equal(trips, stepLoop.TripCount);
        Assert.Equal(1, stepLoop.II);
        Assert.False(stepLoop.Unmet);
        const int depthBound = 128;
        Assert.InRange(stepLoop.Depth, 1, depthBound);
        long cycles = (trips - 1) * stepLoop.II + stepLoop.Depth;
        double perToken = cycles / (double)tokens;
        Assert.True(perToken <= experts + (double)(experts + topK + depthBound) / tokens,
            $"{cycles} cycles for {tokens} tokens: {perToken:0.00} a token (II {stepLoop.II}, depth {stepLoop.Depth})");
        if (tokens == 129) Assert.True(perToken < 17.5, $"{perToken:0.00} cycles a token at the reference configuration");
    }
}
