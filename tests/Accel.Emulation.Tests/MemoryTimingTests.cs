using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

/// <summary>
/// Model: a read burst's beats are ready latency cycles after the request; the channel serves one beat at a
/// time, a W-byte beat taking W / (bandwidth / clock) cycles, a port starting at most one beat per cycle; a
/// read's data is usable from the first whole cycle after its beat ends. In a pipelined loop the request is
/// made at the issue cycle and the data used at stage depth - 1.
/// HBM pseudo-channel at 300 MHz: 14.4e9 / 300e6 = 48 bytes per cycle.
/// </summary>
public class MemoryTimingTests
{
    private const int Latency = MemoryPortSpec.VitisDefaultLatencyCycles;

    // Depth covers the port latency (as Vitis schedules m_axi reads), so the loop only stalls for bandwidth.
    private const int StreamDepth = Latency + 2;

    private static ProcessTrace ReadStream(int port, int beats, int beatBytes) =>
        Record(t => t.Pipelined(1, StreamDepth, beats, k => t.ReadPort(port, (long)k * beatBytes, beatBytes)));

    /// <summary>One process running <paramref name="trace"/> on its one port, of <paramref name="widthBits"/>, alone on
    /// <paramref name="channel"/> (an HBM pseudo-channel unless given).</summary>
    private static (TimingReport Report, int Port) Alone(int widthBits, Func<int, ProcessTrace> trace, MemoryChannelSpec? channel = null, double clockMhz = 300)
    {
        var b = new DesignBuilder(clockMhz);
        int port = b.AddPort("in", b.AddProcess("reader"), b.AddChannel(channel ?? MemoryPresets.U55cHbmPseudoChannel("HBM[0]")), widthBits);
        return (TimingEngine.Run(b.Build(), [trace(port)]), port);
    }

    /// <summary>
    /// 1024 beats of 64 B (64 KiB) through a 512-bit port: the channel (48 B/cycle) is the bottleneck, each beat
    /// takes 4/3 cycle, beat i ends at 64 + (i+1)*4/3. The last is used at ceil(64 + 1024*4/3) = 1430 and the
    /// loop ends one cycle later: cycles = latency + ceil(bytes / (bytes per cycle)) + 1 = 64 + 1366 + 1 = 1431.
    /// </summary>
    [Fact]
    public void ChannelBoundStreamTakesBytesOverBandwidthPlusLatency()
    {
        var (report, port) = Alone(512, p => ReadStream(p, 1024, 64));

        Assert.Equal(Latency + (65536 + 47) / 48 + 1, report.TotalCycles);
        Assert.Equal(1431, report.TotalCycles);
        Assert.Equal(65536, report.Ports[port].BytesRead);
        Assert.Equal(1024 / 16, report.Ports[port].ReadRequests);
        // 65536 B in 1431 cycles at 300 MHz = 13.74 GB/s, just under the channel's 14.4.
        Assert.Equal(65536 / (1431 / 300e6) / 1e9, report.Ports[port].AchievedGBps, 9);
    }

    /// <summary>
    /// A 256-bit port moves 32 B per cycle, less than the channel's 48: the port is the bottleneck, beat i
    /// starts at 64 + i and is usable at 65 + i: cycles = latency + beats + 1 = 64 + 2048 + 1 = 2113.
    /// </summary>
    [Fact]
    public void PortBoundStreamMovesOneBeatPerCycle()
    {
        var (report, _) = Alone(256, p => ReadStream(p, 2048, 32));

        Assert.Equal(Latency + 2048 + 1, report.TotalCycles);
    }

    /// <summary>
    /// Two readers of 512 beats each on one pseudo-channel: their beats alternate (A, B, A, ...), beat m of the
    /// pair sequence ending at 64 + (m+1)*4/3. A's last (m = 1022) is used at 64 + 1364 = 1428, B's (m = 1023)
    /// at ceil(64 + 1365.33) = 1430: A ends at 1429, B at 1431 = the single 1024-beat stream.
    /// On two pseudo-channels each is a 512-beat stream alone: 64 + ceil(512*4/3) + 1 = 748.
    /// Sharing takes each port from 13.1 to 6.9 GB/s (1431 / 748 = 1.91 times longer).
    /// </summary>
    [Fact]
    public void TwoPortsOnOneChannelShareItsBandwidth()
    {
        var shared = TwoReaders(sameChannel: true);
        var separate = TwoReaders(sameChannel: false);

        Assert.Equal(1429, shared.Processes[0].FinishCycle);
        Assert.Equal(1431, shared.Processes[1].FinishCycle);
        Assert.Equal(748, separate.Processes[0].FinishCycle);
        Assert.Equal(748, separate.Processes[1].FinishCycle);
        Assert.InRange(shared.Ports[0].AchievedGBps / separate.Ports[0].AchievedGBps, 0.52, 0.53);
    }

    private static TimingReport TwoReaders(bool sameChannel)
    {
        var b = new DesignBuilder(300);
        int a = b.AddProcess("a"), c = b.AddProcess("b");
        int hbm0 = b.AddChannel(MemoryPresets.U55cHbmPseudoChannel("HBM[0]"));
        int hbm1 = b.AddChannel(MemoryPresets.U55cHbmPseudoChannel("HBM[1]"));
        int portA = b.AddPort("a_in", a, hbm0, 512);
        int portB = b.AddPort("b_in", c, sameChannel ? hbm0 : hbm1, 512);
        return TimingEngine.Run(b.Build(), [ReadStream(portA, 512, 64), ReadStream(portB, 512, 64)]);
    }

    /// <summary>
    /// 512 writes of 64 B at II=1, depth 2: write k at cycle k + 1, its beat ready then; the channel needs 4/3
    /// cycle per beat, so the last beat ends at 1 + 512*4/3 = 683.67 (usable 684) and its burst's response
    /// comes 64 cycles later: the process ends at 748 although its loop ends at 513.
    /// </summary>
    [Fact]
    public void WriteStreamEndsWithItsLastResponse()
    {
        var (report, port) = Alone(512, p => Record(t => t.Pipelined(1, 2, 512, k => t.WritePort(p, k * 64L, 64))));

        Assert.Equal(748, report.TotalCycles);
        Assert.Equal(748 - 513, report.Processes.Single().StalledOnOutputCycles);
        Assert.Equal(32, report.Ports[port].WriteRequests);
        Assert.Equal(32768, report.Ports[port].BytesWritten);
    }

    /// <summary>
    /// Across PCIe the channel latency (1000 ns = 300 cycles at 300 MHz) exceeds the port's 64 and governs.
    /// One 64 B read: beat ready at 300, 64 B at 40 B/cycle takes 1.6 cycles, usable at ceil(301.6) = 302;
    /// the read happens in cycle 302 and the process ends at 303.
    /// </summary>
    [Fact]
    public void HostLinkLatencyGovernsWhenLongerThanThePortLatency()
    {
        var b = new DesignBuilder(300);
        int p = b.AddProcess("reader");
        int port = b.AddPort("host", p, b.AddChannel(MemoryPresets.PcieGen3x16Host()), 512);
        var design = b.Build();

        var report = TimingEngine.Run(design, [Record(t => t.ReadPort(port, 0, 64))]);

        Assert.Equal(300, design.EffectiveLatencyCycles(port));
        Assert.Equal(303, report.TotalCycles);
    }

    /// <summary>
    /// 32-bit port, 16-beat bursts of 4 B: 167 reads from 4088 cover [4088, 4756). The first burst stops at the
    /// 4 KiB boundary after 2 beats; the remaining 165 beats make 10 full bursts and one of 5: 12 requests.
    /// The same reads from 4096 make 167 = 10 x 16 + 7 beats: 11 requests.
    /// </summary>
    [Theory]
    [InlineData(4088, 12)]
    [InlineData(4096, 11)]
    public void BurstsSplitAtFourKilobyteBoundaries(long start, long requests)
    {
        Assert.Equal(requests, ReadRequests(32, 4, start, 167));
    }

    /// <summary>
    /// 512-bit port, 16 beats = 1024 B per burst, 8192 B read from 512: [512,1536) [1536,2560) [2560,3584)
    /// [3584,4096) (cut at 4 KiB) [4096,5120) [5120,6144) [6144,7168) [7168,8192) [8192,8704) = 9 requests.
    /// </summary>
    [Fact]
    public void WideBurstIsCutAtTheBoundaryItWouldCross()
    {
        Assert.Equal(9, ReadRequests(512, 64, 512, 128));
    }

    [Fact]
    public void StridedAccessesDoNotCoalesce()
    {
        // Every other 4-byte word: no access starts where the previous ended, so each is its own request.
        var (report, port) = Alone(32, p => Record(t => t.Pipelined(1, StreamDepth, 40, k => t.ReadPort(p, k * 8L, 4))), MemoryPresets.AlveoDdr4("DDR[0]"));

        Assert.Equal(40, report.Ports[port].ReadRequests);
    }

    /// <summary>
    /// 333.333 MHz against 12.3 GB/s has no exact unit of at most 2^-20 cycle, so beat times are rounded to
    /// 2^-20 cycle. 1000 beats of 64 B at 64 x 333.333e6 / 12.3e9 = 1.7344 cycles each still end where the exact
    /// rate puts them: 64 + ceil(1000 x 1.7344...) + 1 (the stream formula above), to the cycle.
    /// </summary>
    [Fact]
    public void RoundedChannelRateStaysOnTheExactCycle()
    {
        var (report, _) = Alone(512, p => ReadStream(p, 1000, 64), new MemoryChannelSpec("odd", MemoryKind.Ddr4, 12_300_000_000, 0), clockMhz: 333.333);

        decimal cyclesPerBeat = 64m * 333_333_000m / 12_300_000_000m;
        Assert.Equal(Latency + (long)Math.Ceiling(1000 * cyclesPerBeat) + 1, report.TotalCycles);
    }

    private static long ReadRequests(int widthBits, int bytes, long start, int count)
    {
        var (report, port) = Alone(widthBits, p => Record(t => t.Pipelined(1, StreamDepth, count, k => t.ReadPort(p, start + (long)k * bytes, bytes))));
        Assert.Equal((long)count * bytes, report.Ports[port].BytesRead);
        return report.Ports[port].ReadRequests;
    }
}
