using Accel.Codegen;

namespace Accel.Tests.Transpiler;

/// <summary>The generated kernel C++ is compared byte for byte with a reviewed copy. After an intended change,
/// regenerate with ACCEL_UPDATE_SNAPSHOTS=1 and review the diff.</summary>
public sealed class SnapshotTests
{
    private static readonly HlsProjectWriter.Options Options = new(Board.Find("u55c"), 300);

    public static TheoryData<string> CaseFiles() => new(TestPaths.DataFiles(["Transpiler", "Cases"]));

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void FeatureCaseMatchesItsSnapshot(string file)
    {
        var project = KernelProject.FromFiles([TestPaths.Data("Transpiler", "Cases", file)], []);
        Check(project, "case_kernel", null, Path.ChangeExtension(file, ".expected.cpp"), "case_kernel.cpp");
    }

    [Theory]
    [InlineData("softmax", "row16")]
    [InlineData("gelu", "row16")]
    public void BuiltInKernelMatchesItsSnapshot(string kernel, string config) =>
        Check(KernelCatalog.BuiltIn, kernel, config, $"{kernel}-{config}.expected.cpp", $"{kernel}.cpp");

    private static void Check(KernelProject project, string kernelName, string? config, string snapshot, string generatedName)
    {
        var kernel = KernelCatalog.Find(project, kernelName);
        var resolved = KernelConfig.Resolve(kernel, config, []);
        var ir = Codegen.Transpiler.Lower(project, kernel, resolved);
        var depths = ir.Top.Parameters.Where(p => p.Kind != Codegen.Ir.VariableKind.Scalar).ToDictionary(p => p.Name, _ => 64); // ports, ap_memory arrays, axis streams
        var actual = HlsProjectWriter.Render(ir, resolved.Name, depths, Options)[generatedName]
            .Replace(kernel.SourceFile, Path.GetFileName(kernel.SourceFile)); // the banner names the path the test ran from

        var expectedPath = TestPaths.Data("Transpiler", "Cases", snapshot);
        if (Environment.GetEnvironmentVariable("ACCEL_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(TestPaths.Source("Accel.Codegen.Tests", "Transpiler", "Cases", snapshot), actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"no snapshot {snapshot}; run the tests with ACCEL_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
