using Accel.Codegen;
using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Kernels.Catalog;
using Accel.Testbenches;
using BenchmarkDotNet.Attributes;

namespace Accel.Benchmarks;

/// <summary>Transpile time per kernel: lowering to the IR (with checks and verifier) and printing every file.
/// The one-time Roslyn compilation of the kernel sources is measured separately.</summary>
[MemoryDiagnoser]
public class TranspileBenchmarks
{
    private KernelProject project = null!;
    private KernelInfo kernel = null!;
    private KernelConfig config = null!;
    private readonly HlsProjectWriter.Options options = new(Board.Find("u55c"), 300);

    [Params("softmax", "gelu")]
    public string Kernel { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        project = KernelCatalog.BuiltIn;
        kernel = KernelCatalog.Find(project, Kernel);
        config = KernelConfig.Resolve(kernel, null, []);
    }

    [Benchmark]
    public int LowerAndPrint()
    {
        var ir = Transpiler.Lower(project, kernel, config);
        var depths = ir.Top.Parameters.Where(p => p.Port is not null).ToDictionary(p => p.Name, _ => 1024);
        return HlsProjectWriter.Render(ir, config.Name, depths, options).Count;
    }

    [Benchmark]
    public int CompileKernelSources() => KernelProject.BuiltIn(typeof(Kernels.Softmax).Assembly).Kernels.Count;
}
