using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

/// <summary>
/// The ZCU102 memory model: ports reach the PS DDR4 (DDR4-2133 x 64 bit = 17.064 GB/s = 56.88 B per cycle at
/// 300 MHz) through 128-bit PS slave ports, one 16 B beat per port per cycle per direction; bundles on one port
/// share that beat slot (MemoryPortSpec.DataPath). Reads are 16 B beats streamed by II-1 loops whose depth covers
/// the latency (the PS DDR's 120 ns = 36 cycles is under the m_axi 64, so latency = 64).
/// </summary>
public class SharedDataPathTests
{
    private const int Latency = MemoryPortSpec.VitisDefaultLatencyCycles;

    private static ProcessTrace ReadStream(int port, int beats) =>
        Record(t => t.Pipelined(1, Latency + 2, beats, k => t.ReadPort(port, (long)k * 16, 16)));

    private static TimingReport Readers(int readers, Func<int, int> pathOf, int beats = 1024)
    {
        var b = new DesignBuilder(300);
        int channel = b.AddChannel(MemoryPresets.Zcu102PsDdr4());
        var traces = new List<ProcessTrace>();
        for (int r = 0; r < readers; r++)
        {
            int p = b.AddProcess($"reader{r}");
            int port = b.AddPort($"in{r}", p, channel, 128, dataPath: pathOf(r));
            traces.Add(ReadStream(port, beats));
        }
        return TimingEngine.Run(b.Build(), traces);
    }

    /// <summary>One reader alone on its HP port: port-bound at one 16 B beat per cycle (16 &lt; 56.88 B/cycle),
    /// so 64 + 1024 + 1 = 1089 cycles, as on any 128-bit port.</summary>
    [Fact]
    public void OneReaderIsBoundByItsHpPortWidth()
    {
        Assert.Equal(Latency + 1024 + 1, Readers(1, _ => 0).TotalCycles);
    }

    /// <summary>Two readers on one HP port share its beat slot: 2048 beats at one per cycle, the last used at
    /// 64 + 2048 = 2112, done at 2113. On two ports each runs alone: 1089 (2 x 16 = 32 B/cycle, under the DDR's 56.88).</summary>
    [Fact]
    public void TwoBundlesOnOnePortShareItsDataPath()
    {
        var shared = Readers(2, _ => 0);
        var separate = Readers(2, r => r);
        Assert.Equal(Latency + 2048 + 1, shared.TotalCycles);
        Assert.Equal(Latency + 1024 + 1, separate.TotalCycles);
    }

    /// <summary>Six readers on the six PS ports want 96 B/cycle; the DDR gives 56.88 B/cycle: 6 x 1024 beats
    /// x 16 B = 98,304 B take 98,304 / 56.88 = 1728.3 cycles of channel time, so the run cannot end before
    /// 64 + 1729 + 1 = 1794: DDR-bound, far from the 1089 of one free port. It ends within one latency more (1855
    /// measured): the channel serves the beat ready first, so reader 0 runs ahead (done at 1102) and the others,
    /// whose pipelines keep only depth (66) beats requested, each leave a latency-long gap when they get the channel.</summary>
    [Fact]
    public void SixPortsTogetherAreBoundByThePsDdr4()
    {
        var report = Readers(6, r => r);
        long channelBound = Latency + (long)Math.Ceiling(6 * 1024 * 16 / (17_064_000_000 / 300e6)) + 1;
        Assert.Equal(1794, channelBound);
        Assert.InRange(report.TotalCycles, channelBound, channelBound + Latency);
    }
}
