using Accel.Codegen.Backends.Rtl;

namespace Accel.Tests.Rtl;

/// <summary>What `accel rtl` prints, without running any tool: the same bytes every time, and a clear refusal
/// for a kernel outside the RTL subset.</summary>
public sealed class RtlGenerationTests
{
    private static SortedDictionary<string, string> Render(string kernelName, string configName) => Render(KernelCatalog.BuiltIn, kernelName, configName);

    private static SortedDictionary<string, string> Render(Codegen.Frontend.KernelProject project, string kernelName, string? configName)
    {
        var kernel = KernelCatalog.Find(project, kernelName);
        var config = Codegen.Frontend.KernelConfig.Resolve(kernel, configName, []);
        var ir = Codegen.Transpiler.Lower(project, kernel, config);
        var options = new RtlProjectWriter.Options(new EmulatorSchedule(ir, 300), EmulatorSchedule.Ports(ir, "u55c", 300), Force: false);
        var depths = ir.Top.Parameters.Where(p => p.Port is not null).ToDictionary(p => p.Name, _ => 64);
        return RtlProjectWriter.Render(ir, config.Name, depths, options);
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        var first = Render("softmax", "row16");
        var second = Render("softmax", "row16");
        Assert.Equal(first.Keys, second.Keys);
        foreach (var name in first.Keys) Assert.Equal(first[name], second[name]);
        Assert.Contains("module softmax (", first["softmax.v"]);
    }

    /// <summary>The pipelined loop's depth in the Verilog is the emulator's: gelu row16's valid bits cover stages
    /// 1..90 of a depth-91 pipeline, and its sequential loop waits its 1 cycle of loop control.</summary>
    [Fact]
    public void TheVerilogCarriesTheEmulatorsSchedule()
    {
        var verilog = Render("gelu", "row16")["gelu.v"];
        Assert.Contains("reg [89:0] p1_valid;", verilog);
        Assert.Contains("if (p1_valid[89]) begin", verilog);
        Assert.Contains("wait_count = 0;", verilog);
    }

    /// <summary>layernorm tokens5-dim7 copies 3 lanes a cycle: its ports get one slot per access site of an
    /// iteration (x read on 3, y written on 3), and each read slot a response queue of its own with room for a
    /// word a cycle over the pipeline's depth.</summary>
    [Fact]
    public void EachAccessOfAnIterationHasItsOwnSlot()
    {
        var verilog = Render("edgemoe_layernorm", "tokens5-dim7")["edgemoe_layernorm.v"];
        Assert.Contains("output reg x_rd_valid_2,", verilog);
        Assert.DoesNotContain("x_rd_valid_3", verilog);
        Assert.Contains("output reg y_wr_valid_2,", verilog);
        Assert.DoesNotContain("y_wr_valid_3", verilog);
        foreach (var slot in new[] { "", "_1", "_2" })
            Assert.Contains($"reg [31:0] q_x{slot} [0:127];", verilog); // depth 71 + 4 = 75 words
        Assert.DoesNotContain("q_x_3", verilog);
    }

    /// <summary>The linear unit's tile counters (loadRow, loadColumn, row, column) are assigned in its pipelined loop
    /// and give the weight, score and y addresses: the request side keeps its own copies, started from the
    /// values the loop is entered with, and steps them as the body does.</summary>
    [Fact]
    public void TheRequestSideComputesTheCountersItsAddressesNeed()
    {
        var verilog = Render("edgemoe_linear", "tokens5-in8-out6-all")["edgemoe_linear.v"];
        foreach (var counter in new[] { "loadRow", "loadColumn", "row", "column" })
            Assert.Matches($@"f\d+_LinearUnit_Run_{counter}__i = f\d+_LinearUnit_Run_{counter};", verilog);
        Assert.Contains("output reg scores_rd_valid,", verilog); // scoreWeighted: the row's score
        Assert.Contains("output reg y_rd_valid_1,", verilog);    // accumulate: y of both outputs of a tile
    }

    /// <summary>A gather (an address read from another port in the same pipelined loop) has no address on the
    /// request side: reported, nothing printed.</summary>
    [Fact]
    public void AnAddressReadFromMemoryInThePipelinedLoopIsReported()
    {
        var project = ScratchKernel.Project("Gather.cs", """
            using Accel.Hw;
            [Kernel("gather")]
            public sealed class Gather(int n = 8)
            {
                [Top]
                public void Run([MAxi("gmem0")] int[] index, [MAxi("gmem1")] int[] x, [MAxi("gmem2")] int[] y)
                {
                    for (int i = 0; i < n; i++)
                    {
                        Hls.Pipeline(1);
                        int j = index[i];
                        y[i] = x[j];
                    }
                }
                [Stimulus]
                public void Stimulus(Stimulus s) => s.Array("index", new int[n]).Array("x", new int[n]).Output<int>("y", n);
            }
            """);
        var error = Assert.Throws<Codegen.KernelDiagnosticsException>(() => Render(project, "gather", null));
        Assert.Contains(error.Diagnostics, d => d.Id == "ACCEL0040" && d.Message.Contains("depends on j, computed in the same pipelined loop from a memory read"));
    }

    /// <summary>A dataflow top's FIFO accesses the RTL cannot time as the emulator does: a read under a condition the
    /// body computes (the RTL pops an iteration's words at stage 0, before the body runs) and a write outside a
    /// pipelined loop. Both reported at their lines, nothing printed.</summary>
    [Fact]
    public void StreamAccessesOutsideTheSubsetAreReported()
    {
        var project = ScratchKernel.Project("Skip.cs", """
            using Accel.Hw;
            [Kernel("skip")]
            public sealed class Skip(int n = 8)
            {
                [Top]
                public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
                {
                    Hls.Dataflow();
                    var s = new Stream<int>(2);
                    Load(x, s);
                    Store(s, y);
                }
                void Load(int[] x, Stream<int> s)
                {
                    s.Write(n);
                    for (int i = 0; i < n; i++) { Hls.Pipeline(1); s.Write(x[i]); }
                }
                void Store(Stream<int> s, int[] y)
                {
                    for (int i = 0; i < n; i++)
                    {
                        Hls.Pipeline(1);
                        if (i > 2) { int v = s.Read(); y[i] = v; }
                    }
                }
                [Stimulus]
                public void Stimulus(Stimulus s) => s.Array("x", new int[n]).Output<int>("y", n);
            }
            """);
        var error = Assert.Throws<Codegen.KernelDiagnosticsException>(() => Render(project, "skip", null));
        Assert.Contains(error.Diagnostics, d => d.Id == "ACCEL0040" && d.Line == 15 && d.Message.Contains("a write of stream s outside a pipelined loop"));
        Assert.Contains(error.Diagnostics, d => d.Id == "ACCEL0040" && d.Line == 23 && d.Message.Contains("a stream read under a condition in a pipelined loop"));
    }

    /// <summary>An arbitrary-precision kernel is one report: fixed_dense's at its first ap value (FixedDense.cs:33,
    /// `var input = new Input[nIn];`); ap_dense's, with four ap_fixed ports and an ap_ufixed scalar, at the top
    /// function's line (ApDense.cs:32), not one per port.</summary>
    [Theory]
    [InlineData("FixedDense.cs", "fixed_dense", 33)]
    [InlineData("ApDense.cs", "ap_dense", 32)]
    public void AnArbitraryPrecisionKernelIsRefusedOnce(string file, string kernel, int line)
    {
        var project = Codegen.Frontend.KernelProject.FromFiles([TestPaths.Data("Ports", "Kernels", file)], []);
        var error = Assert.Throws<Codegen.KernelDiagnosticsException>(() => Render(project, kernel, null));
        var refusal = Assert.Single(error.Diagnostics);
        Assert.Equal(("ACCEL0040", line), (refusal.Id, refusal.Line));
        Assert.Contains("an arbitrary-precision type", refusal.Message);
    }

    [Fact]
    public void AKernelOutsideTheSubsetGetsTheDiagnosticAndExitTwo()
    {
        var scratch = TestPaths.Scratch("rtl-refusal");
        var (exit, _, stderr) = AccelProcess.Run("rtl", "attention", "--config", "tokens17-p1", "--out", Path.Combine(scratch, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("error ACCEL0040", stderr);
        Assert.Contains("Attention.cs(", stderr);
        Assert.Contains("not supported by the RTL back end yet", stderr);
        Assert.False(Directory.Exists(Path.Combine(scratch, "out")));
    }
}
