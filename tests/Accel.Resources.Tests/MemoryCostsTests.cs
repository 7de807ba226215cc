namespace Accel.Resources.Tests;

/// <summary>Memory mapping by the UltraScale+ primitives, counts worked out by hand.</summary>
public sealed class MemoryCostsTests
{
    private static readonly EstimatorOptions Options = EstimatorOptions.Default;

    [Theory]
    [InlineData(1024, 32, 2)]    // 512x36 simple dual port: 2 deep
    [InlineData(1024, 18, 1)]    // 1Kx18
    [InlineData(2048, 9, 1)]     // 2Kx9
    [InlineData(4096, 32, 8)]    // 4Kx4 x 8 wide = 8, 512x36 x 8 deep = 8
    [InlineData(100, 64, 2)]     // 512x36 x 2 wide
    public void RamsTakeTheFewestBlockRams(long depth, int width, long brams)
    {
        var bank = MemoryCosts.Ram(depth, width, Options);
        Assert.Equal(Storage.Bram, bank.Storage);
        Assert.Equal(brams, bank.Cost.Bram18K);
    }

    [Fact]
    public void ASmallRamIsLutram()
    {
        var bank = MemoryCosts.Ram(32, 32, Options);   // 1 Kbit
        Assert.Equal(Storage.Lutram, bank.Storage);
        Assert.Equal(64, bank.Cost.Lut);                // 32 bits x one 64-deep slice x 2 (write port)
    }

    [Fact]
    public void ALargeRamGoesToUltraRamOnlyWhenAllowed()
    {
        Assert.Equal(Storage.Bram, MemoryCosts.Ram(8192, 72, Options).Storage);
        var uram = MemoryCosts.Ram(8192, 72, Options with { UramMinBits = 256 * 1024 });
        Assert.Equal(Storage.Uram, uram.Storage);
        Assert.Equal(2, uram.Cost.Uram);                 // 4Kx72 x 2 deep
    }

    [Theory]
    [InlineData(257, 32, 2, 2)]    // one copy serves two reads; 1Kx18 x 2 wide (no 36-wide mode with two read ports)
    [InlineData(257, 32, 4, 4)]    // two copies
    [InlineData(1025, 32, 2, 4)]   // 2Kx9 x 4 wide
    public void RomsServeTwoReadsPerBlockRam(long depth, int width, long reads, long brams)
    {
        var bank = MemoryCosts.Rom(depth, width, reads, Options);
        Assert.Equal(Storage.Bram, bank.Storage);
        Assert.Equal(brams, bank.Cost.Bram18K);
    }

    [Fact]
    public void ASmallRomIsLutsCopiedPerRead()
    {
        var bank = MemoryCosts.Rom(16, 16, 3, Options);
        Assert.Equal(Storage.Lutram, bank.Storage);
        Assert.Equal(3 * 16, bank.Cost.Lut);
    }
}
