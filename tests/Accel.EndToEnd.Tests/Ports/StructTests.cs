using Accel.Codegen.Ir.Analysis;

namespace Accel.Tests.Ports;

/// <summary>Structs by scalar replacement: a struct local is one local per field, a struct array one array per
/// field, a struct argument one argument per field; C#'s value semantics kept, bit-exact in C simulation (also
/// under the sanitizers), emulated to the reference's outputs, estimated as the field arrays.</summary>
public sealed class StructTests
{
    public static TheoryData<string, string, string[]> Kernels() => new()
    {
        { "ComplexFir.cs", "complex_fir", [] },
        { "ComplexFir.cs", "complex_fir", ["samples=20", "taps=3", "rotate=0"] },
        { "StructSemantics.cs", "struct_semantics", [] },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void StructKernelIsBitExactInCsimEmulatesToTheReferenceAndIsEstimated(string file, string kernel, string[] overrides) =>
        PortedKernel.CheckBitExactEmulatedAndEstimated(file, kernel, overrides);

    [Fact]
    public void AStructArraysFieldThatNothingReadsIsNotCounted()
    {
        var project = PortedKernel.Project("StructSemantics.cs");
        var kernel = KernelCatalog.Find(project, "struct_semantics");
        var ir = Codegen.Transpiler.Lower(project, kernel, KernelConfig.Resolve(kernel, null, []));
        var memories = ResourceEstimator.Estimate(ir).Memories.Select(m => m.Name).ToHashSet();
        // scratch's R (its own index) and G (an output) are read; B, Bias, Valid and Gain only start at zero.
        Assert.Contains("scratch_R", memories);
        Assert.Contains("scratch_G", memories);
        Assert.DoesNotContain("scratch_B", memories);
        Assert.DoesNotContain("scratch_Gain", memories);
        Assert.Contains("line_Gain", memories);
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void StructKernelIsCleanUnderSanitizers(string file, string kernel, string[] overrides) =>
        PortedKernel.CheckCleanUnderSanitizers(file, kernel, overrides);

    [Fact]
    public void AStructIsItsFieldsInTheCppAndTheEstimate()
    {
        var project = PortedKernel.Project("ComplexFir.cs");
        var kernel = KernelCatalog.Find(project, "complex_fir");
        var generated = Codegen.Transpiler.Generate(project, kernel, KernelConfig.Resolve(kernel, null, []), TestPaths.Scratch("complex-fir"),
            new Codegen.Backends.Hls.HlsProjectWriter.Options(Codegen.Backends.Hls.Board.Find("u55c"), 300));
        var cpp = File.ReadAllText(Path.Combine(generated.Directory, "complex_fir.cpp"));
        // A struct array is one array per field, a directive on it applies to each.
        Assert.Contains("int32_t buf_Re[64] = {};", cpp);
        Assert.Contains("int32_t buf_Im[64] = {};", cpp);
        Assert.Contains("HLS ARRAY_PARTITION variable=shift_Re type=complete dim=1", cpp);
        Assert.Contains("HLS ARRAY_PARTITION variable=shift_Im type=complete dim=1", cpp);
        // Assignment copies every field; a struct (array) argument passes every field (array).
        Assert.Contains("shift_Re[t] = shift_Re[accel::sub(t, 1)];", cpp);
        Assert.Contains("void Load(const int32_t src[], int32_t dst_Re[], int32_t dst_Im[], int32_t count)", cpp);
        Assert.Contains("MulRe(shift_Re[t], shift_Im[t], h_Re[t], h_Im[t])", cpp);
        // acc = new Complex { Re = acc.Im, Im = -acc.Re } reads what it writes: through temporaries, as C# does.
        Assert.Contains("int32_t struct_0 = acc_Im;", cpp);
        Assert.Contains("acc_Im = struct_1;", cpp);

        // Hand-derived: buf is 64 Complex of two int fields, so two memories of 64 x 32 bits (one per field);
        // shift and h are completely partitioned: 8 registers of 32 bits per field.
        var memories = ResourceEstimator.Estimate(generated.Ir).Memories.ToDictionary(m => m.Name);
        Assert.Equal((64L, 32, 1L), (memories["buf_Re"].Depth, memories["buf_Re"].Width, memories["buf_Re"].Banks));
        Assert.Equal((64L, 32, 1L), (memories["buf_Im"].Depth, memories["buf_Im"].Width, memories["buf_Im"].Banks));
        Assert.DoesNotContain(memories.Keys, k => k == "buf");
        foreach (var name in new[] { "shift_Re", "shift_Im", "h_Re", "h_Im" })
            Assert.Equal((Storage.Registers, 8L), (memories[name].Storage, memories[name].Banks));
    }
}
