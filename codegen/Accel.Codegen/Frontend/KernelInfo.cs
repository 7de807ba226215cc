using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>A kernel parameter as declared: a primary-constructor parameter with its default and range.</summary>
/// <param name="IsVariant">marked [Variant]: sweeps cover all its values unless they fix it</param>
public sealed record KernelParameterInfo(string Name, Type ClrType, long Default, long Min, long Max, bool IsVariant = false);

/// <param name="Location">the [Config] attribute in the source, for diagnostics</param>
public sealed record NamedConfig(string Name, string Assignments, Location? Location = null);

/// <summary>A [Kernel] class found in a <see cref="KernelProject"/>: its symbol for the transpiler and its
/// runtime type for the reference run.</summary>
public sealed record KernelInfo(
    string Name,
    INamedTypeSymbol Symbol,
    Type RuntimeType,
    IReadOnlyList<KernelParameterInfo> Parameters,
    IReadOnlyList<NamedConfig> Configs)
{
    public string SourceFile => Symbol.Locations[0].GetLineSpan().Path;

    /// <summary>The kernel's [Requires] conditions that parse; <see cref="RequirementErrors"/> has the others.</summary>
    public IReadOnlyList<ParameterCondition> Requirements { get; init; } = [];

    public IReadOnlyList<(string Error, Location Attribute)> RequirementErrors { get; init; } = [];

    /// <summary>The compilation the kernel comes from: a fault in its code is located by re-running a debug build of it.</summary>
    public Compilation? Compilation { get; init; }

    public IMethodSymbol? Top => AtMostOne(Symbol.GetMembers().OfType<IMethodSymbol>().Where(m => Has(m, "TopAttribute")), "[Top]", m => m.Name);

    public MethodInfo? RuntimeTop => AtMostOne(RuntimeType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.GetCustomAttribute<Hw.TopAttribute>() is not null), "[Top]", m => m.Name);

    public MethodInfo? RuntimeStimulus => AtMostOne(RuntimeType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        .Where(m => m.GetCustomAttribute<Hw.StimulusAttribute>() is not null), "[Stimulus]", m => m.Name);

    /// <summary>Two [Top] (or [Stimulus]) methods are the kernel's mistake, reported before any code runs (the
    /// transpiler's ACCEL diagnostic for them comes later, at lowering).</summary>
    private T? AtMostOne<T>(IEnumerable<T> methods, string attribute, Func<T, string> name) where T : class
    {
        var all = methods.ToList();
        return all.Count <= 1 ? all.FirstOrDefault()
            : throw new KernelParameterException($"kernel '{Name}' has {all.Count} methods with {attribute} ({string.Join(", ", all.Select(name))}); expected exactly one");
    }

    internal static bool Has(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.Name == attributeName && a.AttributeClass.ContainingNamespace.ToDisplayString() == "Accel.Hw");
}
