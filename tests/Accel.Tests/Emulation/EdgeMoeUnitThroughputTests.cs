using Accel.Testbenches;

namespace Accel.Tests.Emulation;

/// <summary>The Edge-MoE units keep their arithmetic busy: the linear unit sustains its tileOut x tileIn block of
/// multiply-accumulates per cycle with the next tile's fetch hidden under the current tile's compute, and
/// LayerNorm handles `lanes` elements per cycle with gamma and beta read once per call.</summary>
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
}
