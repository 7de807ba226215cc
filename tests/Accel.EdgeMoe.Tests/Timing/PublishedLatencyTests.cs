namespace Accel.EdgeMoe.Tests.Timing;

/// <summary>The paper's figure is printed only on the paper's terms (reference configuration, ZCU102, 300 MHz),
/// and the ratio is emulated over published.</summary>
public sealed class PublishedLatencyTests
{
    [Fact]
    public void ThePaperFigureAppliesOnlyToThePapersSetup()
    {
        var paper = PublishedLatency.For(EncoderConfig.Reference, "zcu102", 300);
        Assert.NotNull(paper);
        Assert.Equal(34.64, paper.Ms);
        Assert.Contains("unconfirmed", paper.Source); // from memory until the paper's table is read (README, "Against the paper")
        Assert.Null(PublishedLatency.For(EncoderConfig.Reference, "u55c", 300));
        Assert.Null(PublishedLatency.For(EncoderConfig.Reference, "zcu102", 200));
        Assert.Null(PublishedLatency.For(EncoderConfig.Small, "zcu102", 300));
        Assert.Equal(2.0, paper.Ratio(69.28), 12);
    }
}
