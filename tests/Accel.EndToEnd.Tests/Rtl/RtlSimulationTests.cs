namespace Accel.Tests.Rtl;

/// <summary>The generated Verilog, simulated cycle by cycle with Verilator against the C# reference's golden
/// vectors and the board's memory model: bit-exact, and in the emulator's cycles.</summary>
public sealed class RtlSimulationTests
{
    /// <summary>Every named configuration of the kernels the RTL back end covers, and gelu's and softmax's defaults
    /// (the Edge-MoE units' defaults are full-size layers; their named configurations are sized for a Verilator run).
    /// qkv-small is the exception, with a test of its own below.</summary>
    public static TheoryData<string, string> CoveredKernels() => BuiltInConfigurations.Rows([
        .. BuiltInConfigurations.WithDefaults("gelu", "softmax"),
        .. BuiltInConfigurations.Named("edgemoe_layernorm", "edgemoe_linear").Where(row => row.Config != "qkv-small"),
    ]);

    [Theory]
    [MemberData(nameof(CoveredKernels))]
    public void TheRtlIsBitExactAndTakesTheEmulatorsCycles(string kernel, string config)
    {
        var run = RtlKernels.Of(kernel, config);
        Assert.True(run.Sim.BitExact, run.Sim.Output);
        Assert.Equal(run.EmulatorCycles, run.Sim.Cycles);
    }

    /// <summary>qkv-small's rows end every 4 cycles, so its output opens more write bursts than the 16 outstanding the
    /// emulator allows (see the next test): the RTL, with no such limit, is faster by the emulator's stalls on output,
    /// within 2% (4,432 against 4,480 when measured).</summary>
    [Fact]
    public void TheQkvConfigurationIsBitExactAndWithinTwoPercentOfTheEmulator()
    {
        var run = RtlKernels.Of("edgemoe_linear", "qkv-small");
        Assert.True(run.Sim.BitExact, run.Sim.Output);
        Assert.InRange(run.EmulatorCycles - run.Sim.Cycles, 1, run.EmulatorCycles / 50);
    }

    /// <summary>A dataflow top (load -> scale -> store, Stream&lt;int&gt; FIFOs between the processes): one state machine
    /// per process, FIFO reads at stage 0 and writes at the last stage, each FIFO's occupancy as the cycle began.
    /// With a one-slot FIFO the producer can only write once the consumer has taken the previous word, so the FIFO's
    /// backpressure sets the pace (216 cycles for 37 words where four slots take about 140): the cycles then agree
    /// only if the RTL's FIFO rules are the emulator's.</summary>
    [Theory]
    [InlineData("length=100", "depth=4")]
    [InlineData("length=37", "depth=1")]
    public void ADataflowKernelWithStreamsIsBitExactAndTakesTheEmulatorsCycles(string length, string depth)
    {
        var run = RtlKernels.OfSource(["Csim", "Kernels", "ScalePipeline.cs"], "scale_pipeline", null, length, depth);
        Assert.True(run.Sim.BitExact, run.Sim.Output);
        Assert.Equal(int.Parse(length.Split('=')[1]), run.Sim.Total);
        Assert.Equal(run.EmulatorCycles, run.Sim.Cycles);
    }

    /// <summary>The one difference found: the RTL testbench's memory model does not limit a port's outstanding
    /// write bursts, where the emulator (like Vitis's m_axi, 16 by default) lets burst b start only once burst b - 16
    /// is acknowledged. A linear unit whose rows end every 4 cycles (inDim 16, 4 inputs a cycle) writes one burst
    /// per row, 33 a tile, more than 16 within a write's 66-cycle round trip: the emulator's pipeline stalls on
    /// output there and the RTL's does not. So the RTL is faster by exactly those stalls, the emulator's stalls on
    /// output less the final response wait (the last beat's 2 cycles after the write's own, then the 64-cycle
    /// response: 65), and within 2%.</summary>
    [Fact]
    public void TheRtlIsFasterOnlyByTheEmulatorsOutstandingWriteStalls()
    {
        var run = RtlKernels.Of("edgemoe_linear", null, "tokens=33", "inDim=16", "outDim=4", "tileIn=4", "tileOut=2");
        Assert.True(run.Sim.BitExact, run.Sim.Output);
        long difference = run.EmulatorCycles - run.Sim.Cycles;
        Assert.Equal(run.EmulatorStalledOnOutput - 65, difference);
        Assert.InRange(difference, 1, run.EmulatorCycles / 50);
    }

    /// <summary>gelu row16 by hand (u55c, 300 MHz): 4 rows; per row the sequential loop's iteration costs 1 cycle of
    /// loop control, then the pipelined loop 16 iterations at II 1 with depth 91 (a body of 25 cycles after the
    /// m_axi read latency of 64 cycles + 2): 15 + 91 = 106. 4 x 107 = 428 cycles of work. The last row's 16 writes
    /// (64 bytes) fill one 512-bit beat in the last cycle of work (427); HBM serves 48 bytes per cycle, so the beat
    /// ends at 427 + 4/3, done in the first whole cycle after it (429), and its response comes 64 cycles later: 493.</summary>
    [Fact]
    public void GeluRow16TakesTheCyclesDerivedByHand()
    {
        const long work = 4 * (1 + (16 - 1) + 91);
        Assert.Equal(428, work);
        const long lastWrite = work - 1, beatDone = lastWrite + 2, response = beatDone + 64;
        Assert.Equal(response, RtlKernels.Of("gelu", "row16").Sim.Cycles);
    }

    /// <summary>One constant of the gelu RTL changed (the table step's 5 fraction bits in `restBits = actFrac - 5`, made 4): the
    /// simulation must see it, or it would not be checking anything.</summary>
    [Fact]
    public void ABrokenConstantFailsTheSimulation()
    {
        var good = RtlKernels.Of("gelu", "row16").Generated.Directory;
        var broken = TestPaths.Scratch("rtl-gelu-broken");
        foreach (var file in Directory.GetFiles(good)) File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        Directory.CreateDirectory(Path.Combine(broken, "golden"));
        foreach (var file in Directory.GetFiles(Path.Combine(good, "golden"))) File.Copy(file, Path.Combine(broken, "golden", Path.GetFileName(file)));
        var verilog = File.ReadAllText(Path.Combine(broken, "gelu.v"));
        const string original = " = 32'sh16 - 32'sh5;"; // restBits = actFrac - 5, actFrac = 22 a constant of the inlined copy
        Assert.Single(verilog.Split(original)[1..]);
        File.WriteAllText(Path.Combine(broken, "gelu.v"), verilog.Replace(original, " = 32'sh16 - 32'sh4;"));

        var sim = RtlSim.Run(broken, "gelu");
        Assert.True(sim.Built, sim.Output);
        Assert.Equal(1, sim.ExitCode);
        Assert.False(sim.BitExact);
        Assert.Contains("mismatch y[", sim.Output);
    }
}
