using Accel.Codegen.Frontend;

namespace Accel.Testbenches;

/// <summary>Where kernels come from: the built-in ones of hw/Accel.Kernels, or a user's .cs files.</summary>
public static class KernelCatalog
{
    private static readonly Lazy<KernelProject> BuiltInProject = new(() => KernelProject.BuiltIn(typeof(Kernels.Softmax).Assembly));

    public static KernelProject BuiltIn => BuiltInProject.Value;

    /// <summary>The project for the given source files, or the built-in kernels when there are none.</summary>
    public static KernelProject Load(IReadOnlyList<string>? sources) =>
        sources is { Count: > 0 } ? KernelProject.FromFiles(sources, [typeof(Kernels.Softmax).Assembly]) : BuiltIn;

    public static KernelInfo Find(KernelProject project, string name) =>
        project.Kernels.FirstOrDefault(k => k.Name == name)
        ?? throw new KernelParameterException($"no kernel '{name}'; kernels: {string.Join(", ", project.Kernels.Select(k => k.Name))}");
}
