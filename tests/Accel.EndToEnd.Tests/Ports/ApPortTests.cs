using Accel.Runtime.Emulator.Designs;
using Accel.Tests.Csim;

namespace Accel.Tests.Ports;

/// <summary>Arbitrary-precision types at the top function (ap_dense: ap_fixed ports of 12, 8, 32 and 20 bits, an
/// ap_ufixed&lt;12,2&gt; scalar, an ap_fixed&lt;10,2&gt; lookup table; ap_axis: ap_fixed axis streams): each element
/// moves as its power-of-two container, the testbench converts the containers to and from ap values, and the C
/// simulation is bit-exact with the fallback header and with Xilinx's.</summary>
public sealed class ApPortTests
{
    private static readonly KernelProject Project = PortedKernel.Project("ApDense.cs");
    private static readonly KernelProject AxisProject = PortedKernel.Project("ApAxis.cs");

    // 16 inputs, 12 outputs: x is 16 words, w 16 x 12 = 192, bias and y 12 each.
    private static readonly string[] Overrides = ["nIn=16", "nOut=12", "reuse=4"];

    private static Codegen.Transpiler.Result Generate() => KernelRuns.Generate(Project, "ap_dense", null, Overrides);

    private static void AssertBitExact(Testbenches.Csim.Result result)
    {
        Assert.True(result.BitExact, result.Output);
        Assert.Contains("bit-exact: 12 of 12 outputs match", result.Output);
    }

    [Fact]
    public void ThePortsScalarAndTableArePrintedAsApTypesAndTheHostMovesContainers()
    {
        var generated = Generate();
        string Read(string file) => File.ReadAllText(Path.Combine(generated.Directory, file));
        Assert.Contains("extern \"C\" void ap_dense(const ap_fixed<12, 4>* x, const ap_fixed<8, 2>* w, const ap_fixed<32, 12>* bias, " +
            "ap_ufixed<12, 2> gain, ap_fixed<20, 8, AP_RND, AP_SAT>* y)", Read("ap_dense.h"));
        Assert.Contains("#include \"accel_ap.h\"", Read("ap_dense.h"));
        Assert.Contains("HLS INTERFACE mode=s_axilite port=gain", Read("ap_dense.cpp"));
        // scale[0] = 1.5 in ap_fixed<10,2> is 1.5 * 2^8 = 384; scale[1] = -1.5, -384.
        Assert.Contains("const ap_fixed<10, 2, AP_RND, AP_SAT> scale[12] = {", Read("ap_dense.cpp"));
        Assert.Contains("accel::ap_from_raw<ap_fixed<10, 2, AP_RND, AP_SAT>>(384), accel::ap_from_raw<ap_fixed<10, 2, AP_RND, AP_SAT>>(-384),", Read("ap_dense.cpp"));

        var tb = Read("tb.cpp");
        Assert.Contains("std::vector<int16_t> x(16);", tb);
        Assert.Contains("x_ap.push_back(accel::ap_from_raw<ap_fixed<12, 4>>(word));", tb);
        Assert.Contains("y[i] = static_cast<int32_t>(accel::ap_raw(y_ap[i]));", tb);
        Assert.Contains("ap_dense(x_ap.data(), w_ap.data(), bias_ap.data(), accel::ap_from_raw<ap_ufixed<12, 2>>(gain_value), y_ap.data());", tb);

        var host = Read("host.cpp");
        Assert.Contains("std::vector<int32_t> y(12);", host);
        Assert.Contains("run.set_arg(3, static_cast<uint16_t>(gain_value));", host);

        // Containers: 12 bits in 2 bytes, 8 in 1, 32 in 4, 20 in 4.
        long Size(string file) => new FileInfo(Path.Combine(generated.Directory, "golden", file)).Length;
        Assert.Equal([16 * 2, 192 * 1, 12 * 4, 12 * 4], new[] { Size("x.in.bin"), Size("w.in.bin"), Size("bias.in.bin"), Size("y.out.bin") });
        // The gain is its raw bits, an ap_ufixed<12,2>'s: 0 .. 4095.
        var gain = Read(Path.Combine("golden", "scalars.txt")).Split(' ', '\n');
        Assert.Equal("gain", gain[0]);
        Assert.InRange(long.Parse(gain[1], System.Globalization.CultureInfo.InvariantCulture), 0, 4095);
    }

    [Fact]
    public void TheFallbackHeaderIsBitExactAlsoUnderSanitizers()
    {
        var generated = Generate();
        AssertBitExact(Testbenches.Csim.Run(generated.Directory, generated.Ir.Name, extraFlags: "-DACCEL_AP_FALLBACK"));
        AssertBitExact(Testbenches.Csim.Run(generated.Directory, generated.Ir.Name, sanitize: true, extraFlags: "-DACCEL_AP_FALLBACK"));
    }

    [RealApTypesFact]
    public void TheRealHeadersAreBitExact()
    {
        var generated = Generate();
        AssertBitExact(Testbenches.Csim.Run(generated.Directory, generated.Ir.Name, extraFlags: RealApTypesFactAttribute.Flags));
        var axis = KernelRuns.Generate(AxisProject, "ap_axis", null, []);
        var csim = Testbenches.Csim.Run(axis.Directory, axis.Ir.Name, extraFlags: RealApTypesFactAttribute.Flags);
        Assert.True(csim.BitExact, csim.Output);
        Assert.Contains("bit-exact: 16 of 16 outputs match", csim.Output);
    }


    [Fact]
    public void TheEmulatorMovesContainersAndComputesTheReferenceOutputs()
    {
        var generated = Generate();
        var emulated = KernelRuns.Emulate(Project, "ap_dense", null, Overrides);
        Assert.Equal(generated.Reference["y"], emulated.Outputs["y"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(generated.Directory, "golden", "y.out.bin")), Codegen.Backends.Hls.GoldenVectors.Bytes(emulated.Outputs["y"]));
        // Each element read or written once, as its container: x 16 x 2 bytes, w 192 x 1, bias 12 x 4, y 12 x 4.
        var ports = emulated.Report.Ports.ToDictionary(p => p.Name);
        Assert.Equal([32, 192, 48, 0], new[] { ports["x"].BytesRead, ports["w"].BytesRead, ports["bias"].BytesRead, ports["y"].BytesRead });
        Assert.Equal(48, ports["y"].BytesWritten);
    }

    [Fact]
    public void TheEstimatorCostsTheTableAtItsWidthAndTheScalarAsOneRegister()
    {
        var estimate = ResourceEstimator.Estimate(Generate().Ir);
        // ap_fixed<10,2> entries are 10 bits (their 16-bit container is only the bus's layout).
        var scale = Assert.Single(estimate.Memories, m => m.Name == "scale");
        Assert.Equal((12L, 10), (scale.Depth, scale.Width));
        // Four buffers of two 32-bit address registers each, and the 12-bit gain in one: 9.
        Assert.Equal(9, Assert.Single(estimate.Items, i => i.What == "s_axilite registers (32 bit)").Count);
    }

    [Fact]
    public void TheEmuDeviceTakesContainerBuffersAndTheRawBitsOfTheScalar()
    {
        var (design, arrays, verify) = EmuDeviceRun.Of(Project, "ap_dense", Overrides);
        // The xclbin spells each argument as its container, as the host moves it, and y comes back as int32 words.
        var definition = KernelXclbin.Describe(design).Kernels[0];
        Assert.Equal(["const int16_t*", "const int8_t*", "const int32_t*", "uint16_t", "int32_t*"], definition.Arguments.Select(a => a.Type));
        Assert.IsType<int[]>(arrays["y"]);
        Assert.True(verify.Outputs.Single() is { Name: "y", Elements: 12, Mismatches: 0 });
    }

    [Fact]
    public void ApAxisStreamsCarryContainersThroughCsimTheEmulatorAndTheEmuDevice()
    {
        var generated = KernelRuns.Generate(AxisProject, "ap_axis", null, []);
        var tb = File.ReadAllText(Path.Combine(generated.Directory, "tb.cpp"));
        Assert.Contains("samples_stream.write(accel::ap_from_raw<ap_fixed<12, 4>>(word));", tb);
        Assert.Contains("shifted[i] = static_cast<int16_t>(accel::ap_raw(shifted_stream.read()));", tb);
        var csim = Testbenches.Csim.Run(generated.Directory, generated.Ir.Name, sanitize: true, extraFlags: "-DACCEL_AP_FALLBACK");
        Assert.True(csim.BitExact, csim.Output);
        Assert.Contains("bit-exact: 16 of 16 outputs match", csim.Output);
        Assert.Equal(generated.Reference["shifted"], KernelRuns.Emulate(AxisProject, "ap_axis", null, []).Outputs["shifted"]);

        var verify = EmuDeviceRun.Of(AxisProject, "ap_axis", []).Verify;
        Assert.True(verify.Outputs.Single() is { Name: "shifted", Elements: 16, Mismatches: 0 });
    }

    [Fact]
    public void AnApScalarTakesTheInterfaceItsAttributeGives()
    {
        // ap_axis with its offset an ap_vld wire instead of an s_axilite register: the same bits reach the kernel.
        var source = File.ReadAllText(TestPaths.Data("Ports", "Kernels", "ApAxis.cs")).Replace(", Offset offset)", ", [ApVld] Offset offset)");
        var (generated, csim) = KernelRuns.GenerateAndRun(ScratchKernel.Project("ApAxis.cs", source), "ap_axis", null, []);
        Assert.Contains("HLS INTERFACE mode=ap_vld port=offset", File.ReadAllText(Path.Combine(generated.Directory, "ap_axis.cpp")));
        Assert.True(csim.BitExact, csim.Output);
    }
}
