namespace Accel.Resources.Tests;

/// <summary>Operator counts of small kernels, derived by hand from the rules in ResourceEstimator.</summary>
public sealed class DatapathCountTests
{
    private static IEnumerable<CostItem> Ops(ResourceEstimate e, string what) => e.Items.Where(i => i.What.StartsWith(what, StringComparison.Ordinal));

    private static readonly string Unrolled = Kernels.Source("int k = 4, int factor = 0", Kernels.XToY, """
                for (int i = 0; i < k; i++)
                {
                    Hls.Unroll(factor);
                    y[i] = x[i] * x[i + 8];
                }
        """);

    [Theory]
    [InlineData(4, 0, 4)]   // full unroll: k copies, loop counter gone
    [InlineData(6, 0, 6)]
    [InlineData(8, 2, 2)]   // partial unroll by 2: two copies
    [InlineData(3, 8, 3)]   // a factor past the trip count is a full unroll
    public void AnUnrolledLoopHoldsOneMultiplierPerCopy(int k, int factor, int multipliers)
    {
        var e = ResourceEstimator.Estimate(Kernels.FromSource(Unrolled, $"k={k}", $"factor={factor}"));
        var mul = Assert.Single(Ops(e, "mul "));
        Assert.Equal("mul 32x32->32", mul.What);   // int * int keeps 32 bits
        Assert.Equal(multipliers, mul.Count);
        bool counterKept = Ops(e, "lt ").Any();
        Assert.Equal(factor != 0 && factor < k, counterKept);
    }

    [Fact]
    public void APipelinedLoopUnrollsTheLoopsInsideItAndFoldsConstants()
    {
        var e = ResourceEstimator.Estimate(Kernels.FromSource(Kernels.Source("int n = 64", """[MAxi("gmem0")] int[] x, [MAxi("gmem1")] long[] y""", """
                    for (int i = 0; i < n; i++)
                    {
                        Hls.Pipeline(1);
                        long acc = 0;
                        for (int j = 0; j < 3; j++)
                            acc += (long)x[i] * (j + 5);
                        y[i] = acc << (n - 60);
                    }
            """)));
        // (long)x * (j + 5): j is a constant of 0..2 in each of the 3 copies (3 bits), j + 5 one bit more, so 3
        // multipliers of 32 x 5 bits keeping 37,
        // 3 accumulating adders; the shift by the constant n - 60 is wiring.
        var mul = Assert.Single(Ops(e, "mul "));
        Assert.Equal(3, mul.Count);
        Assert.Equal("mul 32x5->37", mul.What);
        Assert.DoesNotContain(e.Items, i => i.What.StartsWith("shl", StringComparison.Ordinal));
        // The outer loop keeps its counter: i + 1 and i < n; the 3 adders of acc are the others.
        Assert.Equal(1, Ops(e, "lt ").Sum(i => i.Count));
        Assert.Equal(4, Ops(e, "add ").Sum(i => i.Count));
    }

    [Fact]
    public void AnExpressionOfUnchangingValuesIsComputedOnce()
    {
        var e = ResourceEstimator.Estimate(Kernels.FromSource(Kernels.Source("int n = 64, int m = 7", Kernels.XToY, """
                    for (int i = 0; i < n; i++)
                    {
                        Hls.Pipeline(1);
                        y[i * m] = x[i * m] * 3;
                        int a = x[i];
                        y[a * m + 1] = 1;
                        a = a + 1;
                        y[a * m + 1] = 2;
                    }
            """)));
        // i * m appears twice with i unchanged (only the loop's step assigns it): one multiplier. a * m appears
        // twice but a changes in between: two. x[...] * 3: one. m = 7 needs 4 bits, 3 needs 3.
        Assert.Equal(1 + 2, Ops(e, "mul 32x4->").Sum(i => i.Count));
        Assert.Equal(1, Ops(e, "mul 32x3->").Sum(i => i.Count));
    }

    [Fact]
    public void TwoLoopCountersOfOneNameAreTwoValues()
    {
        var e = ResourceEstimator.Estimate(Kernels.FromSource(Kernels.Source("int n = 64, int m = 7", Kernels.XToY, """
                    for (int i = 0; i < n; i++)
                    {
                        Hls.Pipeline(1);
                        y[i * m] = x[i];
                    }
                    for (int i = 0; i < n; i++)
                    {
                        Hls.Pipeline(1);
                        y[i * m + 1] = x[i];
                    }
            """)));
        // Each loop has a counter of its own: i * m is a multiplier in each loop, not one computed once (the IR's
        // variables have identity, so the second i is not the first).
        Assert.Equal(2, Ops(e, "mul 32x4->").Sum(i => i.Count));
    }

    [Fact]
    public void LookupTablesAreCopiedForTheReadsOfAPipelinedLoop()
    {
        // Gelu reads the correction table twice per lane per cycle: one dual-port block RAM per lane.
        foreach (var lanes in new[] { 1, 4 })
        {
            var e = ResourceEstimator.Estimate(Kernels.BuiltIn("gelu", $"lanes={lanes}"));
            var rom = Assert.Single(e.Memories, m => m.IsRom);
            Assert.Equal((177, 16), (rom.Depth, rom.Width));
            Assert.Equal(lanes, rom.Banks);
            Assert.Equal(Storage.Bram, rom.Storage);
            Assert.Equal(lanes, rom.Cost.Bram18K); // 177 x 16 fits one 1Kx18 block RAM
        }
    }

    [Fact]
    public void ACompletelyPartitionedArrayIsRegistersAndACyclicOneIsBanks()
    {
        var e = ResourceEstimator.Estimate(Kernels.BuiltIn("softmax", "lanes=4"));
        var laneMax = Assert.Single(e.Memories, m => m.Name == "laneMax");
        Assert.Equal(Storage.Registers, laneMax.Storage);
        Assert.Equal(4 * 64, laneMax.Cost.Ff);
        var row = Assert.Single(e.Memories, m => m.Name == "row");
        Assert.Equal(4, row.Banks);
        Assert.Equal(33, row.Depth);   // ceil(129 / 4)
        Assert.Equal(Storage.Bram, row.Storage); // 33 x 32 = 1056 bits > 1 Kbit
    }

    private static string Dense(string index) => Kernels.Source("int nIn = 64, int nOut = 16", """[MAxi("gmem0")] sbyte[] x, [MAxi("gmem1")] sbyte[] w, [MAxi("gmem2")] int[] y""", $$"""
                var xLocal = new sbyte[nIn];
                Hls.ArrayPartition(xLocal, PartitionKind.Complete);
                for (int i = 0; i < nIn; i++) { Hls.Pipeline(1); xLocal[i] = x[i]; }
                for (int o = 0; o < nOut; o++)
                {
                    Hls.Pipeline(1);
                    int acc = 0;
                    int row = o * nIn;
                    for (int i = 0; i < nIn; i++)
                    {
                        Hls.Unroll();
                        {{index}}
                    }
                    y[o] = acc;
                }
        """);

    [Fact]
    public void AnIndexHeldInALocalCostsWhatTheSameIndexWrittenInlineCosts()
    {
        // The unrolled copies see i as a constant whether it is read directly or through a local, so each copy
        // reads its own register of xLocal (no multiplexer over the 64 registers) and multiplies once.
        var inline = ResourceEstimator.Estimate(Kernels.FromSource(Dense("acc += xLocal[i] * w[o * nIn + i];")));
        var local = ResourceEstimator.Estimate(Kernels.FromSource(Dense("int k = i; int at = row + k; acc += xLocal[k] * w[at];")));
        Assert.Equal(inline.Total, local.Total);
        Assert.Empty(Ops(inline, "muxn "));
        Assert.Equal(64, Assert.Single(Ops(inline, "mul ")).Count);
    }
}
