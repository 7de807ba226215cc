namespace Accel.Resources.Tests;

/// <summary>Parts by name, and a configuration that does not fit is flagged with the resource that overflows.</summary>
public sealed class FitTests
{
    [Theory]
    [InlineData("zcu102", "xczu9eg")]
    [InlineData("XCZU9EG", "xczu9eg")]
    [InlineData("xczu9eg-ffvb1156-2-e", "xczu9eg")]
    [InlineData("u55c", "xcu55c")]
    [InlineData("u280", "xcu280")]
    public void PartsAreFoundByBoardOrPartName(string name, string part) => Assert.Equal(part, Parts.Find(name).Name);

    [Fact]
    public void TheCapacitiesAreThoseOfTheDeviceTables()
    {
        Assert.Equal(new ResourceVector(2520, 1824, 0, 274_080, 548_160), Parts.Find("zcu102").Capacity);
        Assert.Equal(new ResourceVector(9024, 4032, 960, 1_303_680, 2_607_360), Parts.Find("u55c").Capacity);
        Assert.Equal(Parts.Find("u55c").Capacity, Parts.Find("u280").Capacity);
    }

    [Fact]
    public void AnUnknownPartListsTheKnownOnes()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Parts.Find("vc707"));
        Assert.Contains("vc707", error.Message);
        Assert.Contains("zcu102", error.Message);
    }

    [Fact]
    public void TheDefaultKernelsFitTheBoards()
    {
        foreach (var kernel in new[] { "softmax", "gelu" })
            foreach (var part in Parts.All)
                Assert.Empty(Parts.Fit(ResourceEstimator.Estimate(Kernels.BuiltIn(kernel)), part));
    }

    [Fact]
    public void GeluWith32LanesOverflowsATinyPart()
    {
        var tiny = new Part("tiny", "test-only", new ResourceVector(Dsp: 32, Bram18K: 16, Uram: 0, Lut: 20_000, Ff: 40_000), ["tiny"]);
        var estimate = ResourceEstimator.Estimate(Kernels.BuiltIn("gelu", "lanes=32"));
        var overflows = Parts.Fit(estimate, tiny);
        var bram = Assert.Single(overflows, o => o.Resource == Resource.Bram18K);
        Assert.Equal(estimate[Resource.Bram18K], bram.Estimated);
        Assert.Equal(16, bram.Available);
        Assert.StartsWith("BRAM_18K overflows tiny: the estimate needs ", bram.Message);
        Assert.Contains("allows 16", bram.Message);
        Assert.Contains(overflows, o => o.Resource == Resource.Dsp);
        Assert.Empty(Parts.Fit(ResourceEstimator.Estimate(Kernels.BuiltIn("gelu", "lanes=1")), tiny));
    }

    [Fact]
    public void AHugeArrayOverflowsTheBlockRamOfTheZcu102AndNamesIt()
    {
        var estimate = ResourceEstimator.Estimate(Kernels.FromSource(Kernels.Source("int n = 1048576", """[MAxi("gmem0")] long[] x, [MAxi("gmem1")] long[] y, int count""", """
                    long[] buffer = new long[n];
                    for (int i = 0; i < count; i++) buffer[i % n] = x[i];
                    for (int i = 0; i < count; i++) y[i] = buffer[(i * 7) % n];
            """)));
        // 1M x 64 bit: 512x36 x 2 wide x 2048 deep = 4096 block RAMs, over the 1824 of the ZCU102.
        var buffer = Assert.Single(estimate.Memories, m => m.Name == "buffer");
        Assert.Equal(4096, buffer.Cost.Bram18K);
        var overflow = Assert.Single(Parts.Fit(estimate, Parts.Find("zcu102")));
        Assert.Equal(Resource.Bram18K, overflow.Resource);
        Assert.Contains("BRAM_18K", overflow.Message);
        Assert.Contains("1824", overflow.Message);
        // With UltraRAM allowed, the U55C holds it: 1M x 64 is 256 x 4Kx72 UltraRAMs.
        var withUram = ResourceEstimator.Estimate(Kernels.FromSource(Kernels.Source("int n = 1048576", """[MAxi("gmem0")] long[] x, int count""", """
                    long[] buffer = new long[n];
                    for (int i = 0; i < count; i++) buffer[i % n] = x[i];
                    for (int i = 0; i < count; i++) x[i] = buffer[(i * 7) % n];
            """)), EstimatorOptions.Default with { UramMinBits = 288 * 1024 });
        Assert.Equal(256, withUram[Resource.Uram]);
        Assert.Empty(Parts.Fit(withUram, Parts.Find("u55c")));
    }

    [Fact]
    public void AUtilisationCeilingTightensTheFit()
    {
        var estimate = ResourceEstimator.Estimate(Kernels.BuiltIn("softmax"));
        var lut = estimate[Resource.Lut];
        var part = new Part("edge", "test-only", new ResourceVector(1000, 1000, 0, lut, 1_000_000), ["edge"]);
        Assert.Empty(Parts.Fit(estimate, part));
        Assert.Equal(Resource.Lut, Assert.Single(Parts.Fit(estimate, part, maxUtilisation: 0.8)).Resource);
    }
}

/// <summary>The composed M3ViT encoder at the reference configuration fits the ZCU102 it was built for, because it
/// is built as Edge-MoE is: one linear unit serves every linear layer. Its 16 x 16 multiply-accumulates are counted
/// once: 256 products of a 32-bit activation and a 16-bit weight, each two DSP48E2 (a 27 x 18 multiplier holds
/// 16 x 27 bits, so 32 x 16 takes two) = 512 DSPs, where six linear call sites used to cost 3,072.</summary>
public sealed class EncoderFitTests
{
    [Fact]
    public void TheReferenceEncoderFitsTheZcu102WithOneLinearUnit()
    {
        var estimate = ResourceEstimator.Estimate(Kernels.BuiltIn("edgemoe_encoder"));
        Assert.Empty(Parts.Fit(estimate, Parts.Find("zcu102")));
        Assert.Equal(2 * 16 * 16, estimate.ByFunction["LinearUnit_MacStep"].Dsp);
    }
}
