namespace Accel.Codegen.Ir;

/// <summary>Types a kernel can use. Arithmetic happens on the C# promoted types; narrower integers appear as
/// storage (locals, arrays, ports) and through explicit conversions.</summary>
public abstract record IrType
{
    public static readonly IrType Void = new VoidType();
    public static readonly IrType Bool = new BoolType();
    public static readonly IntType Int32 = new(32, true);
    public static readonly IntType Int64 = new(64, true);
}

public sealed record VoidType : IrType;

public sealed record BoolType : IrType;

public sealed record IntType(int Bits, bool Signed) : IrType
{
    public long MinValue => Signed ? (Bits == 64 ? long.MinValue : -(1L << (Bits - 1))) : 0;
}

public sealed record FloatType(int Bits) : IrType;

/// <summary>Vitis's ap_int / ap_uint / ap_fixed / ap_ufixed (Accel.Hw's Int, UInt, Fixed, UFixed): a value of
/// <see cref="Format"/>'s shape stored with these modes. The exact intermediate of their arithmetic (C#'s
/// FixedValue) is an ApType of the shape ap_fixed_base's RType gives, with the default modes.</summary>
public sealed record ApType(Hw.ApFormat Format, Hw.QuantMode Quant = Hw.QuantMode.Trn, Hw.OverflowMode Overflow = Hw.OverflowMode.Wrap) : IrType
{
    public int Width => Format.Width;

    /// <summary>The integer a port, control register or golden vector holds this value in (<see cref="Hw.ApFormat.ContainerBits"/>).</summary>
    public IntType Container => new(Format.ContainerBits, Format.Signed);
}

/// <summary>An on-chip array with a compile-time length (the expression keeps kernel-parameter names).</summary>
public sealed record ArrayType(IrType Element, IrExpr Length, long LengthValue) : IrType
{
    /// <summary>For a multi-dimensional array (`new T[r, c]`): each dimension's length, outermost first. The
    /// analyses see one row-major array of <see cref="LengthValue"/> elements; the C++ keeps the dimensions
    /// (`T a[r][c]`), so ARRAY_PARTITION's dim= means what it says.</summary>
    public IReadOnlyList<IrExpr>? Dims { get; init; }

    /// <summary>The values of <see cref="Dims"/> at this configuration.</summary>
    public IReadOnlyList<long>? DimValues { get; init; }

    public int Rank => Dims?.Count ?? 1;
}

/// <summary>An off-chip buffer reached through an m_axi port: only a top-function parameter has this type.</summary>
public sealed record PortType(IrType Element) : IrType
{
    /// <summary>For a multi-dimensional port (`[MAxi] int[,] a`): the shape of the array the stimulus gives it,
    /// which the C++ declares (`int32_t a[4][8]`) and the row-major index uses; the buffer is that array, row-major.</summary>
    public ArrayType? Shape { get; init; }
}

/// <summary>An array passed to a sub-function: the callee sees the caller's on-chip array or port.</summary>
public sealed record ArrayParamType(IrType Element) : IrType
{
    /// <summary>For a multi-dimensional parameter (`int[,] dst`): the type of the arrays its calls pass, whose
    /// dimensions the C++ parameter declares and the row-major index uses.</summary>
    public ArrayType? Shape { get; init; }
}

public sealed record StreamType(IrType Element) : IrType;

public static class IrTypes
{
    public static IrType? ElementOf(IrType type) => type switch
    {
        ArrayType a => a.Element,
        PortType p => p.Element,
        ArrayParamType a => a.Element,
        StreamType s => s.Element,
        _ => null,
    };

    public static bool IsSignedInt(IrType type) => type is IntType { Signed: true };

    public static int ByteSize(IrType type) => type switch
    {
        IntType i => i.Bits / 8,
        FloatType f => f.Bits / 8,
        BoolType => 1,
        ApType a => a.Container.Bits / 8,
        AggregateType a => a.Bytes,
        _ => throw new InternalCompilerException($"no byte size for {type}"),
    };
}
