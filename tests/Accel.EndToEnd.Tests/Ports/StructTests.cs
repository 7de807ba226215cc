namespace Accel.Tests.Ports;

/// <summary>Structs by scalar replacement: a struct local is one local per field, a struct array one array per
/// field, a struct argument one argument per field; C#'s value semantics kept (the kernels' runs through C
/// simulation, the sanitizers and the emulator are rows of <see cref="PortedKernelTests"/>), estimated as the field
/// arrays.</summary>
public sealed class StructTests
{
    [Fact]
    public void AStructArraysFieldThatNothingReadsIsNotCounted()
    {
        var memories = ResourceEstimator.Estimate(PortedKernel.Lower("StructSemantics.cs", "struct_semantics", [])).Memories.Select(m => m.Name).ToHashSet();
        // scratch's R (its own index) and G (an output) are read; B, Bias, Valid and Gain only start at zero.
        Assert.Contains("scratch_R", memories);
        Assert.Contains("scratch_G", memories);
        Assert.DoesNotContain("scratch_B", memories);
        Assert.DoesNotContain("scratch_Gain", memories);
        Assert.Contains("line_Gain", memories);
    }

    [Fact]
    public void AStructIsItsFieldsInTheCppAndTheEstimate()
    {
        var generated = PortedKernel.Generate("ComplexFir.cs", "complex_fir", []);
        var cpp = PortedKernel.Cpp(generated);
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
