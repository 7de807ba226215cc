using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>Finds the [Kernel] classes of a compilation and reads their declared parameters.</summary>
internal static class KernelDiscovery
{
    public static IReadOnlyList<KernelInfo> Find(Compilation compilation, Assembly runtime)
    {
        var kernels = new List<KernelInfo>();
        var generic = new List<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol symbol) continue;
                var kernelAttribute = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Accel.Hw.KernelAttribute");
                if (kernelAttribute is null) continue;
                var name = (string)kernelAttribute.ConstructorArguments[0].Value!;
                if (symbol.IsGenericType)
                {
                    var entry = DiagnosticIds.Generic;
                    generic.Add(Locations.At(entry.Id, symbol.Locations[0], $"{entry.Construct} (the generic kernel class {symbol.Name}<{string.Join(", ", symbol.TypeParameters.Select(t => t.Name))}>: " +
                        "make the kernel class non-generic, with a kernel parameter choosing between types if need be, and put the type parameters on its methods) is not supported in a kernel; " + entry.Hint));
                    continue;
                }
                var runtimeType = runtime.GetType(symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", ""))
                    ?? throw new InternalCompilerException($"kernel class {symbol.Name} is not in the runtime assembly");
                var parameters = ParametersOf(symbol);
                var (requirements, errors) = RequirementsOf(symbol, parameters);
                kernels.Add(new KernelInfo(name, symbol, runtimeType, parameters, ConfigsOf(symbol))
                    { Compilation = compilation, Requirements = requirements, RequirementErrors = errors });
            }
        }
        if (generic.Count > 0) throw new KernelDiagnosticsException(generic);
        return kernels.OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The primary constructor's parameters: the only constructor a kernel class may have.</summary>
    internal static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol symbol) =>
        symbol.InstanceConstructors.OrderByDescending(c => c.Parameters.Length).FirstOrDefault();

    private static List<KernelParameterInfo> ParametersOf(INamedTypeSymbol symbol)
    {
        var result = new List<KernelParameterInfo>();
        var constructor = PrimaryConstructor(symbol);
        if (constructor is null) return result;
        foreach (var p in constructor.Parameters)
        {
            Type? clr = p.Type.SpecialType switch
            {
                SpecialType.System_Int32 => typeof(int),
                SpecialType.System_Int64 => typeof(long),
                SpecialType.System_Boolean => typeof(bool),
                _ => null,
            };
            if (clr is null || !p.HasExplicitDefaultValue) continue; // reported by the frontend with a location
            long value = p.ExplicitDefaultValue switch { bool b => b ? 1 : 0, int i => i, long l => l, _ => 0 };
            var range = p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Accel.Hw.RangeAttribute");
            long min = range is null ? (clr == typeof(bool) ? 0 : clr == typeof(int) ? int.MinValue : long.MinValue) : Convert.ToInt64(range.ConstructorArguments[0].Value);
            long max = range is null ? (clr == typeof(bool) ? 1 : clr == typeof(int) ? int.MaxValue : long.MaxValue) : Convert.ToInt64(range.ConstructorArguments[1].Value);
            bool variant = p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Accel.Hw.VariantAttribute");
            result.Add(new KernelParameterInfo(p.Name, clr, value, min, max, variant));
        }
        return result;
    }

    private static List<NamedConfig> ConfigsOf(INamedTypeSymbol symbol) =>
        symbol.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "Accel.Hw.ConfigAttribute")
            .Select(a => new NamedConfig((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!, a.ApplicationSyntaxReference?.GetSyntax().GetLocation()))
            .ToList();

    private static (List<ParameterCondition>, List<(string, Location)>) RequirementsOf(INamedTypeSymbol symbol, IReadOnlyList<KernelParameterInfo> parameters)
    {
        var conditions = new List<ParameterCondition>();
        var errors = new List<(string, Location)>();
        foreach (var a in symbol.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == "Accel.Hw.RequiresAttribute"))
        {
            var (condition, error) = ParameterCondition.Parse((string)a.ConstructorArguments[0].Value!, (string?)a.ConstructorArguments[1].Value ?? "", parameters.Select(p => p.Name).ToList());
            if (condition is not null) conditions.Add(condition);
            else errors.Add((error!, a.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? symbol.Locations[0]));
        }
        return (conditions, errors);
    }
}
