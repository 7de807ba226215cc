namespace Accel.Tests.Csim;

/// <summary>Generated HLS compiled with g++ matches the C# reference word for word.</summary>
public sealed class CsimTests
{
    private static void AssertBitExact(Testbenches.Csim.Result result)
    {
        Assert.True(result.BitExact, result.Output);
        Assert.Contains($"bit-exact: {result.Total} of {result.Total} outputs match", result.Output);
    }

    /// <summary>softmax and gelu at their defaults and every named configuration (the Edge-MoE and ORAM kernels are
    /// C-simulated by their own projects' tests).</summary>
    public static TheoryData<string, string> BuiltInKernels() => BuiltInConfigurations.Rows(BuiltInConfigurations.WithDefaults("softmax", "gelu"));

    [Theory]
    [MemberData(nameof(BuiltInKernels))]
    public void BuiltInKernelIsBitExact(string kernel, string config)
    {
        var (generated, csim) = KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, kernel, config, []);
        AssertBitExact(csim);
        Assert.Equal(KernelRuns.WrittenWords(generated), csim.Total); // every output word was compared
    }

    [Theory]
    [InlineData("softmax", "rowLength=33", "lanes=5", "expTableBits=6")]
    [InlineData("gelu", "rowLength=129", "lanes=3", "tableFracBits=12")]
    public void ParameterOverridesAreBitExact(string kernel, params string[] overrides)
    {
        AssertBitExact(KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, kernel, null, overrides).Csim);
    }

    [Theory]
    [InlineData("softmax", "row129-lanes4")]
    [InlineData("gelu", "row129-lanes4")]
    public void GeneratedCodeIsFreeOfUndefinedBehaviourUnderSanitizers(string kernel, string config)
    {
        AssertBitExact(KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, kernel, config, [], sanitize: true).Csim);
    }

    [Fact]
    public void CSharpAndCppAgreeOnWrappingShiftsDivisionAndCasts()
    {
        var project = KernelProject.FromFiles([TestPaths.Data("Csim", "Kernels", "Semantics.cs")], []);
        AssertBitExact(KernelRuns.GenerateAndRun(project, "semantics", null, []).Csim);
        AssertBitExact(KernelRuns.GenerateAndRun(project, "semantics", null, ["shiftBias=35"], sanitize: true).Csim);
    }

    [Fact]
    public void AUserKernelFromAnyFileGoesThroughGenAndCsimWithDataflowAndStreams()
    {
        var project = KernelProject.FromFiles([TestPaths.Data("Csim", "Kernels", "ScalePipeline.cs")], []);
        var (generated, csim) = KernelRuns.GenerateAndRun(project, "scale_pipeline", null, ["length=129"]);
        AssertBitExact(csim);
        var cpp = File.ReadAllText(Path.Combine(generated.Directory, "scale_pipeline.cpp"));
        Assert.Contains("ACCEL_PRAGMA(\"HLS DATAFLOW\")", cpp);
        Assert.Contains("accel::stream<int32_t> raw;", cpp);
        Assert.Contains("ACCEL_PRAGMA(\"HLS STREAM variable=raw depth=4\")", cpp);
        Assert.Contains("sp=scale_pipeline_1.input:HBM[2]", File.ReadAllText(Path.Combine(generated.Directory, "link.cfg")));
    }

    /// <summary>The codegen tests' feature cases (their snapshots are checked there).</summary>
    public static TheoryData<string> TranspilerCaseFiles() => new(TestPaths.DataFiles(["Transpiler", "Cases"]));

    [Theory]
    [MemberData(nameof(TranspilerCaseFiles))]
    public void SnapshotFeatureCaseIsBitExact(string file)
    {
        var project = KernelProject.FromFiles([TestPaths.Data("Transpiler", "Cases", file)], []);
        AssertBitExact(KernelRuns.GenerateAndRun(project, "case_kernel", null, []).Csim);
    }

    [Fact]
    public void ACorruptedGeneratedFileMakesCsimFailWithTheFirstMismatches()
    {
        var (generated, csim) = KernelRuns.GenerateAndRun(KernelCatalog.BuiltIn, "gelu", "row16", []);
        AssertBitExact(csim);
        var path = Path.Combine(generated.Directory, "gelu.cpp");
        var source = File.ReadAllText(path);
        // One wrong constant: the table's fraction bits, so every non-zero correction is scaled wrongly.
        var corrupted = source.Replace("constexpr int32_t tableFracBits = 16;", "constexpr int32_t tableFracBits = 15;");
        Assert.NotEqual(source, corrupted);
        File.WriteAllText(path, corrupted);

        var failed = Testbenches.Csim.Run(generated.Directory, "gelu");
        Assert.True(failed.Compiled, failed.Output);
        Assert.False(failed.BitExact);
        Assert.Equal(1, failed.ExitCode);
        Assert.Matches(@"mismatch y\[\d+\]: expected -?\d+, actual -?\d+", failed.Output);
        Assert.True(failed.Matched < failed.Total);
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        var kernel = KernelCatalog.Find(KernelCatalog.BuiltIn, "softmax");
        var config = KernelConfig.Resolve(kernel, "row16", []);
        var first = Codegen.Transpiler.Generate(KernelCatalog.BuiltIn, kernel, config, TestPaths.Scratch("det1"), KernelRuns.HlsOptions);
        var second = Codegen.Transpiler.Generate(KernelCatalog.BuiltIn, kernel, config, TestPaths.Scratch("det2"), KernelRuns.HlsOptions);
        foreach (var file in Directory.GetFiles(first.Directory, "*", SearchOption.AllDirectories))
        {
            var twin = Path.Combine(second.Directory, Path.GetRelativePath(first.Directory, file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(twin)), $"{Path.GetRelativePath(first.Directory, file)} differs");
        }
    }
}
