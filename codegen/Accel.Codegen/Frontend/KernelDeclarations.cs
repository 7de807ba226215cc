using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>Checks what a kernel declares about itself, when its project is loaded and before anything is built or
/// run (so `list`, `gen`, `emulate` all see the same problems): its name, its parameters (type, default, range),
/// its named configurations (folder-safe names, values in range) and its [Requires] conditions; and that no two
/// kernels of the project share a name, nor a user's kernel a built-in's.</summary>
internal static class KernelDeclarations
{
    /// <param name="builtInNames">names a user's kernel may not take (the built-in kernels'), so `accel NAME` means one kernel</param>
    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<KernelInfo> kernels, IReadOnlySet<string> builtInNames)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var kernel in kernels)
        {
            Name(kernel, diagnostics);
            if (builtInNames.Contains(kernel.Name))
                diagnostics.Add(Locations.At(DiagnosticIds.NoKernel.Id, kernel.Symbol.Locations[0],
                    $"kernel name \"{kernel.Name}\" is the name of a built-in kernel; give yours a name of its own so `accel {kernel.Name}` means one kernel"));
            int before = diagnostics.Count;
            Parameters(kernel, diagnostics);
            if (diagnostics.Count > before) continue;   // configurations and conditions are judged on sound parameters
            Requirements(kernel, diagnostics);
            Configurations(kernel, diagnostics);
        }
        foreach (var same in kernels.GroupBy(k => k.Name).Where(g => g.Count() > 1))
            foreach (var kernel in same.Skip(1))
                diagnostics.Add(Locations.At(DiagnosticIds.NoKernel.Id, kernel.Symbol.Locations[0],
                    $"two kernels are named \"{kernel.Name}\" (the other is {Where(same.First().Symbol.Locations[0])}); give each a name of its own"));
        return diagnostics;
    }

    private static void Name(KernelInfo kernel, List<Diagnostic> diagnostics)
    {
        if (!CppNames.IsValidIdentifier(kernel.Name))
            diagnostics.Add(Locations.At(DiagnosticIds.NoKernel.Id, kernel.Symbol.Locations[0],
                $"kernel name \"{kernel.Name}\" becomes the C++ top function, the XRT kernel name and a folder name; use letters, digits and _ (not starting with a digit), and not a C++ keyword"));
    }

    private static void Parameters(KernelInfo kernel, List<Diagnostic> diagnostics)
    {
        foreach (var p in KernelDiscovery.PrimaryConstructor(kernel.Symbol)?.Parameters ?? [])
        {
            var at = p.Locations[0];
            var declared = kernel.Parameters.FirstOrDefault(d => d.Name == p.Name);
            if (declared is null)
            {
                diagnostics.Add(Locations.At(DiagnosticIds.BadParameter.Id, at,
                    $"kernel parameter '{p.Name}' is {p.Type.ToDisplayString()}{(p.HasExplicitDefaultValue ? "" : " without a default")}; {DiagnosticIds.BadParameter.Hint}"));
                continue;
            }
            if (declared.Min > declared.Max)
                diagnostics.Add(Locations.At(DiagnosticIds.BadParameter.Id, at, $"kernel parameter '{p.Name}' has [Range({declared.Min}, {declared.Max})]: the minimum is above the maximum"));
            else if (declared.Default < declared.Min || declared.Default > declared.Max)
                diagnostics.Add(Locations.At(DiagnosticIds.BadParameter.Id, at, $"kernel parameter '{p.Name}' defaults to {declared.Default}, outside its [Range({declared.Min}, {declared.Max})]"));
        }
    }

    private static void Requirements(KernelInfo kernel, List<Diagnostic> diagnostics)
    {
        foreach (var (error, attribute) in kernel.RequirementErrors)
            diagnostics.Add(Locations.At(DiagnosticIds.BadParameter.Id, attribute, error));
        var defaults = kernel.Parameters.ToDictionary(p => p.Name, p => p.Default);
        foreach (var condition in kernel.Requirements.Where(c => !c.Holds(defaults)))
            diagnostics.Add(Locations.At(DiagnosticIds.BadParameter.Id, kernel.Symbol.Locations[0],
                $"the default parameters of kernel '{kernel.Name}' do not meet [Requires(\"{condition.Text}\")]"));
    }

    private static void Configurations(KernelInfo kernel, List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<string>();
        foreach (var config in kernel.Configs)
        {
            var at = config.Location ?? kernel.Symbol.Locations[0];
            if (!seen.Add(config.Name))
                diagnostics.Add(Locations.At(DiagnosticIds.BadConfig.Id, at, $"kernel '{kernel.Name}' has two configurations named \"{config.Name}\""));
            if (PathSegment.Problem(config.Name) is { } problem)
            {
                diagnostics.Add(Locations.At(DiagnosticIds.BadConfig.Id, at, $"configuration name \"{config.Name}\" {problem}"));
                continue;
            }
            try
            {
                KernelConfig.Resolve(kernel, config.Name, []);
            }
            catch (KernelParameterException e)
            {
                diagnostics.Add(Locations.At(DiagnosticIds.BadConfig.Id, at, e.Message));
            }
        }
    }

    private static string Where(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }
}
