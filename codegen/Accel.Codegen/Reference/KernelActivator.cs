using System.Reflection;
using Accel.Hw;

using Accel.Codegen.Frontend;

namespace Accel.Codegen.Reference;

/// <summary>Runs a kernel's own C# code: builds an instance for a configuration, computes its lookup tables
/// and golden stimulus, and calls its top function (the bit-exact reference).</summary>
public sealed class KernelActivator
{
    public KernelInfo Kernel { get; }
    public KernelConfig Config { get; }
    public object Instance { get; }

    public KernelActivator(KernelInfo kernel, KernelConfig config)
    {
        Kernel = kernel;
        Config = config;
        var constructor = kernel.RuntimeType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => config.Values.TryGetValue(p.Name!, out var value)
                ? Convert.ChangeType(value, p.ParameterType, System.Globalization.CultureInfo.InvariantCulture)
                : throw new KernelParameterException($"kernel '{kernel.Name}': constructor parameter '{p.Name}' is not one of its parameters " +
                    $"({string.Join(", ", config.Values.Keys)}); expected a constructor whose parameters are the kernel's parameters"))
            .ToArray();
        try
        {
            Instance = constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new KernelParameterException($"kernel '{kernel.Name}' rejected configuration '{config.Name}': {e.InnerException.Message}");
        }
    }

    /// <summary>The value of a [LookupTable] field, as computed by its C# initializer.</summary>
    public Array TableValue(string fieldName) =>
        (Array)(Kernel.RuntimeType.GetField(fieldName, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(Instance)
            ?? throw new InternalCompilerException($"lookup table {fieldName} has no value"));

    private Stimulus? shapes;

    /// <summary>The dimensions of the array the [Stimulus] gives a parameter, or null when it gives none: what a
    /// multi-dimensional port's C++ declares. Taken from the default seed's stimulus; a seed only changes values.</summary>
    public IReadOnlyList<long>? StimulusShape(string parameter)
    {
        if (Kernel.RuntimeStimulus is null) return null;
        shapes ??= MakeStimulus(Transpiler.DefaultSeed);
        return shapes.Arrays.TryGetValue(parameter, out var array) ? RowMajor.Dimensions(array) : null;
    }

    /// <summary>The seeded golden inputs from the kernel's [Stimulus] method.</summary>
    public Stimulus MakeStimulus(int seed)
    {
        var method = Kernel.RuntimeStimulus
            ?? throw new KernelParameterException($"kernel '{Kernel.Name}' has no [Stimulus] method: add `[Stimulus] public void Stimulus(Stimulus s)` that sets every argument of the top function");
        var stimulus = new Stimulus(seed);
        using var activity = RunActivity.Enter(Kernel.Name, "its [Stimulus] method", RunActivity.Loops.Unknown);
        try
        {
            Invoke(method, [stimulus]);
        }
        catch (KernelFaultException fault)
        {
            throw KernelFaultLocator.Precise(fault, this, debug => debug.MakeStimulus(seed));
        }
        var missing = Kernel.RuntimeTop!.GetParameters()
            .Where(p => p.ParameterType.IsArray || AxisStreams.IsStream(p.ParameterType) ? !stimulus.Arrays.ContainsKey(p.Name!) : !stimulus.Scalars.ContainsKey(p.Name!))
            .Select(p => p.Name).ToList();
        if (missing.Count > 0)
            throw new KernelParameterException($"kernel '{Kernel.Name}': the [Stimulus] method did not set {string.Join(", ", missing)}");
        return stimulus;
    }

    /// <summary>Calls the top function on copies of the stimulus arrays; returns every array argument after the
    /// call (inputs unchanged, outputs filled), by parameter name, and every [Axis] stream's words (an input's, an
    /// output's drained). <paramref name="beforeCall"/> sees the arrays and streams the call will get (the emulator
    /// registers them as ports).</summary>
    public IReadOnlyDictionary<string, Array> Run(Stimulus stimulus, Action<IReadOnlyDictionary<string, object>>? beforeCall = null)
    {
        var top = Kernel.RuntimeTop ?? throw new InternalCompilerException($"kernel {Kernel.Name} has no top method");
        var arrays = new Dictionary<string, Array>();
        var streams = new Dictionary<string, object>();
        var arguments = top.GetParameters().Select(p =>
        {
            if (p.ParameterType.IsArray)
            {
                var copy = StructBytes.Retype((Array)stimulus.Arrays[p.Name!].Clone(), p.ParameterType.GetElementType()!);
                arrays[p.Name!] = copy;
                return (object)copy;
            }
            if (AxisStreams.IsStream(p.ParameterType)) return streams[p.Name!] = AxisStreams.Create(p.ParameterType, p.Name!, stimulus);
            // An ap scalar is given by its raw bits (s.Scalar("gain", g.Raw)), as its control register holds it.
            if (ApBits.IsTyped(p.ParameterType)) return ApBits.FromRaw(p.ParameterType, stimulus.Scalars[p.Name!]);
            return Convert.ChangeType(stimulus.Scalars[p.Name!], p.ParameterType, System.Globalization.CultureInfo.InvariantCulture);
        }).ToArray();
        beforeCall?.Invoke(arrays.ToDictionary(kv => kv.Key, kv => (object)kv.Value).Concat(streams).ToDictionary());
        using var activity = IsHooked
            ? RunActivity.Enter(Kernel.Name, "the hooked emulator run of [Top]", RunActivity.Loops.Hooked)
            : RunActivity.Enter(Kernel.Name, "the C# reference run of [Top]", RunActivity.Loops.Unknown);
        try
        {
            Invoke(top, arguments);
        }
        catch (KernelFaultException fault)
        {
            throw KernelFaultLocator.Precise(fault, this, debug => debug.Run(stimulus));
        }
        foreach (var (name, stream) in streams) arrays[name] = AxisStreams.Finish(stream, Kernel.Name, name, stimulus);
        return arrays;
    }

    /// <summary>The emulator's copy of the kernel, rewritten with timing hooks, lives in an assembly of its own.</summary>
    private bool IsHooked => Kernel.RuntimeType.Assembly.GetName().Name?.StartsWith("Hooked_", StringComparison.Ordinal) == true;

    private void Invoke(MethodInfo method, object?[] arguments)
    {
        try
        {
            method.Invoke(Instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } fault)
        {
            // Running out of memory is the run's budget, not a fault at a line: no re-run to locate it.
            if (IsAccelSignal(fault) || fault is OutOfMemoryException) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fault).Throw();
            throw new KernelFaultException(Kernel.Name, method.Name, KernelFaultException.LocationIn(fault, method.DeclaringType!.Assembly), fault);
        }
    }

    /// <summary>Exceptions Accel's own hooks raise while the kernel runs (a deadlock, a budget, a refused design)
    /// pass through as they are; anything else the kernel's code threw is the kernel's fault. The vocabulary
    /// (Accel.Hw: streams, Fx) counts as the kernel's code.</summary>
    private static bool IsAccelSignal(Exception fault)
    {
        var assembly = fault.GetType().Assembly.GetName().Name ?? "";
        return assembly.StartsWith("Accel.", StringComparison.Ordinal) && assembly != typeof(Stimulus).Assembly.GetName().Name;
    }
}
