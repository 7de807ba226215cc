using Accel.Kernels.Catalog;

namespace Accel.Tests.Emulation;

/// <summary>The Edge-MoE units keep their arithmetic busy: the linear unit sustains its tileOut x tileIn block of
/// multiply-accumulates per cycle with the next tile's fetch hidden under the current tile's compute, and
/// LayerNorm handles `lanes` elements per cycle with gamma and beta read once per call, and the MoE router takes a
/// token per cycle.</summary>
public sealed class EdgeMoeUnitThroughputTests
{
    [Theory]
    [InlineData(192, 576, 16, 16)]   // the reference qkv projection
    [InlineData(768, 192, 16, 16)]   // fc2
    [InlineData(192, 192, 8, 4)]
    public void TheLinearUnitRunsOneMacBlockPerCycle(int inDim, int outDim, int tileIn, int tileOut)
    {
        const int tokens = 129;
        var run = KernelRuns.Emulate(KernelCatalog.BuiltIn, "edgemoe_linear", null,
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
        var run = KernelRuns.Emulate(KernelCatalog.BuiltIn, "edgemoe_layernorm", null, []);
        Assert.Equal(2L * dim, run.Report.Ports.Single(p => p.Name == "gamma").BytesRead);
        Assert.Equal(4L * dim, run.Report.Ports.Single(p => p.Name == "beta").BytesRead);
        // two passes over each row (the sums, then the normalisation) plus the copies in and out, each lanes
        // elements per cycle, plus per-row fill, the two divides and the reciprocal square root
        long passes = (2L * tokens + 2L * tokens) * (dim / lanes);
        Assert.True(run.Report.TotalCycles >= passes);
        Assert.True(run.Report.TotalCycles <= passes + tokens * 300L, $"{run.Report.TotalCycles} cycles for {passes} cycles of passes");
    }

    /// <summary>The router (MoeUnit.Route) is one pipelined loop over the tokens with the experts unrolled. Its II,
    /// derived by hand from the rules of "The emulator": the token's logits are read side by side, one per bank
    /// (logits is cyclic by tileOut >= experts in these configurations: at most one access a bank of 2 ports);
    /// each exp reads its own copy of the table ROM; counts are registers, each its own one-adder recurrence
    /// (a 32-bit add, 0.37 cycle at 300 MHz); topLogit and topExpert are set in full before they are read, so
    /// nothing is carried from one token to the next; the one bound left is the topK words each of lists and
    /// listScores receive per token, at addresses the index does not tell, on one block RAM of 2 ports:
    /// II = ceil(topK / 2), 1 at top-2 and top-1. The engine times the loop as (tokens - 1) II + depth, so a
    /// token costs II cycles plus the depth spread over the call. The depth is one token's latency, which the
    /// emulator adds up statement by statement, an unrolled loop costing one copy (so it does not grow with the
    /// experts): the row's multiply (32-bit, 4 cycles), the logit read (2), the max, one expert's exp (two
    /// 64-bit multiplies of 6 cycles and the table read) and insertion, the reciprocal (the linear estimate and
    /// three Newton steps of two multiplies: 7 multiplies, 42 cycles), one slot's list address (a 4-cycle
    /// multiply) and probability (exp again, 12 + 2, and the multiply by the reciprocal, 6): 80 cycles of
    /// multiplies and 6 of reads, plus the carry chains, variable shifts and multiplexers between them, each a
    /// fraction of a cycle. Measured 134; the bound is 160.
    /// The two passes per token it replaced took 214 cycles a token (41 of straight-line code, 18 and 57 for the
    /// two pipelined passes, 2 x 49 for the two list entries): the router went from 27,607 cycles to 262. A
    /// router of one expert a cycle (one exp for all, 16 or 32 cycles a token) was tried while the estimator
    /// counted a multiplexer for every register read an unrolled copy indexes through a local, which put this
    /// one's encoder at 104% of the ZCU102's LUTs; counted as Vitis builds it, the encoder fits with it (91%).</summary>
    [Theory]
    [InlineData(null, "", 129, 2)]                        // reference: 16 experts, top-2
    [InlineData("tokens33-e4", "", 33, 2)]
    [InlineData("tokens9-e3-top1", "", 9, 1)]
    [InlineData("tokens33-e4", "topK=4", 33, 4)]          // four list words a token on 2 ports: II 2, reported
    public void TheRouterTakesATokenPerCycle(string? config, string overrides, int tokens, int topK)
    {
        var run = KernelRuns.Emulate(KernelCatalog.BuiltIn, "edgemoe_moe", config,
            overrides.Length == 0 ? [] : overrides.Split(' '));
        var routeLoops = run.Timing.Loops.Values.Where(l => l.Function == "MoeUnit_Route").ToList();
        var tokenLoop = Assert.Single(routeLoops, l => l.Kind == LoopKind.Pipelined);
        Assert.All(routeLoops.Where(l => l != tokenLoop), l => Assert.Equal(LoopKind.Unrolled, l.Kind));
        int ii = (topK + 1) / 2;
        Assert.Equal(tokens, tokenLoop.TripCount);
        Assert.Equal(ii, tokenLoop.II);
        Assert.Equal(ii > 1, tokenLoop.Unmet);   // II 1 asked: met unless the list words outnumber the ports
        const int depthBound = 160;
        Assert.InRange(tokenLoop.Depth, 1, depthBound);
        long cycles = (long)(tokens - 1) * tokenLoop.II + tokenLoop.Depth;
        double perToken = cycles / (double)tokens;
        Assert.True(perToken <= ii + (double)depthBound / tokens,
            $"{cycles} cycles for {tokens} tokens: {perToken:0.00} a token (II {tokenLoop.II}, depth {tokenLoop.Depth})");
        if (tokens == 129) Assert.True(perToken < 2.25, $"{perToken:0.00} cycles a token at the reference configuration");
    }
}
