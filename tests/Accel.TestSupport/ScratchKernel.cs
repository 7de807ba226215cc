using Accel.Codegen.Frontend;

namespace Accel.Tests;

/// <summary>A kernel source written by a test (or a data file the test altered), saved under its own scratch folder
/// so that diagnostics name a real file.</summary>
public static class ScratchKernel
{
    /// <returns>the file's path</returns>
    public static string Write(string fileName, string source)
    {
        var path = Path.Combine(TestPaths.Scratch(Path.GetFileNameWithoutExtension(fileName)), fileName);
        File.WriteAllText(path, source);
        return path;
    }

    public static KernelProject Project(string fileName, string source) => KernelProject.FromFiles([Write(fileName, source)], []);
}
