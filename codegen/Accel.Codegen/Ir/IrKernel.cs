using System.Runtime.CompilerServices;

namespace Accel.Codegen.Ir;

public enum VariableKind { Local, Scalar, Port, ArrayParam, Stream }

/// <summary>How a top-function parameter reaches the outside. Default: m_axi for an array, s_axilite for a scalar.
/// Axis is an AXI4-Stream port; the ap_* modes are the Vivado IP flow's wire-level ports, which an XRT kernel
/// cannot have.</summary>
public enum InterfaceMode { Default, Axis, ApMemory, ApVld, ApNone }

/// <summary>A local or parameter. Names are the C# names; the frontend keeps them unique within a function.
/// A variable has identity (it compares by reference): two functions' locals of one name and type are two
/// variables, so analyses key their maps by the variable itself.</summary>
public sealed record Variable(string Name, IrType Type, VariableKind Kind)
{
    public bool Equals(Variable? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <summary>For ports: the m_axi settings written on the C# parameter.</summary>
    public PortBinding? Port { get; init; }
    /// <summary>For streams: the FIFO depth.</summary>
    public int StreamDepth { get; init; }
    /// <summary>One field of a struct variable the front end replaced by its fields (p_R of Pixel p): C++ may see
    /// it written and never read (a field the kernel does not use), which the printer marks as used.</summary>
    public bool IsStructField { get; init; }
    /// <summary>For a top-function parameter: its interface, from its attribute.</summary>
    public InterfaceMode Interface { get; init; }
    /// <summary>For a top-function parameter with an interface attribute: where the parameter is declared.</summary>
    public SourceSpot Declared { get; init; } = SourceSpot.None;
}

public sealed record PortBinding(string Bundle, string Bank, int WidthBits, int MaxBurst, int MaxOutstanding, int LatencyCycles)
{
    /// <summary>Where the [MAxi] attribute is written, for diagnostics about the binding (a bank the board lacks).</summary>
    public SourceSpot Source { get; init; } = SourceSpot.None;
}

/// <summary>A place in a kernel's C# source.</summary>
public sealed record SourceSpot(string File, int Line, int Column)
{
    public static readonly SourceSpot None = new("", 0, 0);
}

/// <summary>A compile-time parameter: a C# primary-constructor parameter with the value of this configuration.</summary>
public sealed record KernelParam(string Name, IrType Type, long Value);

/// <summary>A C# const of the kernel class.</summary>
public sealed record KernelConstant(string Name, IrType Type, long Value);

/// <summary>A [LookupTable] field: its bits were computed by running the C# initializer (an ap table's are its
/// elements' raw bits, x.Raw). It has identity, as a variable does.</summary>
public sealed record LookupTable(string Name, IrType Element, long[] Values)
{
    public bool Equals(LookupTable? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public ArrayType ArrayType => new(Element, new ConstExpr(IrType.Int32, Values.Length), Values.Length);
}

/// <param name="Position">character offset of the method declaration in <paramref name="SourceFile"/></param>
/// <remarks>A function has identity, as a variable does: each specialisation of a generic method is its own.</remarks>
public sealed record IrFunction(string Name, IrType ReturnType, IReadOnlyList<Variable> Parameters, BlockStmt Body, string SourceFile, int Line, bool IsTop, int Position)
{
    public bool Equals(IrFunction? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <summary>For one specialisation of a generic method: its type arguments as C# keywords (int, long...), in
    /// the order of the method's type parameters. Every specialisation of one method shares its
    /// <see cref="Position"/>. Empty for a method that is not generic.</summary>
    public IReadOnlyList<string> TypeArguments { get; init; } = [];
}

/// <summary>One kernel at one configuration: everything the backends need, nothing of Roslyn.</summary>
public sealed record IrKernel(
    string Name,
    string ClassName,
    string SourceFile,
    IReadOnlyList<KernelParam> Params,
    IReadOnlyList<KernelConstant> Constants,
    IReadOnlyList<LookupTable> Tables,
    IReadOnlyList<IrFunction> Functions)
{
    public IrFunction Top => Functions.Single(f => f.IsTop);
}
