namespace Accel.Tests.Ports;

/// <summary>Eleven kernels written the way well-known public HLS examples are (vector add dataflow, systolic matrix
/// multiply, a 3 x 3 box filter over a 2-D image, histogram, RGB-to-HSV image conversion, quantised dense layer, a FIR
/// filter generic on its data type, a dense layer with ReLU on ap_fixed, a linear layer whose ports, gain and table
/// are ap_fixed, a streaming FIR on axis / ap_memory / ap_vld / ap_none ports, a streaming vector add between axis
/// ports), and the kernels of the jagged, struct and struct-port tests, each through gen, C simulation (also under
/// the sanitizers), emulation and estimate (<see cref="PortedKernel"/>): the emulator's outputs equal the reference,
/// the C simulation is bit-exact.</summary>
public sealed class PortedKernelTests
{
    public static TheoryData<string, string, string[]> Kernels() => new()
    {
        { "VectorAdd.cs", "vadd", ["size=100"] },
        { "SystolicMatmul.cs", "systolic_mm", ["size=4"] },
        { "BoxFilter.cs", "box_filter", ["height=6", "width=9"] },
        { "Histogram.cs", "histogram", ["size=200", "bins=16"] },
        { "ImageConvert.cs", "rgb_to_hsv", ["pixels=120"] },
        { "QuantDense.cs", "quant_dense", ["nIn=16", "nOut=8", "activation=2", "shift=6"] },
        { "GenericFir.cs", "fir_generic", ["samples=40", "taps=6"] },
        { "FixedDense.cs", "fixed_dense", ["nIn=16", "nOut=12", "reuse=4"] },
        { "ApDense.cs", "ap_dense", ["nIn=16", "nOut=12", "reuse=4"] },
        { "AxisFir.cs", "axis_fir", ["taps=6", "samples=50"] },
        { "StreamAdd.cs", "stream_add", ["size=40"] },
        // Jagged buffers (JaggedArrayTests)
        { "JaggedMatmul.cs", "jagged_mm", ["size=4"] },
        { "JaggedMatmul.cs", "jagged_mm", [] },
        { "JaggedBoxFilter.cs", "jagged_box", ["height=6", "width=9"] },
        // Structs (StructTests)
        { "ComplexFir.cs", "complex_fir", [] },
        { "ComplexFir.cs", "complex_fir", ["samples=20", "taps=3", "rotate=0"] },
        { "StructSemantics.cs", "struct_semantics", [] },
        // m_axi ports of structs (StructPortTests)
        { "StructPorts.cs", "struct_ports", ["n=8"] },
        { "ImageConvert.cs", "rgb_to_hsv", ["pixels=20"] },
        { "StructPortSemantics.cs", "struct_port_semantics", [] },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void PortedKernelIsBitExactInCsimAndEmulatesToTheSameOutputs(string file, string kernel, string[] overrides) =>
        PortedKernel.CheckBitExactEmulatedAndEstimated(file, kernel, overrides);

    [Theory]
    [MemberData(nameof(Kernels))]
    public void PortedKernelIsCleanUnderSanitizers(string file, string kernel, string[] overrides) =>
        PortedKernel.CheckCleanUnderSanitizers(file, kernel, overrides);

    [Fact]
    public void StreamReadsInsideAnExpressionArePrintedInCSharpOrderAndASwitchAsAnIfChain()
    {
        var cpp = PortedKernel.Cpp(PortedKernel.Generate("VectorAdd.cs", "vadd", ["size=8"]));
        int first = cpp.IndexOf("int32_t read_0 = a.read();", StringComparison.Ordinal);
        int second = cpp.IndexOf("int32_t read_1 = b.read();", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, cpp);
        Assert.Contains("sum.write(accel::add(read_0, read_1));", cpp);
        Assert.Contains("for (int32_t i = 0, j = size - 1; i < size;", cpp);

        cpp = PortedKernel.Cpp(PortedKernel.Generate("Histogram.cs", "histogram", ["size=8", "bins=16"]));
        Assert.Contains("int32_t switch_0 = ", cpp);
        Assert.Contains("} else if ((switch_0 == 1) || (switch_0 == 2)) {", cpp);
    }

    [Fact]
    public void TwoDimensionalPortsTakeTheStimulusDimensionsAndARowMajorBuffer()
    {
        var generated = PortedKernel.Generate("BoxFilter.cs", "box_filter", ["height=6", "width=9"]);
        var cpp = PortedKernel.Cpp(generated);
        Assert.Contains("extern \"C\" void box_filter(const int16_t image[6][9], int16_t filtered[6][9])", cpp);
        Assert.Contains("HLS INTERFACE mode=m_axi port=image bundle=gmem0 offset=slave depth=54 ", cpp); // 6 x 9 elements
        Assert.Contains("void LoadRow(const int16_t image[6][9], int16_t lines[3][9], int32_t row)", cpp);
        var testbench = File.ReadAllText(Path.Combine(generated.Directory, "tb.cpp"));
        Assert.Contains("reinterpret_cast<const int16_t (*)[9]>(image.data())", testbench);

        // The golden input is the stimulus's image row after row: element (r, c) at r * 9 + c.
        var image = (short[,])generated.Stimulus.Arrays["image"];
        var bytes = File.ReadAllBytes(Path.Combine(generated.Directory, "golden", "image.in.bin"));
        Assert.Equal(6 * 9 * sizeof(short), bytes.Length);
        Assert.Equal(image[4, 7], BitConverter.ToInt16(bytes, (4 * 9 + 7) * sizeof(short)));
    }

    /// <summary>The systolic matrix multiply, written with T[,] buffers or with jagged ones (JaggedArrayTests).</summary>
    [Theory]
    [InlineData("SystolicMatmul.cs", "systolic_mm")]
    [InlineData("JaggedMatmul.cs", "jagged_mm")]
    public void TwoDimensionalBuffersKeepTheirDimensionsAsArgumentsAndPartitionPerDimension(string file, string kernel)
    {
        var generated = PortedKernel.Generate(file, kernel, ["size=4"]);
        var cpp = PortedKernel.Cpp(generated);
        Assert.Contains("int16_t localA[size][size];", cpp); // written whole by the load loop before any read: no zero-fill
        Assert.Contains("HLS ARRAY_PARTITION variable=localA type=complete dim=1", cpp);
        Assert.Contains("HLS ARRAY_PARTITION variable=localB type=complete dim=2", cpp);
        Assert.Contains("localC[i][j] = accel::add(last, accel::mul(static_cast<int32_t>(localA[i][k]), static_cast<int32_t>(localB[k][j])));", cpp);
        // The functions take the buffers with the dimensions their call passes; read-only ones are const.
        Assert.Contains("void Load(const int16_t a[], const int16_t b[], int16_t localA[4][4], int16_t localB[4][4])", cpp);
        Assert.Contains("void Multiply(const int16_t localA[4][4], const int16_t localB[4][4], int32_t localC[4][4])", cpp);
        Assert.Contains("void Store(const int32_t localC[4][4], int32_t c[])", cpp);

        // The estimate counts R x C elements: localC is registers (complete in every dimension, 4 x 4 x 32 bits);
        // localA and localB are 4 banks each (one per index of the partitioned dimension) of 4 words.
        var estimate = ResourceEstimator.Estimate(generated.Ir);
        var memories = estimate.Memories.ToDictionary(m => m.Name);
        Assert.Equal((Storage.Registers, 16L), (memories["localC"].Storage, memories["localC"].Banks));
        Assert.Equal((4L, 4L), (memories["localA"].Banks, memories["localA"].Depth));
        Assert.Equal((4L, 4L), (memories["localB"].Banks, memories["localB"].Depth));
    }
}
