namespace Accel.Tests.Csim;

/// <summary>Generated C++ on ap_int / ap_fixed against the C# Int/Fixed types, bit for bit: with Accel's fallback
/// header (always), and with Vitis's real ap_types headers when ACCEL_AP_TYPES_INCLUDE names their folder.</summary>
public sealed class ApTypesCsimTests
{
    private static readonly KernelProject Project = KernelProject.FromFiles([TestPaths.Data("Csim", "Kernels", "ApSemantics.cs")], []);

    private static void AssertBitExact(Testbenches.Csim.Result result)
    {
        Assert.True(result.BitExact, result.Output);
        Assert.Contains($"bit-exact: {result.Total} of {result.Total} outputs match", result.Output);
    }

    private static Codegen.Transpiler.Result Generate() => KernelRuns.Generate(Project, "ap_semantics", null, []);

    [Fact]
    public void TheFallbackHeaderMatchesTheCSharpTypes()
    {
        var generated = Generate();
        AssertBitExact(Testbenches.Csim.Run(generated.Directory, generated.Ir.Name, extraFlags: "-DACCEL_AP_FALLBACK"));
        AssertBitExact(Testbenches.Csim.Run(generated.Directory, generated.Ir.Name, sanitize: true, extraFlags: "-DACCEL_AP_FALLBACK"));
        var cpp = File.ReadAllText(Path.Combine(generated.Directory, "ap_semantics.cpp"));
        Assert.Contains("ap_fixed<9, 4, AP_RND_CONV, AP_SAT_SYM>(", cpp);
        Assert.Contains("ap_uint<40>", cpp);
        Assert.Contains("accel::ap_from_raw<ap_fixed<18, 7>>(", cpp);
    }

    [Fact]
    public void TheEmulatorRunsTheKernelToTheReferenceOutputs()
    {
        var generated = Generate();
        var emulated = KernelRuns.Emulate(Project, "ap_semantics", null, []);
        Assert.Equal(generated.Reference["results"], emulated.Outputs["results"]);
        Assert.True(emulated.Report.TotalCycles > 0);
    }

    [RealApTypesFact]
    public void TheRealHeadersMatchTheCSharpTypes()
    {
        var generated = Generate();
        AssertBitExact(Testbenches.Csim.Run(generated.Directory, generated.Ir.Name, extraFlags: RealApTypesFactAttribute.Flags));
    }
}

/// <summary>Runs when ACCEL_AP_TYPES_INCLUDE names a folder holding Vitis's ap_fixed.h (github.com/Xilinx/
/// HLS_arbitrary_Precision_Types/include, or $XILINX_HLS/include).</summary>
public sealed class RealApTypesFactAttribute : FactAttribute
{
    public static string? Include => Environment.GetEnvironmentVariable("ACCEL_AP_TYPES_INCLUDE");

    /// <summary>g++ flags that pick them, as the generated Makefile's AP_FLAGS: Vitis's headers read bits they have
    /// not set, which g++ warns about.</summary>
    public static string Flags => $"-isystem {Include} -Wno-uninitialized -Wno-maybe-uninitialized";

    public RealApTypesFactAttribute()
    {
        if (Include is null || !File.Exists(Path.Combine(Include, "ap_fixed.h")))
            Skip = "Vitis's ap_types headers are not given: set ACCEL_AP_TYPES_INCLUDE to the folder holding ap_fixed.h to compare them too";
    }
}
