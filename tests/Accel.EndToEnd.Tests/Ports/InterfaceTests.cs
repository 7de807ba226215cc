using Accel.Runtime.Devices;
using Accel.Runtime.Emulator.Designs;
using Accel.Runtime.Xclbin;

namespace Accel.Tests.Ports;

/// <summary>The top-level interfaces other than m_axi: axis streams, ap_memory arrays, ap_vld and ap_none scalars, as
/// printed, emulated, estimated and handled by the host side. The two kernels (a streaming FIR for the Vivado IP flow,
/// a streaming vector add for the Vitis kernel flow) also run through C simulation in PortedKernelTests.</summary>
public sealed class InterfaceTests
{
    [Fact]
    public void TheFirPrintsEachInterfaceAndIsAnIpForTheVivadoFlow()
    {
        var generated = KernelRuns.Generate(PortedKernel.Project("AxisFir.cs"), "axis_fir", null, []);
        string File(string name) => System.IO.File.ReadAllText(Path.Combine(generated.Directory, name));

        Assert.Contains("extern \"C\" void axis_fir(hls::stream<int32_t>& input, hls::stream<int32_t>& output, const int16_t coefficients[8], int32_t count, int32_t shift)", File("axis_fir.cpp"));
        foreach (var pragma in new[] { "mode=axis port=input", "mode=axis port=output", "mode=ap_memory port=coefficients", "mode=ap_vld port=count", "mode=ap_none port=shift",
                     "mode=ap_ctrl_hs port=return" })  // no AXI-Lite register at all, so the block handshake
            Assert.Contains($"ACCEL_PRAGMA(\"HLS INTERFACE {pragma}\")", File("axis_fir.cpp"));
        Assert.DoesNotContain("s_axilite", File("axis_fir.cpp"));
        Assert.Contains("#include \"accel_stream.h\"", File("axis_fir.h"));

        Assert.Contains("open_solution -reset solution1 -flow_target vivado", File("run_hls.tcl"));
        Assert.Contains("export_design -format ip_catalog -output axis_fir_ip.zip", File("run_hls.tcl"));
        Assert.Contains("ip: axis_fir_ip.zip", File("Makefile"));
        Assert.DoesNotContain("xclbin:", File("Makefile"));
        Assert.False(System.IO.File.Exists(Path.Combine(generated.Directory, "link.cfg")));
        Assert.False(System.IO.File.Exists(Path.Combine(generated.Directory, "host.cpp")));
        // The input stream's words and the coefficients are inputs; the output stream's words the expected output.
        Assert.Equal(["coefficients.in.bin", "input.in.bin", "output.out.bin", "scalars.txt"],
            Directory.GetFiles(Path.Combine(generated.Directory, "golden")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void TheStreamingAddIsAVitisKernelWhoseAxisPortsLinkToOtherKernels()
    {
        var generated = KernelRuns.Generate(PortedKernel.Project("StreamAdd.cs"), "stream_add", null, []);
        string File(string name) => System.IO.File.ReadAllText(Path.Combine(generated.Directory, name));

        Assert.Contains("ACCEL_PRAGMA(\"HLS INTERFACE mode=axis port=a\")", File("stream_add.cpp"));
        Assert.Contains("ACCEL_PRAGMA(\"HLS INTERFACE mode=s_axilite port=return\")", File("stream_add.cpp"));
        Assert.Contains("-flow_target vitis", File("run_hls.tcl"));
        var link = File("link.cfg").Split('\n');
        Assert.Equal(["sp=stream_add_1.b:HBM[0]"], link.Where(l => l.StartsWith("sp=", StringComparison.Ordinal)));
        Assert.Contains("# stream_connect=<producer>_1.<output port>:stream_add_1.a", link);
        Assert.Contains("# stream_connect=stream_add_1.sum:<consumer>_1.<input port>", link);
        Assert.False(System.IO.File.Exists(Path.Combine(generated.Directory, "host.cpp")));
        Assert.DoesNotContain("\nhost:", File("Makefile"));
    }

    [Fact]
    public void TheFirEmulatesInHandDerivedCyclesWithItsAxisPortsInTheTables()
    {
        var generated = KernelRuns.Generate(PortedKernel.Project("AxisFir.cs"), "axis_fir", null, []);
        var emulated = KernelRuns.Emulate(PortedKernel.Project("AxisFir.cs"), "axis_fir", null, []);
        Assert.Equal(generated.Reference["output"], emulated.Outputs["output"]);

        // Loop 0 copies the 8 taps from the ap_memory port, one address a cycle (II 1); loop 1 filters the 64 samples
        // at II 1, one word from the input port and one to the output port an iteration. The kernel ends after
        // (taps - 1 + depth0) + (count - 1 + depth1) cycles; the output port's outside end takes the last word one
        // cycle later (a FIFO read waits a cycle for the write).
        var load = emulated.Timing.Loops[0];
        var filter = emulated.Timing.Loops[1];
        Assert.Equal((1, 1), (load.II, filter.II));
        // The load's depth: c[t] = coefficients[t] is the ap_memory read, timed at the block-RAM row of the operator
        // table (2 cycles at 300 MHz, where designs enable the RAM's output register), and a store into the register
        // array (1); window[t] = 0 is a store (1). The filter's depth (the 64-bit multiply-accumulate chain) is the
        // schedule's, as in the README's kernel formulas.
        Assert.Equal(2 + 1 + 1, load.Depth);
        long kernel = (8 - 1 + load.Depth) + (64 - 1 + filter.Depth);
        Assert.Equal(kernel + 1, emulated.Report.TotalCycles);
        Assert.Equal(7 + 4 + 63 + 22 + 1, emulated.Report.TotalCycles); // the figures of this configuration: 97

        // The input port offers a word a cycle from cycle 0, into its two-word register slice: words 0 and 1 go in at
        // cycles 0 and 1, then it waits (backpressure) until the filter's first read at cycle taps - 1 + depth0 frees a
        // slot; from then on the filter reads one a cycle, as the port offers them.
        var input = emulated.Report.Processes.Single(p => p.Name == "axis input");
        Assert.Equal(8 - 1 + load.Depth - 1, input.StalledOnOutputCycles);
        Assert.Equal(64 + input.StalledOnOutputCycles, input.FinishCycle);
        Assert.Equal(new Emulation.FifoTiming("input (axis)", 2, 2, 64, 64), emulated.Report.Fifos.Single(f => f.Name == "input (axis)"));
        Assert.Equal(new Emulation.FifoTiming("output (axis)", 2, 1, 64, 64), emulated.Report.Fifos.Single(f => f.Name == "output (axis)"));
    }

    [Fact]
    public void TheStreamingAddEmulatesInHandDerivedCycles()
    {
        var emulated = KernelRuns.Emulate(PortedKernel.Project("StreamAdd.cs"), "stream_add", null, []);
        var loop = emulated.Timing.Loops[0];
        // II 1: one word of each axis port and one m_axi element an iteration. Depth: the m_axi read latency (64) and
        // the 2 cycles Vitis adds around a port read, then the add, under a cycle at 300 MHz and so one stage: 67.
        Assert.Equal((1, 64 + 2 + 1), (loop.II, loop.Depth));
        // The input port's first word, offered at cycle 0, can be read from cycle 1 (the FIFO's read latency): the
        // kernel's one stall. Then 99 more issues and the depth; the output port takes the last word a cycle later.
        var kernel = emulated.Report.Processes.Single(p => p.Name == "stream_add");
        Assert.Equal(1, kernel.StalledOnInputCycles);
        Assert.Equal(1 + (100 - 1) + loop.Depth + 1, emulated.Report.TotalCycles); // 168
    }

    [Theory]
    [InlineData(1, 1)] // one address an iteration: one port of the RAM
    [InlineData(2, 1)] // two: Vitis makes the interface dual-port when that lowers the II (UG1399)
    [InlineData(3, 2)] // three on two ports: two cycles
    public void AnApMemoryPortGivesOneAddressACyclePerPortAndTwoPorts(int reads, int expectedII)
    {
        string source = $$"""
            using Accel.Hw;
            [Kernel("apmem")]
            public sealed class ApMem(int n = 32)
            {
                [Top]
                public void Run([ApMemory] int[] a, [MAxi("gmem0")] int[] y)
                {
                    for (int i = 0; i < n; i++)
                    {
                        Hls.Pipeline(1);
                        int s = 0;
                        for (int r = 0; r < {{reads}}; r++)
                        {
                            Hls.Unroll();
                            s += a[{{reads}} * i + r];
                        }
                        y[i] = s;
                    }
                }

                [Stimulus]
                public void Stimulus(Stimulus s) => s.Array("a", new int[{{reads}} * n]).Output<int>("y", n);
            }
            """;
        var emulated = KernelRuns.EmulateSource(source, "apmem");
        Assert.Equal(expectedII, emulated.Timing.Loops[0].II);
    }

    [Fact]
    public void TheEstimateCountsRegisterSlicesAndNoAdapterOrControlRegisterForWirePorts()
    {
        var fir = ResourceEstimator.Estimate(KernelRuns.Generate(PortedKernel.Project("AxisFir.cs"), "axis_fir", null, []).Ir);
        // Two 32-bit axis ports, each a register slice of 32 LUT and 64 FF (1 and 2 per bit); the ap_memory
        // coefficients, the ap_vld count and the ap_none shift are wires: no m_axi adapter, no s_axilite block.
        Assert.Equal(new ResourceVector(0, 0, 0, 64, 128), fir.ByCategory[CostCategory.Interface]);
        Assert.Equal(0, fir[Resource.Bram18K]); // the coefficient RAM is outside the kernel

        var add = ResourceEstimator.Estimate(KernelRuns.Generate(PortedKernel.Project("StreamAdd.cs"), "stream_add", null, []).Ir);
        // One m_axi adapter (gmem0), the s_axilite block with three registers (b's 64-bit address, n), two slices.
        var o = EstimatorOptions.Default;
        var expected = o.MAxiAdapter + o.ControlBase + o.ControlRegister32 * 3 + o.AxisSliceBit * 64;
        Assert.Equal(expected, add.ByCategory[CostCategory.Interface]);
    }

    [Fact]
    public void TheEmuDeviceDrivesAxisPortsFromHostBuffersAndXrtAndXclbinsRefuseWhatTheyCannotRun()
    {
        var (design, _, verify) = EmuDeviceRun.Of(PortedKernel.Project("StreamAdd.cs"), "stream_add", ["size=40"]);
        Assert.Equal(["sum"], verify.Outputs.Select(o => o.Name));
        Assert.True(verify.Outputs.All(o => o.Mismatches == 0 && o.Elements == 40));

        // XRT opens no kernel with an axis port: the error names it.
        var definition = KernelXclbin.Describe(design).Kernels[0];
        Assert.Equal(ArgumentKind.Stream, definition.FindArgument("a")!.Kind);
        var refused = Assert.Throws<DeviceArgumentException>(() => ArgumentRules.RequireNoStreams(definition, "xrt:0"));
        Assert.Contains("argument 'a' is an axis stream port", refused.Message);

        // A kernel with ap_memory / ap_vld / ap_none ports has no xclbin: the error names the port and the flow.
        var firProject = PortedKernel.Project("AxisFir.cs");
        var fir = KernelCatalog.Find(firProject, "axis_fir");
        var firDesign = new KernelDesign(firProject, fir, KernelConfig.Resolve(fir, null, []), Board.Find("u55c"), 300);
        var noXclbin = Assert.Throws<DeviceArgumentException>(() => KernelXclbin.Describe(firDesign));
        Assert.Contains("argument 'coefficients' is an ap_memory port", noXclbin.Message);
        Assert.Contains("Vivado IP flow", noXclbin.Message);
    }
}
