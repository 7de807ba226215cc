namespace Accel.Tests.Emulation;

/// <summary>A port that a function reaches through an array parameter is the same m_axi port after Vitis inlines or
/// calls the function: its accesses cost the port's latency, not a block RAM's on top of it.</summary>
public sealed class PortThroughParameterTests
{
    private const string CopyPlusOne = """
                    for (int i = 0; i < n; i++) // copy
                    {
                        Hls.Pipeline(1);
                        dst[i] = src[i] + 1;
                    }
            """;

    private static LoopTiming CopyLoop(bool throughFunction)
    {
        string source = TestKernel.Source("copy", "int n = 64", """[MAxi("gmem0")] int[] src, [MAxi("gmem1")] int[] dst""",
            throughFunction ? "Body(src, dst);" : CopyPlusOne,
            """s.Array("src", Enumerable.Range(0, n).ToArray()).Output<int>("dst", n)""",
            throughFunction ? "void Body(int[] src, int[] dst)\n{\n" + CopyPlusOne + "\n}" : "");
        return TestKernel.Loop(source, "copy", "// copy", function: throughFunction ? "Body" : "Run");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APortReadThroughAParameterCostsThePortLatencyOnly(bool throughFunction)
    {
        // Body: the add (0.37 cycles at 300 MHz) rounds up to 1 cycle; the loop reads a port, so its depth adds
        // the m_axi read latency (64) + 2 (request and response registers): 1 + 66 = 67. The element read and write
        // are the port's (no block RAM read of 2 cycles, no write cycle), whether Run or a function it calls does them.
        var loop = CopyLoop(throughFunction);
        Assert.Equal(LoopKind.Pipelined, loop.Kind);
        Assert.Equal(1, loop.II);
        Assert.Equal(67, loop.Depth);
    }
}
