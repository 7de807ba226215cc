using Accel.Codegen;

namespace Accel.Tests.Transpiler;

/// <summary>Every construct outside the kernel subset is one diagnostic (nothing follows from it) with its id, at
/// its file and line, with a hint, and no C++. The cases are kernels grouped by family in Invalid/*.cs
/// (<see cref="InvalidCase"/>).</summary>
public sealed class InvalidKernelTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in InvalidCase.All()) data.Add(c.FileName, c.Kernel);
        return data;
    }

    [Fact]
    public void TheTableCoversAtLeastTwentyDistinctConstructs()
    {
        var cases = InvalidCase.All();
        int ids = cases.Select(c => c.Id).Distinct().Count();
        Assert.True(cases.Count >= 30 && ids >= 20, $"{cases.Count} cases, {ids} ids");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConstructIsOneReportAtItsLine(string fileName, string kernelName)
    {
        var expected = InvalidCase.All().Single(c => c.FileName == fileName && c.Kernel == kernelName);
        var project = KernelProject.FromFiles([expected.Path], []);
        var kernel = KernelCatalog.Find(project, kernelName);
        var error = Assert.Throws<KernelDiagnosticsException>(() => Codegen.Transpiler.Lower(project, kernel, KernelConfig.Resolve(kernel, null, [])));

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal((expected.Id, expected.Line, expected.Path), (only.Id, only.Line, only.File));
        Assert.Matches(@"^.+\(\d+,\d+\): error ACCEL\d{4}: .+; .+$", only.ToString());
    }

    [Fact]
    public void OneRunReportsEveryProblem()
    {
        var path = ScratchKernel.Write("Many.cs", """
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
        var path = ScratchKernel.Write("Broken.cs", "using Accel.Hw;\n[Kernel(\"bad\")]\npublic sealed class Bad { [Top] public void Run() { int x = ; } }\n");
        var error = Assert.Throws<KernelDiagnosticsException>(() => KernelProject.FromFiles([path], []));
        Assert.Contains(error.Diagnostics, d => d.Id == "ACCEL0001" && d.Line == 3 && d.File == path);
    }

    [Theory]
    [InlineData("case")]
    [InlineData("2fast")]
    [InlineData("my-kernel")]
    public void AKernelNameThatCannotBeACppFunctionIsRejected(string name)
    {
        var path = ScratchKernel.Write("Named.cs", $"using Accel.Hw;\n[Kernel(\"{name}\")]\npublic sealed class Named {{ [Top] public void Run([MAxi(\"g\")] int[] d) {{ d[0] = 1; }} }}\n");
        var error = Assert.Throws<KernelDiagnosticsException>(() => KernelProject.FromFiles([path], []));   // checked when the kernel is loaded
        Assert.Contains(error.Diagnostics, d => d.Id == "ACCEL0002" && d.Message.Contains(name));
    }
}
