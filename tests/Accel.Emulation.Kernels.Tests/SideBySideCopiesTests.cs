namespace Accel.Tests.Emulation;

/// <summary>A pipelined loop alone in a fully unrolled loop's body: its copies run side by side as one pipeline
/// issuing an iteration of every copy (UNROLL makes the copies of a body run concurrently where their data allow),
/// at the II their accesses together allow, and their cycles count once.</summary>
public sealed class SideBySideCopiesTests
{
    /// <param name="sharedSum">the copies add into one variable declared before the unrolled loop</param>
    private static KernelEmulator.Result Run(int copies, string partition, bool sharedSum = false) => KernelRuns.EmulateSource(TestKernel.Source("rule",
        $"int copies = {copies}", """[MAxi("gmem0", "HBM[0]")] int[] x, [MAxi("gmem1", "HBM[1]")] int[] y""", $$"""
                int[] buf = new int[256];
                {{partition}}
                for (int i = 0; i < 256; i++) buf[i] = x[i];
                {{(sharedSum ? "int s = 0;" : "")}}
                for (int c = 0; c < copies; c++)
                {
                    Hls.Unroll();
                    {{(sharedSum ? "" : "int s = 0;")}}
                    for (int i = 0; i < 64; i++)
                    {
                        Hls.Pipeline(1);
                        s += buf[i * 4 + c];
                    }
                    y[c] = s;
                }
        """, """s.Array("x", Enumerable.Range(0, 256).ToArray()).Output<int>("y", copies)"""), "rule");

    private static LoopTiming Copied(KernelEmulator.Result r) => r.Timing.Loops.Values.Single(l => l.Kind == LoopKind.Pipelined && l.TripCount == 64);

    [Fact]
    public void CopiesOnTheirOwnBanksCostOneCopy()
    {
        // buf cyclic by 4: copy c reads buf[4i + c], bank c, so the four copies' reads take one port of each bank
        // and the pipeline of all four keeps II 1, depth 7 (the index 4i + c: multiply 4 + add 0.37, block RAM read 2,
        // add 0.37: 6.74): 63 + 7 cycles, as one copy.
        // What four copies add to one is after the loop: three more writes of y (one cycle each, one-beat bursts),
        // whose last beat, served after the others at 4/3 cycle a beat on y's pseudo-channel, ends at 16/3 cycles
        // (usable from 6, not 2): 4 cycles. One after another, the copies would add 3 x 70 cycles more.
        const string partition = "Hls.ArrayPartition(buf, PartitionKind.Cyclic, 4);";
        var four = Run(4, partition);
        var one = Run(1, partition);
        Assert.Equal((1, 7), (Copied(four).II, Copied(four).Depth));
        Assert.Equal(4, four.Report.TotalCycles - one.Report.TotalCycles);
        var unrolled = four.Timing.Loops.Values.Single(l => l.Kind == LoopKind.Unrolled);
        Assert.True(unrolled.SideBySide);
        Assert.Contains("its 4 copies of the pipelined loop at", unrolled.Reason);
        Assert.Contains("4 copies side by side", Copied(four).Reason);
        Assert.Equal(Enumerable.Range(0, 4).Select(c => Enumerable.Range(0, 64).Sum(i => 4 * i + c)).ToArray(), (int[])four.Outputs["y"]);
    }

    [Fact]
    public void CopiesSharingABankRaiseTheII()
    {
        // Unpartitioned, the four copies read one bank of two ports an issue: II 2 (Vitis's limited memory ports),
        // so the 64 issues take 63 cycles more than on four banks; nothing else differs.
        var shared = Run(4, "");
        var banked = Run(4, "Hls.ArrayPartition(buf, PartitionKind.Cyclic, 4);");
        Assert.Equal(2, Copied(shared).II);
        Assert.Contains("limited memory ports on 'buf' (4 accesses per iteration, 1 bank of 2 ports)", Copied(shared).Reason);
        Assert.Equal(63, shared.Report.TotalCycles - banked.Report.TotalCycles);
    }

    [Fact]
    public void CopiesThatShareAnAccumulatorRunOneAfterAnother()
    {
        // s declared before the unrolled loop: copy c + 1 starts from the sum copy c left, so the copies cannot
        // overlap. Each copy is its loop (63 + 7 cycles) and its write of y (1 cycle), one after another: four copies
        // end 3 x 71 = 213 cycles after one.
        const string partition = "Hls.ArrayPartition(buf, PartitionKind.Cyclic, 4);";
        var four = Run(4, partition, sharedSum: true);
        var unrolled = four.Timing.Loops.Values.Single(l => l.Kind == LoopKind.Unrolled);
        Assert.False(unrolled.SideBySide);
        Assert.Contains("run one after another here (the copies update 's', declared outside the unrolled loop", unrolled.Reason);
        Assert.Equal(213, four.Report.TotalCycles - Run(1, partition, sharedSum: true).Report.TotalCycles);
    }
}
