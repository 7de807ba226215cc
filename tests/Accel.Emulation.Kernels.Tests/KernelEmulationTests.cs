using Accel.Emulation;
using Accel.Kernels.Catalog;
using Accel.Codegen.Reference;

namespace Accel.Tests.Emulation;

/// <summary>The emulator runs kernels from their one C# source: the same values as the reference and the
/// C simulation, and cycle counts that follow the kernels' loop structure.</summary>
public sealed class KernelEmulationTests
{
    [Theory]
    [InlineData("softmax", "row129-lanes4")]
    [InlineData("gelu", "row129-lanes4")]
    public void EmulatorOutputsEqualTheReferenceAndTheCSimulationWordForWord(string kernelName, string config)
    {
        var emulated = KernelRuns.Emulate(KernelCatalog.BuiltIn, kernelName, config, []);
        var (generated, csim) = KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, kernelName, config, []);
        Assert.True(csim.BitExact, csim.Output);
        foreach (var port in generated.Ir.Top.Parameters.Where(Accel.Codegen.Ir.Analysis.VariableUse.Of(generated.Ir).IsWritten))
        {
            var golden = File.ReadAllBytes(Path.Combine(generated.Directory, "golden", $"{port.Name}.out.bin"));
            Assert.Equal(golden, Codegen.Backends.Hls.GoldenVectors.Bytes(emulated.Outputs[port.Name]));
            Assert.Equal(generated.Reference[port.Name], emulated.Outputs[port.Name]);
        }
    }

    [Fact]
    public void AUserKernelWhoseTableCallsMathNetRunsOnTheEmulatorAsInDotNet()
    {
        // The hooked copy is recompiled by Roslyn from the user's file: it needs MathNet as the first compilation did.
        var project = KernelProject.FromFiles([TestPaths.Data("Transpiler", "Cases", "003-mathnet-table.cs")], []);
        var kernel = KernelCatalog.Find(project, "case_kernel");
        var activator = new KernelActivator(kernel, KernelConfig.Resolve(kernel, null, []));
        var expected = activator.Run(activator.MakeStimulus(1))["y"];
        Assert.Equal(expected, KernelRuns.Emulate(project, "case_kernel", null, []).Outputs["y"]);
    }

    // Write response at the end: the port's request latency after the last beat, and the beat itself
    // (64 bytes at 14.4 GB/s / 300 MHz = 48 bytes per cycle: under two cycles, the response counts from its end).
    private const long FinalWriteResponse = 64 + 1;

    [Theory]
    [InlineData(null, 129, 1)]
    [InlineData("row129-lanes4", 129, 4)]
    [InlineData("row16", 16, 1)]
    public void SoftmaxCyclesFollowItsLoopStructure(string? config, int rowLength, int lanes)
    {
        // rows x (row body + pass 1 + pass 2) + final write response, where a pipelined pass of n iterations at
        // II 1 takes (n - 1) + depth and n = ceil(rowLength / lanes). The stimulus has 8 rows.
        var result = KernelRuns.Emulate(KernelCatalog.BuiltIn, "softmax", config, []);
        var loops = result.Timing.Loops.Values.Where(l => l.Kind != LoopKind.Unrolled).OrderBy(l => l.Id).ToList();
        Assert.Equal([LoopKind.Sequential, LoopKind.Pipelined, LoopKind.Pipelined], loops.Select(l => l.Kind));
        long n = (rowLength + lanes - 1) / lanes;
        long expected = 8 * (loops[0].BodyCycles + (n - 1) * loops[1].II + loops[1].Depth + (n - 1) * loops[2].II + loops[2].Depth) + FinalWriteResponse;
        Assert.Equal(expected, result.Report.TotalCycles);
        Assert.Equal(0, result.Report.Processes[0].StalledOnInputCycles);
    }

    [Theory]
    [InlineData(null, 129, 1)]
    [InlineData("row129-lanes4", 129, 4)]
    public void GeluCyclesFollowItsLoopStructure(string? config, int rowLength, int lanes)
    {
        // rows x (row loop control + (n - 1) x II + depth) + final write response; 4 rows in the stimulus.
        var result = KernelRuns.Emulate(KernelCatalog.BuiltIn, "gelu", config, []);
        var row = result.Timing.Loops[0];
        var pass = result.Timing.Loops[1];
        Assert.Equal(LoopKind.Pipelined, pass.Kind);
        // The pipeline holds the m_axi read latency (64) + 2 on top of the computation.
        Assert.InRange(pass.Depth, 64 + 2 + 1, 64 + 2 + 40);
        long n = (rowLength + lanes - 1) / lanes;
        Assert.Equal(4 * (row.BodyCycles + (n - 1) * pass.II + pass.Depth) + FinalWriteResponse, result.Report.TotalCycles);
    }

    [Fact]
    public void AMemoryBoundGeluIsHeldBackByTheChannelBandwidth()
    {
        // 16 lanes read 64 bytes per iteration; an HBM pseudo-channel gives 14.4 GB/s / 300 MHz = 48 bytes per cycle.
        // So the run takes at least the compute formula, and at most that plus each row's whole shortfall:
        // rows x (ceil(row bytes / 48) - iterations).
        var result = KernelRuns.Emulate(KernelCatalog.BuiltIn, "gelu", "row768-lanes16", []);
        var row = result.Timing.Loops[0];
        var pass = result.Timing.Loops[1];
        long n = 768 / 16, rows = 4;
        long compute = rows * (row.BodyCycles + (n - 1) * pass.II + pass.Depth) + FinalWriteResponse;
        long shortfall = rows * ((768 * 4 + 47) / 48 - n);
        Assert.InRange(result.Report.TotalCycles, compute + 1, compute + shortfall);
        Assert.True(result.Report.Processes[0].StalledOnInputCycles + result.Report.Processes[0].StalledOnOutputCycles > FinalWriteResponse);
    }

    [Fact]
    public void DataflowProcessesOverlapAndReportTheirFifos()
    {
        var path = TestPaths.Data("Csim", "Kernels", "ScalePipeline.cs");
        var project = KernelProject.FromFiles([path], []);
        var result = KernelRuns.Emulate(project, "scale_pipeline", null, ["length=200"]);
        Assert.Equal(4, result.Report.Processes.Count); // the top, then Read, Scale, Write
        var fifos = result.Report.Fifos;
        Assert.Equal(["raw", "scaled"], fifos.Select(f => f.Name));
        Assert.All(fifos, f => Assert.InRange(f.MaxOccupancy, 1, 4));
        Assert.All(fifos, f => Assert.Equal(200, f.Writes));
        // Three II-1 processes overlap: about one pass of 200 plus the three pipeline depths, far less than three passes.
        long depths = result.Timing.Loops.Values.Where(l => l.Kind == LoopKind.Pipelined).Sum(l => (long)l.Depth);
        Assert.InRange(result.Report.TotalCycles, 199 + depths, 199 + depths + FinalWriteResponse + 8);
    }

    [Fact]
    public void ATooShallowFifoIsReportedAsADeadlockWithItsProcessesAndFifos()
    {
        var project = KernelProject.FromFiles([TestPaths.Data("Csim", "Kernels", "ShallowFifo.cs")], []);
        var deadlock = Assert.Throws<DeadlockException>(() => KernelRuns.Emulate(project, "shallow_fifo", null, []));
        Assert.Contains("Produce", deadlock.Message);
        Assert.Contains("Consume", deadlock.Message);
        Assert.Contains("a", deadlock.Fifos.Select(f => f.Name));
        Assert.Contains(deadlock.Fifos, f => f.Name == "a" && f.Occupancy == 2);
        Assert.True(deadlock.Cycle > 0);

        // Deep enough, the same design runs, and its values are the C# ones.
        var fine = KernelRuns.Emulate(project, "shallow_fifo", null, ["depth=8"]);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => 11 * i).ToArray(), (int[])fine.Outputs["output"]);
    }

    [Fact]
    public void AStreamOneProcessBothWritesAndReadsIsAQueueOfItsOwn()
    {
        var project = KernelProject.FromFiles([TestPaths.Data("Csim", "Kernels", "OwnStream.cs")], []);
        // Sequential code writes before it reads: the values are the C# ones, one item in the FIFO at a time.
        var queue = KernelRuns.Emulate(project, "own_stream", null, []);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => 2 * i + 1).ToArray(), (int[])queue.Outputs["y"]);
        var fifo = Assert.Single(queue.Report.Fifos);
        Assert.Equal((16, 16, 1), (fifo.Writes, fifo.Reads, fifo.MaxOccupancy));

        // Pipelined, the iteration would read at its first stage what it writes at its last: a deadlock that says so.
        var deadlock = Assert.Throws<DeadlockException>(() => KernelRuns.Emulate(project, "own_stream_pipelined", null, []));
        Assert.Contains("both writes and reads this FIFO", deadlock.Message);
        Assert.Equal("q", Assert.Single(deadlock.Fifos).Name);
    }

    [Fact]
    public void PortsOnOneHbmChannelShareItsBandwidth()
    {
        var separate = KernelRuns.Emulate(KernelCatalog.BuiltIn, "gelu", "row768-lanes16", []);
        Assert.Equal(["HBM[0]", "HBM[1]"], separate.Report.Ports.Select(p => p.Channel));
        var zcu = KernelRuns.Emulate(KernelCatalog.BuiltIn, "gelu", "row768-lanes16", [], new KernelEmulator.Options(Board: "zcu102"));
        Assert.All(zcu.Report.Ports, p => Assert.Equal(zcu.Report.Ports[0].Channel, p.Channel));
        Assert.Equal(separate.Report.Ports.Sum(p => p.BytesRead + p.BytesWritten), zcu.Report.Ports.Sum(p => p.BytesRead + p.BytesWritten));
    }

    /// <summary>
    /// gelu with 16 lanes wants 64 B per cycle in and 64 out: memory-bound on both boards. Rows of 6144 words (24 KiB),
    /// 4 rows. U55C: each port has an HBM pseudo-channel of its own, 14.4 GB/s = 48 B/cycle at 300 MHz, so a row
    /// streams in 24,576 / 48 = 512 cycles. ZCU102: x and y (gmem0, gmem1) go through HP0 and HP1, 16 B per cycle each
    /// (32 B/cycle in all, under the PS DDR4's 56.88), so a row takes 24,576 / 16 = 1536 cycles: three times as long.
    /// Each row adds its latency, pipeline fill and last write response (under 160 cycles, 159 measured at 768 words).
    /// </summary>
    [Fact]
    public void AMemoryBoundKernelIsSlowerOnTheZcu102ThanOnTheU55c()
    {
        string[] wide = ["rowLength=6144"];
        var u55c = KernelRuns.Emulate(KernelCatalog.BuiltIn, "gelu", "row768-lanes16", wide);
        var zcu = KernelRuns.Emulate(KernelCatalog.BuiltIn, "gelu", "row768-lanes16", wide, new KernelEmulator.Options(Board: "zcu102"));
        const int rows = 4, rowBytes = 6144 * 4, perRowOverhead = 160;
        Assert.Equal(rows * rowBytes, zcu.Report.Ports.Single(p => p.Name == "x").BytesRead);
        Assert.InRange(u55c.Report.TotalCycles, rows * rowBytes / 48, rows * (rowBytes / 48 + perRowOverhead));
        Assert.InRange(zcu.Report.TotalCycles, rows * rowBytes / 16, rows * (rowBytes / 16 + perRowOverhead));
        Assert.True(zcu.Report.TotalCycles > 2.5 * u55c.Report.TotalCycles, $"zcu102 {zcu.Report.TotalCycles}, u55c {u55c.Report.TotalCycles}");
    }
}
