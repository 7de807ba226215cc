using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>Where an array (or stream) expression points in the circuit: a ROM, an on-chip memory, an m_axi port, or a FIFO.</summary>
internal abstract record ArrayTarget;
internal sealed record RomTarget(LookupTable Table) : ArrayTarget;
internal sealed record MemoryTarget(string Name) : ArrayTarget;
internal sealed record PortTarget(Variable Port) : ArrayTarget;

/// <summary>A FIFO of a dataflow top (a Stream&lt;T&gt; it declares): its name there, depth and element type.</summary>
internal sealed record StreamTarget(string Name, int Depth, IrType Element) : ArrayTarget
{
    public int Bits => Element is IntType i ? i.Bits : 1;
}

/// <summary>The names one function body sees. The top keeps its C# names behind a prefix; each inlined call gets a
/// prefix of its own, so two copies of a callee never share a register; an issue scope (the read-request side of a
/// pipelined loop) renames the loop's induction variables and sees everything else through its parent.</summary>
internal sealed class VerilogScope(string prefix, VerilogScope? fallback = null)
{
    private readonly Dictionary<string, string> names = new();
    private readonly Dictionary<string, ArrayTarget> arrays = new();

    /// <summary>For an inlined callee with a result: its result register and the flag a return sets.</summary>
    public string? Result { get; init; }
    public string? Returned { get; init; }

    public string Prefix => prefix;

    public bool TryName(string variable, out string name)
    {
        if (names.TryGetValue(variable, out name!)) return true;
        return fallback is not null && fallback.TryName(variable, out name);
    }

    public void Bind(string variable, string name) => names[variable] = name;

    private readonly Dictionary<string, long> constants = new();

    /// <summary>A parameter that holds a generation-time constant in this inlined copy.</summary>
    public void BindConstant(string variable, long value, string literal)
    {
        constants[variable] = value;
        names[variable] = literal;
    }

    public long? Constant(string variable) =>
        constants.TryGetValue(variable, out var v) ? v : names.ContainsKey(variable) ? null : fallback?.Constant(variable);

    public void BindArray(string variable, ArrayTarget target) => arrays[variable] = target;

    public ArrayTarget? Array(string variable) =>
        arrays.TryGetValue(variable, out var t) ? t : fallback?.Array(variable);
}
