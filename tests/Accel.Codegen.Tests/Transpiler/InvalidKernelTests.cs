using Accel.Codegen;
using Accel.Codegen.Frontend;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.Tests.Transpiler;

/// <summary>Every construct outside the kernel subset is a diagnostic with its id, at its file and line, with a
/// hint, and no C++. Each case is a kernel file named after the id it must produce, the offending line marked //!.</summary>
public sealed class InvalidKernelTests
{
    private static List<string> CaseFiles() =>
        TestPaths.DataFiles(["Transpiler", "Invalid"]).ToList();

    public static TheoryData<string> Cases() => new(CaseFiles());

    [Fact]
    public void TheTableCoversAtLeastFifteenDistinctConstructs()
    {
        var files = CaseFiles();
        int ids = files.Select(f => f.Split('-')[0]).Distinct().Count();
        Assert.True(files.Count >= 30 && ids >= 20, $"{files.Count} cases, {ids} ids");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConstructIsRejectedAtItsLine(string fileName)
    {
        var path = TestPaths.Data("Transpiler", "Invalid", fileName);
        string expectedId = fileName.Split('-')[0];
        int expectedLine = File.ReadAllLines(path).Select((line, i) => (line, i)).Single(x => x.line.TrimEnd().EndsWith("//!", StringComparison.Ordinal)).i + 1;

        var project = KernelProject.FromFiles([path], []);
        var kernel = KernelCatalog.Find(project, "bad");
        var error = Assert.Throws<KernelDiagnosticsException>(() => Codegen.Transpiler.Lower(project, kernel, KernelConfig.Resolve(kernel, null, [])));

        Assert.DoesNotContain(error.Diagnostics, d => d.Id == DiagnosticIds.CSharpError.Id);
        var match = error.Diagnostics.FirstOrDefault(d => d.Id == expectedId && d.Line == expectedLine);
        Assert.True(match is not null, $"expected {expectedId} at line {expectedLine}, got:\n{string.Join("\n", error.Diagnostics)}");
        Assert.Equal(path, match!.File);
        Assert.Matches(@"^.+\(\d+,\d+\): error ACCEL\d{4}: .+; .+$", match.ToString());
    }

    [Fact]
    public void OneRunReportsEveryProblem()
    {
        var path = Path.Combine(TestPaths.Scratch("many"), "Many.cs");
        File.WriteAllText(path, """
            using Accel.Hw;
            [Kernel("bad")]
            public sealed class Bad
            {
                [Top]
                public void Run([MAxi("gmem0")] int[] data)
                {
                    string s = "x";
                    foreach (var v in data) data[0] = v;
                    data[1] = (int)Math.Sqrt(2.0);
                }
            }
            """);
        var project = KernelProject.FromFiles([path], []);
        var error = Assert.Throws<KernelDiagnosticsException>(() => Codegen.Transpiler.Lower(project, project.Kernels[0], KernelConfig.Resolve(project.Kernels[0], null, [])));
        Assert.Equal(["ACCEL0016", "ACCEL0019", "ACCEL0024"], error.Diagnostics.Select(d => d.Id).Distinct().Order().ToArray());
    }

    [Fact]
    public void ACSharpErrorIsReportedWithItsLocation()
    {
        var path = Path.Combine(TestPaths.Scratch("cserror"), "Broken.cs");
        File.WriteAllText(path, "using Accel.Hw;\n[Kernel(\"bad\")]\npublic sealed class Bad { [Top] public void Run() { int x = ; } }\n");
        var error = Assert.Throws<KernelDiagnosticsException>(() => KernelProject.FromFiles([path], []));
        Assert.Contains(error.Diagnostics, d => d.Id == "ACCEL0001" && d.Line == 3 && d.File == path);
    }

    [Theory]
    [InlineData("case")]
    [InlineData("2fast")]
    [InlineData("my-kernel")]
    public void AKernelNameThatCannotBeACppFunctionIsRejected(string name)
    {
        var path = Path.Combine(TestPaths.Scratch("name"), "Named.cs");
        File.WriteAllText(path, $"using Accel.Hw;\n[Kernel(\"{name}\")]\npublic sealed class Named {{ [Top] public void Run([MAxi(\"g\")] int[] d) {{ d[0] = 1; }} }}\n");
        var error = Assert.Throws<KernelDiagnosticsException>(() => KernelProject.FromFiles([path], []));   // checked when the kernel is loaded
        Assert.Contains(error.Diagnostics, d => d.Id == "ACCEL0002" && d.Message.Contains(name));
    }
}
