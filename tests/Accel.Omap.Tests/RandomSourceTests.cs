namespace Accel.Omap.Tests;

public sealed class RandomSourceTests
{
    [Fact]
    public void SameSeedGivesTheSameStreamAndOtherSeedsDiffer()
    {
        using var a = new SeededRandomSource(5);
        using var b = new SeededRandomSource(5);
        using var c = new SeededRandomSource(6);
        var fromA = Enumerable.Range(0, 1000).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(fromA, Enumerable.Range(0, 1000).Select(_ => b.NextUInt64()));
        Assert.NotEqual(fromA, Enumerable.Range(0, 1000).Select(_ => c.NextUInt64()));
    }

    [Fact]
    public void FillContinuesTheSameStream()
    {
        using var words = new SeededRandomSource(7);
        using var bytes = new SeededRandomSource(7);
        var expected = new byte[10_000];
        for (int i = 0; i < expected.Length; i += 8) BitConverter.TryWriteBytes(expected.AsSpan(i), words.NextUInt64());
        var actual = new byte[10_000];
        bytes.Fill(actual.AsSpan(0, 3));
        bytes.Fill(actual.AsSpan(3));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(int.MaxValue)]
    public void NextBelowStaysInRange(int bound)
    {
        using var random = new SeededRandomSource(8);
        for (int i = 0; i < 10_000; i++) Assert.InRange(random.NextBelow(bound), 0, bound - 1);
    }

    [Fact]
    public void NextBelowIsUniform()
    {
        // 102 cells, as many as the obliviousness tests' BOLT host pages.
        using var random = new SeededRandomSource(9);
        var counts = new long[102];
        for (int i = 0; i < 102_000; i++) counts[random.NextBelow(102)]++;
        var fit = ChiSquare.GoodnessOfFit(counts, Enumerable.Repeat(1.0 / 102, 102).ToArray());
        Assert.True(fit.PValue >= 1e-4, fit.ToString());
    }

    [Fact]
    public void ProductionSourceDrawsInRange()
    {
        var random = new CryptoRandomSource();
        var draws = Enumerable.Range(0, 1000).Select(_ => random.NextBelow(1000)).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 0, 999));
        Assert.True(draws.Distinct().Count() > 500, "1000 draws from 1000 values should mostly differ");
    }

    [Fact]
    public void NonPositiveBoundIsRejected()
    {
        using var random = new SeededRandomSource(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextBelow(0));
    }
}
