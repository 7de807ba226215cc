using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

/// <summary>
/// UG1399's burst precondition: same-direction accesses of two ports of one m_axi bundle in one loop are not
/// burst (MemoryPortSpec.Bundle). Figures on a channel of 64 B a cycle with no latency of its own, so the ports'
/// 10-cycle request latency governs and a 4-byte beat takes 1/16 cycle; one outstanding burst per port direction;
/// pipelined loops of 16 iterations at II 1, depth latency + 2 = 12.
/// </summary>
public class SharedBundleTests
{
    private const int Latency = 10, Iterations = 16;

    private static TimingReport Run(int bundleOfB, Action<TraceRecorder> body)
    {
        var b = new DesignBuilder(300);
        int channel = b.AddChannel(new MemoryChannelSpec("c", MemoryKind.Ddr4, 64L * 300_000_000, 0));
        int p = b.AddProcess("reader");
        b.AddPort("a", p, channel, 32, maxBurstBeats: 16, maxOutstanding: 1, requestLatencyCycles: Latency, bundle: 0);
        b.AddPort("b", p, channel, 32, maxBurstBeats: 16, maxOutstanding: 1, requestLatencyCycles: Latency, bundle: bundleOfB);
        return TimingEngine.Run(b.Build(), [Record(body)]);
    }

    private static void BothEachIteration(TraceRecorder t) =>
        t.Pipelined(1, Latency + 2, Iterations, k => { t.ReadPort(0, k * 4L, 4); t.ReadPort(1, k * 4L, 4); });

    /// <summary>On separate bundles each port's 16 reads are one burst, requested at cycle 0: beat k of each port
    /// is ready at 10 and served at 10 + k (one beat a cycle per port), usable from 11 + k, when iteration k's last
    /// stage uses it: 15 + 12 = 27 cycles. On one bundle every read is a request of its own, and with one
    /// outstanding each waits for the one before on its port: iteration k issues at 11 k (request, 10 cycles,
    /// beat done a cycle later), and the last ends at 15 x 11 + 12 = 177.</summary>
    [Fact]
    public void TwoPortsOfOneBundleReadInOneLoopAreNotBurst()
    {
        Assert.Equal(27, Run(bundleOfB: 1, BothEachIteration).TotalCycles);
        Assert.Equal(177, Run(bundleOfB: 0, BothEachIteration).TotalCycles);
        Assert.Equal(32, Run(bundleOfB: 0, BothEachIteration).Ports.Sum(p => p.ReadRequests));
    }

    /// <summary>In two loops one after the other the bundle's ports never meet in one loop: each loop is one
    /// burst, 27 cycles, so 54.</summary>
    [Fact]
    public void PortsOfOneBundleInSeparateLoopsAreBurst()
    {
        var report = Run(bundleOfB: 0, t =>
        {
            t.Pipelined(1, Latency + 2, Iterations, k => t.ReadPort(0, k * 4L, 4));
            t.Pipelined(1, Latency + 2, Iterations, k => t.ReadPort(1, k * 4L, 4));
        });
        Assert.Equal(54, report.TotalCycles);
        Assert.Equal(2, report.Ports.Sum(p => p.ReadRequests));
    }
}
