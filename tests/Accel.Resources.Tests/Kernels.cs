using Accel.Codegen;
using Accel.Codegen.Frontend;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.Resources.Tests;

/// <summary>Lowers the built-in kernels, or a kernel written by a test, at a configuration.</summary>
internal static class Kernels
{
    public static IrKernel BuiltIn(string name, params string[] assignments)
    {
        var project = KernelCatalog.BuiltIn;
        var kernel = KernelCatalog.Find(project, name);
        return Transpiler.Lower(project, kernel, KernelConfig.Resolve(kernel, null, assignments));
    }

    /// <summary>The ports most tests use: x read through gmem0, y written through gmem1.</summary>
    public const string XToY = """[MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y""";

    /// <summary>The source of kernel "test": <paramref name="members"/>, then the top <c>Run(<paramref name="ports"/>)</c>
    /// with <paramref name="body"/>.</summary>
    /// <param name="parameters">the primary-constructor parameters, such as <c>int n = 64</c></param>
    public static string Source(string parameters, string ports, string body, string members = "") => $$"""
        using Accel.Hw;
        [Kernel("test")]
        public sealed class Test({{parameters}})
        {
        {{members}}
            [Top]
            public void Run({{ports}})
            {
        {{body}}
            }
        }
        """;

    /// <summary>A kernel from C# source text (its class needs [Kernel("test")]).</summary>
    public static IrKernel FromSource(string source, params string[] assignments)
    {
        var folder = Path.Combine(Path.GetTempPath(), "accel-resources-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "Test.cs");
        try
        {
            File.WriteAllText(path, source);
            var project = KernelProject.FromFiles([path], [typeof(Accel.Kernels.Softmax).Assembly]);
            var kernel = KernelCatalog.Find(project, "test");
            return Transpiler.Lower(project, kernel, KernelConfig.Resolve(kernel, null, assignments));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);
}
