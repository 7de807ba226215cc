namespace Accel.Omap.Tests.Statistics;

/// <summary>The chi-square statistics and the p-values taken from MathNet must give textbook values (df/2 and x/2
/// passed the right way round), or no obliviousness verdict means anything.</summary>
public sealed class ChiSquareTests
{
    [Theory]
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(10.827566170662733, 1, 0.001)]
    [InlineData(18.307038053275146, 10, 0.05)]
    [InlineData(124.34211340400407, 100, 0.05)]
    [InlineData(149.44925277903877, 100, 0.001)]
    public void UpperTailMatchesTableCriticalValues(double statistic, int df, double p) =>
        Assert.Equal(p, ChiSquare.UpperTail(statistic, df), p * 1e-6);

    [Theory]
    [InlineData(0.3)]
    [InlineData(4)]
    [InlineData(60)]
    public void UpperTailMatchesClosedFormsForTwoAndFourDegrees(double x)
    {
        // With df = 2, Q = e^(-x/2); with df = 4, Q = e^(-x/2) (1 + x/2).
        Assert.Equal(Math.Exp(-x / 2), ChiSquare.UpperTail(x, 2), 1e-14);
        Assert.Equal(Math.Exp(-x / 2) * (1 + x / 2), ChiSquare.UpperTail(x, 4), 1e-14);
    }

    [Fact]
    public void GoodnessOfFitAndHomogeneityMatchHandComputation()
    {
        // (10 - 20)^2/20 + 0 + (30 - 20)^2/20 = 10 with 2 df: p = e^-5.
        var fit = ChiSquare.GoodnessOfFit([10, 20, 30], [1.0 / 3, 1.0 / 3, 1.0 / 3]);
        Assert.Equal(10, fit.Statistic, 1e-12);
        Assert.Equal(2, fit.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-5), fit.PValue, 1e-14);

        // Every expected count is 15, each cell is off by 5: 4 * 25 / 15 with 1 df.
        var homogeneity = ChiSquare.Homogeneity([[10, 20], [20, 10]]);
        Assert.Equal(100.0 / 15, homogeneity.Statistic, 1e-12);
        Assert.Equal(1, homogeneity.DegreesOfFreedom);
        Assert.Equal(0.009823274507519245, homogeneity.PValue, 1e-9);
    }

    [Fact]
    public void TooFewExpectedCountsAreRejected() =>
        Assert.Throws<ArgumentException>(() => ChiSquare.GoodnessOfFit([1, 2, 3], [1.0 / 3, 1.0 / 3, 1.0 / 3]));

    [Fact]
    public void PValuesAreUniformUnderTheNullHypothesis()
    {
        // 2000 fits of 200 fair 8-sided draws: about 5% and 1% of p-values fall below 0.05 and 0.01.
        using var random = new SeededRandomSource(61);
        var uniform = Enumerable.Repeat(1.0 / 8, 8).ToArray();
        int below5 = 0, below1 = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            var counts = new long[8];
            for (int draw = 0; draw < 200; draw++) counts[random.NextBelow(8)]++;
            double p = ChiSquare.GoodnessOfFit(counts, uniform).PValue;
            if (p < 0.05) below5++;
            if (p < 0.01) below1++;
        }
        // Binomial(2000, 0.05) has sd ~9.7; (2000, 0.01) has sd ~4.4: bands of about 4 sd.
        Assert.InRange(below5, 60, 140);
        Assert.InRange(below1, 3, 38);
    }
}
