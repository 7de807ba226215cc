using Accel.Testbenches;

namespace Accel.Tests.Emulation;

/// <summary>A 3-D m_axi port in the emulator: the hooked copy records each element at its row-major address and
/// updates it in place, so the outputs are the kernel's and the traffic is the elements' bytes.</summary>
public sealed class MultiDimensionalPortTests
{
    [Fact]
    public void A3DPortIsReadAndUpdatedInPlaceAtItsRowMajorAddresses()
    {
        const string source = """
            using Accel.Hw;

            namespace Rules;

            [Kernel("cube")]
            public sealed class Cube(int n = 3)
            {
                [Top]
                public void Run([MAxi("gmem0")] int[,,] volume)
                {
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++)
                            for (long k = 0; k < n; k++)
                            {
                                Hls.Pipeline(1);
                                volume[i, j, k] += i * 100 + j * 10 + (int)k;
                            }
                }

                [Stimulus]
                public void Stimulus(Stimulus s) => s.Array("volume", new int[n, n, n]);
            }
            """;
        var result = KernelRuns.EmulateSource(source, "cube");
        var volume = (int[,,])result.Outputs["volume"];
        Assert.Equal(212, volume[2, 1, 2]);
        Assert.Equal(21, volume[0, 2, 1]);
        // 27 elements of 4 bytes, each read once and written once (the update is one read and one write).
        var port = Assert.Single(result.Report.Ports);
        Assert.Equal((27L * 4, 27L * 4), (port.BytesRead, port.BytesWritten));
    }
}
