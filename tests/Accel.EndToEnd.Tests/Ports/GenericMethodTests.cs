using Accel.Codegen.Ir.Analysis;

namespace Accel.Tests.Ports;

/// <summary>Generic methods are specialised per use: one IR function (and one C++ function) per list of type
/// arguments, named after them (Fir.Step&lt;short&gt; is Fir_Step_short), each costed and timed on its own.</summary>
public sealed class GenericMethodTests
{
    private static KernelProject Project(params string[] path) => KernelProject.FromFiles([TestPaths.Data(path)], []);

    [Fact]
    public void AGenericLibraryFunctionAtTwoTypesIsTwoFunctionsBitExactEmulatedAndEstimatedEach()
    {
        var project = Project("Ports", "Kernels", "GenericFir.cs");
        var (generated, csim) = KernelRuns.GenerateAndRun(project, "fir_generic", null, []);
        Assert.True(csim.BitExact, csim.Output);
        Assert.Equal(128, csim.Total);

        Assert.Equal(["Fir_Clamp_int", "Fir_Clamp_short", "Fir_Step_int", "Fir_Step_short", "Run"], generated.Ir.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        var cpp = File.ReadAllText(Path.Combine(generated.Directory, "fir_generic.cpp"));
        Assert.Contains("int16_t Fir_Step_short(int16_t shift[], const int16_t coeff[], int16_t sample, int32_t taps)", cpp);
        Assert.Contains("int32_t Fir_Step_int(int32_t shift[], const int32_t coeff[], int32_t sample, int32_t taps)", cpp);
        // short * short stays short in generic math: computed in int, converted back before the add.
        Assert.Contains("static_cast<int16_t>(accel::mul(static_cast<int32_t>(shift[i]), static_cast<int32_t>(coeff[i])))", cpp);
        Assert.Contains("int16_t y = Fir_Step_short(audioShift, audioCoeff, audio[n], taps);", cpp);

        var emulated = KernelRuns.Emulate(project, "fir_generic", null, []);
        foreach (var port in generated.Ir.Top.Parameters.Where(VariableUse.Of(generated.Ir).IsWritten))
            Assert.Equal(generated.Reference[port.Name], emulated.Outputs[port.Name]);
        Assert.Equal(["Fir_Step_int", "Fir_Step_short"], emulated.Timing.Loops.Values.Where(l => l.Function.StartsWith("Fir_", StringComparison.Ordinal)).Select(l => l.Function).Order(StringComparer.Ordinal));

        // Each specialisation is counted where it is called, at its own width: the 32-bit filter costs more.
        var byFunction = ResourceEstimator.Estimate(generated.Ir).ByFunction;
        Assert.True(byFunction.ContainsKey("Fir_Step_short") && byFunction.ContainsKey("Fir_Step_int"), string.Join(", ", byFunction.Keys));
        Assert.True(byFunction["Fir_Step_int"][Resource.Lut] + 100 * byFunction["Fir_Step_int"][Resource.Dsp]
            > byFunction["Fir_Step_short"][Resource.Lut] + 100 * byFunction["Fir_Step_short"][Resource.Dsp]);
    }

    [Fact]
    public void GenericMathKeepsCSharpsWidthsWrapsAndShiftMasksAtEveryType()
    {
        var project = Project("Csim", "Kernels", "GenericSemantics.cs");
        var (generated, csim) = KernelRuns.GenerateAndRun(project, "generic_semantics", null, []);
        Assert.True(csim.BitExact, csim.Output);
        Assert.Equal(8 * 48 + 2 * 48 + 2, csim.Total);
        var cpp = File.ReadAllText(Path.Combine(generated.Directory, "generic_semantics.cpp"));
        Assert.Contains("accel::shl(static_cast<int32_t>(a), s & 7)", cpp);                         // byte: count & 7
        Assert.Contains("accel::shr(static_cast<int32_t>(static_cast<uint8_t>(a)), s & 7)", cpp);   // sbyte >>>: its unsigned bits

        Assert.True(KernelRuns.GenerateAndRun(project, "generic_semantics", null, ["count=20"], sanitize: true).Csim.BitExact);

        var emulated = KernelRuns.Emulate(project, "generic_semantics", null, []);
        foreach (var port in generated.Ir.Top.Parameters.Where(VariableUse.Of(generated.Ir).IsWritten))
            Assert.Equal(generated.Reference[port.Name], emulated.Outputs[port.Name]);
        // Sum<long> reads the port b it is passed (48 words) besides the top's own reads of it.
        Assert.Equal(2 * 48 * 8, emulated.Report.Ports.Single(p => p.Name == "b").BytesRead);
    }

    [Fact]
    public void GenericMethodsOfTheKernelClassAreSpecialisedBitExactAndEmulated()
    {
        var project = Project("Csim", "Kernels", "GenericKernelMethods.cs");
        var (generated, csim) = KernelRuns.GenerateAndRun(project, "generic_kernel_methods", null, []);
        Assert.True(csim.BitExact, csim.Output);
        Assert.Equal(["Copy_int", "Copy_long", "IsZero_int", "Less_int", "Lookup_int", "Lookup_long", "Run", "Scale_int", "Scale_long", "SumBuffer_long"],
            generated.Ir.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        var emulated = KernelRuns.Emulate(project, "generic_kernel_methods", null, []);
        Assert.Equal(generated.Reference["c"], emulated.Outputs["c"]);
        Assert.Equal(generated.Reference["d"], emulated.Outputs["d"]);
        Assert.Equal(2, emulated.Timing.Loops.Values.Count(l => l.Function.StartsWith("Scale_", StringComparison.Ordinal) && l.Kind == Accel.Emulation.Kernels.LoopKind.Pipelined));
    }

    [Fact]
    public void GenericDataflowProcessesAreOneProcessPerSpecialisation()
    {
        var project = Project("Csim", "Kernels", "GenericDataflow.cs");
        var (generated, csim) = KernelRuns.GenerateAndRun(project, "generic_dataflow", null, []);
        Assert.True(csim.BitExact, csim.Output);
        var cpp = File.ReadAllText(Path.Combine(generated.Directory, "generic_dataflow.cpp"));
        Assert.Contains("void Flow_Twice_byte(accel::stream<uint8_t>& src, accel::stream<uint8_t>& dst, int32_t n)", cpp);
        Assert.Contains("void Flow_Twice_int(accel::stream<int32_t>& src, accel::stream<int32_t>& dst, int32_t n)", cpp);

        var emulated = KernelRuns.Emulate(project, "generic_dataflow", null, []);
        Assert.Equal(generated.Reference["b"], emulated.Outputs["b"]);
        Assert.Equal(generated.Reference["d"], emulated.Outputs["d"]);
        Assert.Equal(7, emulated.Report.Processes.Count); // the top and its six processes
    }

    [Fact]
    public void AGenericKernelClassIsOneReportWhenTheProjectLoads()
    {
        var path = ScratchKernel.Write("GenericKernel.cs", "using System.Numerics;\nusing Accel.Hw;\n[Kernel(\"bad\")]\npublic sealed class Bad<T>(int n = 4) where T : INumber<T>\n" +
            "{ [Top] public void Run([MAxi(\"gmem0\")] int[] data) { data[0] = data[1]; } }\n");
        var error = Assert.Throws<KernelDiagnosticsException>(() => KernelProject.FromFiles([path], []));   // `list` sees it too
        var only = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticIds.Generic.Id, 4), (only.Id, only.Line));
    }
}
