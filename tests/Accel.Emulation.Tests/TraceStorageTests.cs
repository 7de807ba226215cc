using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

/// <summary>Traces are stored in chunks of 16,384 ops and each op in 16 bytes: nothing may be lost or reordered at a
/// chunk's edge, and a value the packed op cannot hold is refused, not truncated.</summary>
public class TraceStorageTests
{
    [Fact]
    public void AnOpPastSeveralChunksKeepsItsPlaceAndFields()
    {
        // Three chunks and a bit: op k is a write of 4 bytes at address 4k through port k % 3.
        const int ops = 3 * 16_384 + 17;
        var trace = Record(t => { for (int k = 0; k < ops; k++) t.WritePort(k % 3, 4L * k, 4); });

        Assert.Equal(ops, trace.Count);
        foreach (int k in new[] { 0, 16_383, 16_384, 32_768, ops - 1 })
        {
            var op = trace.Ops[k];
            Assert.Equal((TraceOpKind.PortWrite, k % 3, 4L * k, 4), (op.Kind, op.Index, op.Address, op.Bytes));
        }
        var copy = trace.Ops.ToArray();
        Assert.Equal(ops, copy.Length);
        Assert.Equal(trace.Ops[ops - 1], copy[^1]);
    }

    [Fact]
    public void ABadOpInALaterChunkIsNamedByItsIndex()
    {
        // The loop never closes: the message names the op that opened it, 20,000 ops in (the second chunk).
        var b = new DesignBuilder(200);
        b.AddProcess("p0");
        var design = b.Build();
        var trace = Record(t =>
        {
            for (int k = 0; k < 20_000; k++) t.Delay(1);
            t.BeginLoop();
        });

        var error = Assert.Throws<TraceFormatException>(() => TimingEngine.Run(design, [trace]));
        Assert.Contains("the loop opened at op 20000 is never closed", error.Message);
    }

    [Theory]
    [InlineData(TraceOp.MaxIndex)]
    [InlineData(-5)]
    public void IndicesWithinTheRangeReadBackUnchanged(int index)
    {
        Assert.Equal(index, TraceOp.PortRead(index, 0x40, 8).Index);
        Assert.Equal(TraceOpKind.PortRead, TraceOp.PortRead(index, 0x40, 8).Kind);
    }

    [Fact]
    public void AnIndexTooLargeForThePackedOpIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TraceOp.FifoWrite(TraceOp.MaxIndex + 1));
        Assert.Contains("within ±8388607", error.Message);
    }

    [Fact]
    public void AnIterationStartIsFoldedIntoTheIterationsFirstOp()
    {
        // A pipelined loop of 4 one-read iterations: the loop, 4 reads that each start an iteration, the end.
        var trace = Record(t => t.Pipelined(1, 3, 4, k => t.ReadPort(0, 4L * k, 4)));

        Assert.Equal(6, trace.Count);
        Assert.All(Enumerable.Range(1, 4), k => Assert.True(trace.Ops[k].StartsIteration && trace.Ops[k].Kind == TraceOpKind.PortRead));
        Assert.False(trace.Ops[0].StartsIteration);
    }

    [Fact]
    public void AnIterationWithNoOpsKeepsItsOwnStart()
    {
        // Three empty iterations, then one FIFO write: each empty one is an explicit IterationStart, so the
        // pipelined loop still spans (4 - 1) x II 2 + depth 5 = 11 cycles.
        var b = new DesignBuilder(200);
        int p0 = b.AddProcess("p0"), p1 = b.AddProcess("p1");
        int fifo = b.AddFifo("f", 4, p0, p1);
        var design = b.Build();
        var producer = Record(t => t.Pipelined(2, 5, 4, k => { if (k == 3) t.WriteFifo(fifo); }));
        var consumer = Record(t => t.ReadFifo(fifo));

        Assert.Equal(new[] { TraceOpKind.LoopBegin, TraceOpKind.IterationStart, TraceOpKind.IterationStart, TraceOpKind.IterationStart, TraceOpKind.FifoWrite, TraceOpKind.LoopEnd },
            producer.Ops.ToArray().Select(op => op.Kind));
        Assert.Equal(11, TimingEngine.Run(design, [producer, consumer]).Processes[0].FinishCycle);
    }
}
