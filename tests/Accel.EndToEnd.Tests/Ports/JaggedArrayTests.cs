using Accel.Codegen.Ir.Analysis;

namespace Accel.Tests.Ports;

/// <summary>Jagged on-chip buffers as C# users write them (`short[][] localA = new short[n][]` with a row loop,
/// `short[][] lines = [new short[w], ...]`): two ported kernels with jagged buffers, bit-exact in C simulation (also
/// under the sanitizers), emulated to the reference's outputs, and the same hardware as their twins written with
/// T[,] (SystolicMatmul.cs, BoxFilter.cs): the same C++ but for names, the same cycles, the same estimate.</summary>
public sealed class JaggedArrayTests
{
    private static readonly Codegen.Backends.Hls.HlsProjectWriter.Options U55c = new(Codegen.Backends.Hls.Board.Find("u55c"), 300);

    public static TheoryData<string, string, string[]> Kernels() => new()
    {
        { "JaggedMatmul.cs", "jagged_mm", ["size=4"] },
        { "JaggedMatmul.cs", "jagged_mm", [] },
        { "JaggedBoxFilter.cs", "jagged_box", ["height=6", "width=9"] },
    };

    /// <summary>Each jagged kernel and its T[,] twin at one configuration.</summary>
    public static TheoryData<string, string, string, string, string[]> Twins() => new()
    {
        { "JaggedMatmul.cs", "jagged_mm", "SystolicMatmul.cs", "systolic_mm", ["size=4"] },
        { "JaggedBoxFilter.cs", "jagged_box", "BoxFilter.cs", "box_filter", ["height=6", "width=9"] },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void JaggedKernelIsBitExactInCsimAndEmulatesToTheReference(string file, string kernel, string[] overrides) =>
        PortedKernel.CheckBitExactEmulatedAndEstimated(file, kernel, overrides);

    [Theory]
    [MemberData(nameof(Kernels))]
    public void JaggedKernelIsCleanUnderSanitizers(string file, string kernel, string[] overrides) =>
        PortedKernel.CheckCleanUnderSanitizers(file, kernel, overrides);

    [Theory]
    [MemberData(nameof(Twins))]
    public void AJaggedKernelIsTheSameHardwareAsItsTwoDimensionalTwin(string file, string kernel, string twinFile, string twin, string[] overrides)
    {
        var jagged = Generate(file, kernel, overrides);
        var flat = Generate(twinFile, twin, overrides);
        // The same C++ but for the banner, the source lines and the top's name.
        Assert.Equal(Body(flat.Cpp, twin, twinFile), Body(jagged.Cpp, kernel, file));

        var a = KernelRuns.Emulate(PortedKernel.Project(file), kernel, null, overrides);
        var b = KernelRuns.Emulate(PortedKernel.Project(twinFile), twin, null, overrides);
        Assert.Equal(b.Report.TotalCycles, a.Report.TotalCycles);

        var x = ResourceEstimator.Estimate(jagged.Ir);
        var y = ResourceEstimator.Estimate(flat.Ir);
        Assert.All(Enum.GetValues<Resource>(), r => Assert.Equal(y[r], x[r]));
        Assert.Equal(y.Memories.Select(m => (m.Name, m.Depth, m.Width, m.Banks, m.Storage)), x.Memories.Select(m => (m.Name, m.Depth, m.Width, m.Banks, m.Storage)));
    }

    [Fact]
    public void TheJaggedMatrixMultiplyTakesTheCyclesOfItsLoops()
    {
        // size 4. Load: 4 rows, each its loop control (1 cycle) and a pipelined row of 4 at II 1: 3 + depth.
        // Multiply: the k loop, pipelined, 4 iterations at II 1 (the 4 x 4 PEs unrolled inside): 3 + depth.
        // Store: 4 x (1 + 3 + depth). Then the top's straight-line cycles (its three calls) and the final write
        // response of c: the port's latency after its last beat (64 + 1). The report's depths are 77 (the m_axi
        // read latency 64 inside), 19 and 7, so 4 x 81 + 22 + 4 x 11 + 1 + 65 = 456.
        var result = KernelRuns.Emulate(PortedKernel.Project("JaggedMatmul.cs"), "jagged_mm", null, ["size=4"]);
        var loops = result.Timing.Loops;
        Assert.Equal([LoopKind.Sequential, LoopKind.Pipelined, LoopKind.Pipelined, LoopKind.Unrolled, LoopKind.Unrolled, LoopKind.Sequential, LoopKind.Pipelined],
            loops.Values.OrderBy(l => l.Id).Select(l => l.Kind));
        long Pass(int id) => 3 * loops[id].II + loops[id].Depth;
        long expected = 4 * (loops[0].BodyCycles + Pass(1)) + Pass(2) + 4 * (loops[5].BodyCycles + Pass(6))
            + result.Timing.FunctionCycles[result.Ir.Top.Name] + 64 + 1;
        Assert.Equal(expected, result.Report.TotalCycles);
        Assert.Equal((77, 19, 7), (loops[1].Depth, loops[2].Depth, loops[6].Depth));
        Assert.Equal(456, result.Report.TotalCycles);
    }

    [Fact]
    public void JaggedBuffersArePrintedAsTwoDimensionalArraysAndTakeTheirPartitionPerDimension()
    {
        var (cpp, ir) = Generate("JaggedMatmul.cs", "jagged_mm", ["size=4"]);
        Assert.Contains("int16_t localA[size][size];", cpp);
        Assert.Contains("HLS ARRAY_PARTITION variable=localA type=complete dim=1", cpp);
        Assert.Contains("HLS ARRAY_PARTITION variable=localB type=complete dim=2", cpp);
        Assert.Contains("void Load(const int16_t a[], const int16_t b[], int16_t localA[4][4], int16_t localB[4][4])", cpp);
        Assert.Contains("localC[i][j] = accel::add(last, accel::mul(static_cast<int32_t>(localA[i][k]), static_cast<int32_t>(localB[k][j])));", cpp);

        // The estimate counts R x C elements: localC complete in every dimension is 16 registers of 32 bits,
        // localA and localB 4 banks (one per index of the partitioned dimension) of 4 words.
        var memories = ResourceEstimator.Estimate(ir).Memories.ToDictionary(m => m.Name);
        Assert.Equal((Storage.Registers, 16L), (memories["localC"].Storage, memories["localC"].Banks));
        Assert.Equal((4L, 4L), (memories["localA"].Banks, memories["localA"].Depth));
        Assert.Equal((4L, 4L), (memories["localB"].Banks, memories["localB"].Depth));
    }

    private static (string Cpp, Codegen.Ir.IrKernel Ir) Generate(string file, string kernel, string[] overrides)
    {
        var project = PortedKernel.Project(file);
        var info = KernelCatalog.Find(project, kernel);
        var generated = Codegen.Transpiler.Generate(project, info, KernelConfig.Resolve(info, null, overrides), TestPaths.Scratch($"jagged-{kernel}"), U55c);
        return (File.ReadAllText(Path.Combine(generated.Directory, $"{kernel}.cpp")), generated.Ir);
    }

    /// <summary>The C++ without its banner and source-line comments, the kernel's name as K.</summary>
    private static string Body(string cpp, string kernel, string file) => string.Join("\n", cpp.Split('\n')
        .Where(l => !l.StartsWith("// Generated by", StringComparison.Ordinal) && !l.StartsWith("// Do not edit", StringComparison.Ordinal))
        .Select(l => System.Text.RegularExpressions.Regex.Replace(l, $@"from {System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(file))}:\d+", "from the source"))
        .Select(l => l.Replace(kernel, "K", StringComparison.Ordinal)));
}
