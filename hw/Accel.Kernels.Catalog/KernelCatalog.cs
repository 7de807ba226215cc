using Accel.Codegen.Frontend;

namespace Accel.Kernels.Catalog;

/// <summary>Where kernels come from: the built-in ones of hw/Accel.Kernels, or a user's .cs files.</summary>
public static class KernelCatalog
{
    private static readonly Lazy<KernelProject> BuiltInProject = new(() => KernelProject.BuiltIn(typeof(Kernels.Softmax).Assembly));

    public static KernelProject BuiltIn => BuiltInProject.Value;

    /// <summary>The project for the given source files, or the built-in kernels when there are none.</summary>
    public static KernelProject Load(IReadOnlyList<string>? sources)
    {
        if (sources is not { Count: > 0 }) return BuiltIn;
        return KernelProject.FromFiles(sources, [typeof(Kernels.Softmax).Assembly], BuiltInNames.Value);
    }

    /// <summary>The built-in kernels' names, read from their attributes without compiling their sources.</summary>
    private static readonly Lazy<HashSet<string>> BuiltInNames = new(() => typeof(Kernels.Softmax).Assembly.GetTypes()
        .Select(t => t.GetCustomAttributes(typeof(Hw.KernelAttribute), false).OfType<Hw.KernelAttribute>().FirstOrDefault()?.Name)
        .OfType<string>().ToHashSet());

    public static KernelInfo Find(KernelProject project, string name) =>
        project.Kernels.FirstOrDefault(k => k.Name == name)
        ?? throw new KernelParameterException($"no kernel '{name}'; kernels: {string.Join(", ", project.Kernels.Select(k => k.Name))}");
}
