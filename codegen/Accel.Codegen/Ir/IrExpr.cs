namespace Accel.Codegen.Ir;

public enum BinaryOp { Add, Sub, Mul, Div, Rem, Shl, Shr, UShr, And, Or, Xor, Eq, Ne, Lt, Le, Gt, Ge, LogicalAnd, LogicalOr }

public enum UnaryOp { Neg, Not, BitNot }

public static class Operators
{
    /// <summary>The operator as C# writes it (C++ writes all but >>> the same way).</summary>
    public static string Symbol(this BinaryOp op) => op switch
    {
        BinaryOp.Add => "+", BinaryOp.Sub => "-", BinaryOp.Mul => "*", BinaryOp.Div => "/", BinaryOp.Rem => "%",
        BinaryOp.Shl => "<<", BinaryOp.Shr => ">>", BinaryOp.UShr => ">>>", BinaryOp.And => "&", BinaryOp.Or => "|",
        BinaryOp.Xor => "^", BinaryOp.Eq => "==", BinaryOp.Ne => "!=", BinaryOp.Lt => "<", BinaryOp.Le => "<=",
        BinaryOp.Gt => ">", BinaryOp.Ge => ">=", BinaryOp.LogicalAnd => "&&", BinaryOp.LogicalOr => "||",
        _ => throw new InternalCompilerException($"no symbol for {op}"),
    };

    public static string Symbol(this UnaryOp op) => op switch
    {
        UnaryOp.Neg => "-",
        UnaryOp.Not => "!",
        UnaryOp.BitNot => "~",
        _ => throw new InternalCompilerException($"no symbol for {op}"),
    };
}

/// <summary>An expression node. Every node carries its result type; conversions are explicit nodes. Expressions
/// are values: two nodes of one shape over the same variables are equal (an array type's length is an
/// expression, and types compare by value). Where one occurrence is meant, such as a call site, a map keys it
/// with <see cref="ReferenceEqualityComparer"/>.</summary>
public abstract record IrExpr(IrType Type)
{
    public abstract T Accept<T>(IIrExprVisitor<T> visitor);
}

public sealed record ConstExpr(IrType Type, long IntValue, double FloatValue = 0) : IrExpr(Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitConst(this);
}

/// <summary>A kernel parameter: a named compile-time constant in the generated C++.</summary>
public sealed record ParamRefExpr(KernelParam Param) : IrExpr(Param.Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitParamRef(this);
}

/// <summary>A named constant of the kernel class (C# const), printed by name.</summary>
public sealed record NamedConstExpr(KernelConstant Constant) : IrExpr(Constant.Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitNamedConst(this);
}

public sealed record VarRefExpr(Variable Variable) : IrExpr(Variable.Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitVarRef(this);
}

public sealed record TableRefExpr(LookupTable Table) : IrExpr(Table.ArrayType)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitTableRef(this);
}

/// <param name="Index">the element's position in the row-major order (the analyses use this)</param>
public sealed record IndexExpr(IrType Type, IrExpr Array, IrExpr Index) : IrExpr(Type)
{
    /// <summary>For a multi-dimensional array: the index in each dimension, as written (the C++ prints these).</summary>
    public IReadOnlyList<IrExpr>? Indices { get; init; }

    /// <summary>On a port of structs (<see cref="AggregateType"/>): the field of the element this reads or writes
    /// (`image[i].R`); the expression's type is the field's. The schedule counts the fields of one element as one
    /// access of the element's width, as Vitis reads and writes the aggregated word.</summary>
    public AggregateField? Field { get; init; }

    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitIndex(this);
}

public sealed record UnaryExpr(IrType Type, UnaryOp Op, IrExpr Operand) : IrExpr(Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitUnary(this);
}

public sealed record BinaryExpr(IrType Type, BinaryOp Op, IrExpr Left, IrExpr Right) : IrExpr(Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitBinary(this);
}

public sealed record ConvertExpr(IrType Type, IrExpr Operand) : IrExpr(Type)
{
    /// <summary>Between an arbitrary-precision value and its raw bits (Fixed.FromRaw, .Raw): the bits are kept,
    /// not the value.</summary>
    public bool Bits { get; init; }

    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitConvert(this);
}

public sealed record ConditionalExpr(IrType Type, IrExpr Condition, IrExpr WhenTrue, IrExpr WhenFalse) : IrExpr(Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitConditional(this);
}

public sealed record CallExpr(IrType Type, string Callee, IReadOnlyList<IrExpr> Arguments) : IrExpr(Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitCall(this);
}

/// <summary>A vocabulary operation with a fixed C++ spelling (Fx.*, Math.*, stream reads).</summary>
public sealed record IntrinsicExpr(IrType Type, Intrinsic Intrinsic, IReadOnlyList<IrExpr> Arguments) : IrExpr(Type)
{
    public override T Accept<T>(IIrExprVisitor<T> v) => v.VisitIntrinsic(this);
}

public interface IIrExprVisitor<out T>
{
    T VisitConst(ConstExpr e);
    T VisitParamRef(ParamRefExpr e);
    T VisitNamedConst(NamedConstExpr e);
    T VisitVarRef(VarRefExpr e);
    T VisitTableRef(TableRefExpr e);
    T VisitIndex(IndexExpr e);
    T VisitUnary(UnaryExpr e);
    T VisitBinary(BinaryExpr e);
    T VisitConvert(ConvertExpr e);
    T VisitConditional(ConditionalExpr e);
    T VisitCall(CallExpr e);
    T VisitIntrinsic(IntrinsicExpr e);
}
