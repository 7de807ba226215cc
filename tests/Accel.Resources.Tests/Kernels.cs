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
