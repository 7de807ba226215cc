using Accel.Codegen.Reference;

namespace Accel.Tests.Ports;

/// <summary>A user's mistake on any verb's path is a diagnostic at the kernel's file and line, never a stack
/// trace: the kernel's own C# throwing during the reference run, a bank the board lacks, and no follow-on errors.</summary>
public sealed class NoCrashTests
{
    private static KernelProject Write(string source) => ScratchKernel.Project("User.cs", source);

    private static int LineOf(string path, string text) => File.ReadAllLines(path).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void ADivisionByZeroInTheKernelIsAKernelFaultAtItsLineInGenAndEmulate()
    {
        var path = TestPaths.Data("Ports", "Kernels", "ImageConvert.cs");
        var project = KernelProject.FromFiles([path], []);
        var kernel = KernelCatalog.Find(project, "rgb_to_hsv");
        var config = KernelConfig.Resolve(kernel, null, ["minValue=0", "pixels=20"]); // pixel 0 is black: v = 0
        int line = LineOf(path, "255 * delta / v");

        var gen = Assert.Throws<KernelFaultException>(() => Codegen.Transpiler.Generate(project, kernel, config, TestPaths.Scratch("div0"), new(Board.Find("u55c"), 300)));
        Assert.StartsWith($"{path}({line},", gen.Location);
        Assert.IsType<DivideByZeroException>(gen.InnerException);

        var stimulus = new KernelActivator(kernel, config).MakeStimulus(1);
        var emu = Assert.Throws<KernelFaultException>(() => KernelEmulator.Run(project, kernel, config, stimulus, new KernelEmulator.Options()));
        Assert.StartsWith($"{path}({line},", emu.Location);
    }

    [Fact]
    public void AnIndexPastTheEndIsAKernelFaultAtItsLine()
    {
        var project = Write("""
            using Accel.Hw;
            [Kernel("oob")]
            public sealed class Oob(int n = 8)
            {
                [Top]
                public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
                {
                    for (int i = 0; i <= n; i++)
                        y[i] = x[i] + 1;
                }
                [Stimulus]
                public void Stimulus(Stimulus s) => s.Array("x", new int[n]).Output<int>("y", n);
            }
            """);
        var kernel = project.Kernels[0];
        var error = Assert.Throws<KernelFaultException>(() => Codegen.Transpiler.Check(project, kernel, KernelConfig.Resolve(kernel, null, []), Board.Find("u55c")));
        Assert.Contains("User.cs(9,", error.Location);
        Assert.IsType<IndexOutOfRangeException>(error.InnerException);
    }

    private const string DdrKernel = """
        using Accel.Hw;
        [Kernel("ddr_copy")]
        public sealed class DdrCopy(int n = 16)
        {
            [Top]
            public void Run([MAxi("gmem0", "DDR[0]")] int[] x, [MAxi("gmem1", "HBM[1]")] int[] y)
            {
                for (int i = 0; i < n; i++) { Hls.Pipeline(1); y[i] = x[i]; }
            }
            [Stimulus]
            public void Stimulus(Stimulus s) => s.Array("x", new int[n]).Output<int>("y", n);
        }
        """;

    [Fact]
    public void ABankTheBoardLacksIsACCEL0041AtTheAttributeInGenAndEmulate()
    {
        var project = Write(DdrKernel);
        var kernel = project.Kernels[0];
        var config = KernelConfig.Resolve(kernel, null, []);
        var gen = Assert.Throws<KernelDiagnosticsException>(() => Codegen.Transpiler.Generate(project, kernel, config, TestPaths.Scratch("bank"), new(Board.Find("u55c"), 300)));
        var d = Assert.Single(gen.Diagnostics);
        Assert.Equal(("ACCEL0041", 6), (d.Id, d.Line));
        Assert.Contains("DDR[0]", d.Message);
        Assert.Contains("u55c", d.Message);

        // The U280 has DDR[0]: gen writes it into link.cfg.
        var onU280 = Codegen.Transpiler.Generate(project, kernel, config, TestPaths.Scratch("bank280"), new(Board.Find("u280"), 300));
        Assert.Contains("sp=ddr_copy_1.x:DDR[0]", File.ReadAllText(Path.Combine(onU280.Directory, "link.cfg")));

        var stimulus = new KernelActivator(kernel, config).MakeStimulus(1);
        var emu = Assert.Throws<KernelDiagnosticsException>(() => KernelEmulator.Run(project, kernel, config, stimulus, new KernelEmulator.Options(Board: "u55c")));
        Assert.Equal("ACCEL0041", Assert.Single(emu.Diagnostics).Id);
    }

    [Fact]
    public void EveryVerbReportsTheBankWithoutAStackTraceAndListChecksAsGenDoes()
    {
        var path = ScratchKernel.Write("DdrCopy.cs", DdrKernel);
        foreach (var args in new[] { new[] { "emulate", "ddr_copy" }, ["gen", "ddr_copy"], ["list"] })
        {
            var (exit, _, stderr) = AccelProcess.Run([.. args, "--source", path]);
            Assert.Equal(2, exit);
            Assert.Contains("ACCEL0041", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
    }

    [Fact]
    public void AStructOutsideTheSubsetIsOneDiagnosticWithoutFollowOnFieldErrors()
    {
        var project = Write("""
            using Accel.Hw;
            public struct Pixel { public int R; public int G { get; set; } }
            [Kernel("bad")]
            public sealed class Bad
            {
                [Top]
                public void Run([MAxi("gmem0")] int[] x)
                {
                    Pixel p = default;
                    p.R = x[0];
                    x[1] = p.R + p.G;
                    var buffer = new int[4];
                    Hls.ArrayPartition(x, PartitionKind.Cyclic, 2);
                }
            }
            """);
        var kernel = project.Kernels[0];
        var error = Assert.Throws<KernelDiagnosticsException>(() => Codegen.Transpiler.Lower(project, kernel, KernelConfig.Resolve(kernel, null, [])));
        Assert.Equal([("ACCEL0045", 2), ("ACCEL0042", 13)], error.Diagnostics.Select(d => (d.Id, d.Line)).ToArray());
        Assert.Contains("'x' is not an on-chip array", error.Diagnostics[1].Message);
    }
}
