namespace Accel.Tests.Emulation;

/// <summary>A port that a function reaches through an array parameter is the same m_axi port after Vitis inlines or
/// calls the function: its accesses cost the port's latency, not a block RAM's on top of it.</summary>
public sealed class PortThroughParameterTests
{
    private static LoopTiming CopyLoop(bool throughFunction)
    {
        string loop = """
                    for (int i = 0; i < n; i++) // copy
                    {
                        Hls.Pipeline(1);
                        dst[i] = src[i] + 1;
                    }
            """;
        string source = $$"""
            using Accel.Hw;

            namespace Rules;

            [Kernel("copy")]
            public sealed class Copy(int n = 64)
            {
                [Top]
                public void Run([MAxi("gmem0")] int[] src, [MAxi("gmem1")] int[] dst)
                {
            {{(throughFunction ? "        Body(src, dst);\n    }\n\n    void Body(int[] src, int[] dst)\n    {" : "")}}
            {{loop}}
                }

                [Stimulus]
                public void Stimulus(Stimulus s) => s.Array("src", Enumerable.Range(0, n).ToArray()).Output<int>("dst", n);
            }
            """;
        int line = source.Split('\n').Select((text, i) => (text, i)).First(l => l.text.Contains("// copy")).i + 1;
        var result = KernelRuns.EmulateSource(source, "copy", new KernelEmulator.Options(ClockMhz: 300));
        return result.Timing.Loops.Values.Single(l => l.Line == line);
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
