using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

/// <summary>Bad traces and designs are rejected with the process, op index and the expectation named.</summary>
public class TraceRulesTests
{
    private static (DesignSpec Design, int Fifo, int Port) TwoProcesses()
    {
        var b = new DesignBuilder(200);
        int p0 = b.AddProcess("p0"), p1 = b.AddProcess("p1");
        int fifo = b.AddFifo("f", 2, p0, p1);
        int port = b.AddPort("m", p0, b.AddChannel(MemoryPresets.AlveoDdr4("DDR[0]")), 64);
        return (b.Build(), fifo, port);
    }

    private static TraceFormatException Reject(Action<TraceRecorder> p0, Action<TraceRecorder>? p1 = null)
    {
        var (design, _, _) = TwoProcesses();
        return Assert.Throws<TraceFormatException>(() =>
            TimingEngine.Run(design, [Record(p0), Record(p1 ?? (_ => { }))]));
    }

    [Fact]
    public void DelayInsideAPipelinedLoopIsRejected()
    {
        var error = Reject(t => t.Pipelined(1, 3, 1, _ => t.Delay(2)));

        // Op 0 opens the loop; the Delay is op 1 (it carries the start of the iteration it begins).
        Assert.Equal("p0", error.Process);
        Assert.Equal(1, error.OpIndex);
        Assert.Contains("Delay is not allowed", error.Message);
    }

    [Fact]
    public void OpBeforeTheFirstIterationIsRejected()
    {
        var error = Reject(t =>
        {
            t.BeginLoop();
            t.Delay(1);
            t.EndLoop();
        });

        Assert.Equal(1, error.OpIndex);
        Assert.Contains("before its first IterationStart", error.Message);
    }

    [Fact]
    public void UnclosedLoopIsRejected()
    {
        var error = Reject(t => t.BeginLoop());

        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void LoopNestedInAPipelinedLoopIsRejected()
    {
        var error = Reject(t => t.Pipelined(1, 3, 1, _ => t.Plain(2, _ => { })));

        Assert.Contains("unrolls loops nested in a pipelined loop", error.Message);
    }

    [Fact]
    public void WritingAFifoOfAnotherProcessIsRejected()
    {
        var (_, fifo, _) = TwoProcesses();
        var error = Reject(_ => { }, t => t.WriteFifo(fifo));

        Assert.Equal("p1", error.Process);
        Assert.Contains("FIFO 'f' is written by process 'p0'", error.Message);
    }

    [Fact]
    public void UsingAPortOfAnotherProcessIsRejected()
    {
        var (_, _, port) = TwoProcesses();
        var error = Reject(_ => { }, t => t.ReadPort(port, 0, 4));

        Assert.Contains("port 'm' belongs to process 'p0'", error.Message);
    }

    [Fact]
    public void ShallowPipelineReadingAPortIsRejected()
    {
        var (_, _, port) = TwoProcesses();
        var error = Reject(t => t.Pipelined(1, 1, 1, _ => t.ReadPort(port, 0, 4)));

        Assert.Contains("needs depth >= 2", error.Message);
    }

    [Fact]
    public void AccessSpanningMoreBurstsThanOutstandingIsRejected()
    {
        // 256 B over a 64 B port with 1-beat bursts = 4 bursts at once, but only 2 may be outstanding.
        var b = new DesignBuilder(200);
        int p = b.AddProcess("p");
        int port = b.AddPort("m", p, b.AddChannel(MemoryPresets.AlveoDdr4("DDR[0]")), 512, maxBurstBeats: 1, maxOutstanding: 2);
        var error = Assert.Throws<TraceFormatException>(() =>
            TimingEngine.Run(b.Build(), [Record(t => t.ReadPort(port, 0, 256))]));

        Assert.Contains("spans 4 bursts but port 'm' allows 2 outstanding", error.Message);
    }

    [Fact]
    public void WrongNumberOfTracesIsRejected()
    {
        var (design, _, _) = TwoProcesses();
        var error = Assert.Throws<ArgumentException>(() => TimingEngine.Run(design, [ProcessTrace.Empty]));

        Assert.Contains("expected one trace per process (2), got 1", error.Message);
    }

    [Fact]
    public void DesignBuilderNamesTheBadParameter()
    {
        var b = new DesignBuilder(300);
        int p = b.AddProcess("p");
        int q = b.AddProcess("q");

        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => b.AddFifo("f", 0, p, q)).ParamName);
        Assert.Equal("consumer", Assert.Throws<ArgumentOutOfRangeException>(() => b.AddFifo("f", 1, p, 7)).ParamName);
        b.AddFifo("queue", 1, p, p); // one process may keep a FIFO to itself (a queue)
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => b.AddPort("m", p, 0, 64)).ParamName);
        int ch = b.AddChannel(MemoryPresets.AlveoDdr4("DDR[0]"));
        Assert.Equal("dataWidthBits", Assert.Throws<ArgumentOutOfRangeException>(() => b.AddPort("m", p, ch, 48)).ParamName);
        Assert.Contains("already exists", Assert.Throws<ArgumentException>(() => b.AddProcess("p")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DesignBuilder(0));
    }
}
