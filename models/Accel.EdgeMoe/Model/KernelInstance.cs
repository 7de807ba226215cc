using Accel.Kernels.Catalog;
using System.Globalization;
using System.Reflection;
using Accel.Hw;

namespace Accel.EdgeMoe.Model;

/// <summary>A kernel object built from name=value assignments of its constructor parameters (the rest keep their
/// defaults). The assignments are kept so that an emulator can resolve exactly the configuration the object was
/// built with: one list serves both, so the two cannot drift apart.</summary>
public sealed class KernelInstance
{
    private KernelInstance(string kernelName, object kernel, IReadOnlyList<string> assignments, MethodInfo top)
    {
        KernelName = kernelName;
        Kernel = kernel;
        Assignments = assignments;
        Top = top;
    }

    /// <summary>The name in the kernel's [Kernel] attribute (what KernelCatalog.Find takes).</summary>
    public string KernelName { get; }
    public object Kernel { get; }
    /// <summary>"name=value" for every parameter given (what KernelConfig.Resolve takes).</summary>
    public IReadOnlyList<string> Assignments { get; }
    public MethodInfo Top { get; }

    public static KernelInstance Create<TKernel>(params (string Name, object Value)[] parameters) where TKernel : class
    {
        var type = typeof(TKernel);
        var name = type.GetCustomAttribute<KernelAttribute>()?.Name
            ?? throw new ArgumentException($"{type.Name} has no [Kernel] attribute");
        var top = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Single(m => m.GetCustomAttribute<TopAttribute>() is not null);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var given = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var unknown = given.Keys.Except(constructor.GetParameters().Select(p => p.Name!)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"kernel '{name}' has no parameter {string.Join(", ", unknown)}");
        var arguments = constructor.GetParameters().Select(p => given.TryGetValue(p.Name!, out var value) ? value : p.DefaultValue).ToArray();
        var assignments = parameters.Select(p => $"{p.Name}={Format(p.Value)}").ToList();
        return new KernelInstance(name, constructor.Invoke(arguments), assignments, top);
    }

    /// <summary>Calls the top function directly: the kernel's C# code, the bit-exact reference.</summary>
    public void Invoke(object[] arguments)
    {
        try
        {
            Top.Invoke(Kernel, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",   // KernelConfig.Resolve reads lower-case booleans
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
