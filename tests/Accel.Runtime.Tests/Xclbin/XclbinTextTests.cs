namespace Accel.Runtime.Tests.Xclbin;

public sealed class XclbinTextTests
{
    [Fact]
    public void Rendering_shows_what_xclbinutil_info_shows()
    {
        var file = XclbinReader.Read(new MemoryStream(SampleDesigns.FullBytes()), "sample.xclbin");

        var lines = XclbinText.Render(file).Split('\n').Select(l => l.TrimEnd()).ToList();

        Assert.Equal("xclbin: sample.xclbin", lines[0]);
        Assert.Contains($"  UUID:      {SampleDesigns.Uuid}", lines);
        Assert.Contains("  Platform:  xilinx_u55c_gen3x16_xdma_3_202210_1", lines);
        Assert.Contains("Sections (5):", lines);
        Assert.Contains("  KERNEL_CLK       Kernel   500 MHz", lines);
        Assert.Contains("  [3] HBM[3]       Hbm        used    base 0x30000000  size 256 MiB", lines);
        Assert.Contains("  vadd(int* in, int* out, unsigned int n)", lines);
        Assert.Contains("    arg  [2] n            Scalar   port S_AXI_CONTROL  offset 0x28  size 4  type unsigned int", lines);
        Assert.Contains("    compute unit scale_2  base 0x1820000  ApCtrlChain  interrupt on", lines);
        Assert.Contains("      out -> HBM[2] (bank 2)", lines);
        Assert.Contains("  orphan(unsigned int n)", lines);
    }
}
