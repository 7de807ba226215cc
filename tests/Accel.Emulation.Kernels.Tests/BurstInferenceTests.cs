namespace Accel.Tests.Emulation;

/// <summary>Burst inference as UG1399 states its preconditions ("Preconditions and Limitations of Burst Transfer",
/// 2023.2): same-direction accesses on one channel of one bundle in one region are not burst at all, so two
/// interleaved streams of one port (x[i] and x[i + n]) are single-beat requests, bounded by the outstanding limit.</summary>
public sealed class BurstInferenceTests
{
    private static KernelEmulator.Result Run(string sum) => KernelRuns.EmulateSource(TestKernel.Source("rule", "int n = 100",
        """[MAxi("gmem0", "HBM[0]", MaxOutstanding = 2)] int[] x, [MAxi("gmem1", "HBM[1]")] int[] y""", $$"""
                for (int i = 0; i < n; i++)
                {
                    Hls.Pipeline(1);
                    y[i] = {{sum}};
                }
        """, """s.Array("x", Enumerable.Range(0, 2 * n).ToArray()).Output<int>("y", n)"""), "rule");

    [Fact]
    public void TwoStreamsOfOnePortAreSingleBeatRequests()
    {
        // x[i] and x[i + 100] interleave, so neither continues the burst before it: iteration k requests two
        // one-beat bursts (2k, 2k + 1), and with two outstanding they wait for iteration k - 1's to complete.
        // Iteration k - 1 requested at t: both beats ready at t + 64 (the port latency); on the HBM pseudo-channel
        // a 64-byte beat takes 64 / 48 = 4/3 cycle, so the first ends at t + 65 1/3 (usable from t + 66) and the
        // second, started after it, at t + 66 2/3 (usable from t + 67). Iteration k issues at 67 k, and its data
        // is usable at 67 k + 67, where the last stage (depth 67: add 1 + latency 64 + 2) uses it for k = 99
        // one cycle after the stalled pipeline reaches it: the loop ends at 67 x 100 + 1 = 6,701. y's last beat
        // is written then, served over 4/3 cycle (usable from 6,702) and answered 64 cycles later: 6,766.
        var streams = Run("x[i] + x[i + n]");
        var loop = streams.Timing.Loops.Values.Single();
        Assert.Equal((1, 67), (loop.II, loop.Depth));
        Assert.Equal(6_766, streams.Report.TotalCycles);
        Assert.Equal(200, streams.Report.Ports.Single(p => p.Name == "x").ReadRequests);
        Assert.Contains("infers no burst for them", loop.Reason);
    }
}
