using Accel.Codegen.Ir;

namespace Accel.Resources.Estimation;

/// <summary>What is known when the hardware is built: an expression of constants, kernel parameters and static
/// variables is folded by HLS and costs nothing. Values follow C# arithmetic (wrapping at the type's width,
/// shift counts masked), so trip counts come out as the kernel computes them.</summary>
internal static class StaticValues
{
    public static bool IsStatic(IrExpr e, FunctionScope scope) => e switch
    {
        ConstExpr or ParamRefExpr or NamedConstExpr => true,
        VarRefExpr v => scope.Statics.ContainsKey(v.Variable),
        UnaryExpr u => IsStatic(u.Operand, scope),
        BinaryExpr b => IsStatic(b.Left, scope) && IsStatic(b.Right, scope),
        ConvertExpr c => IsStatic(c.Operand, scope),
        ConditionalExpr c => IsStatic(c.Condition, scope) && IsStatic(c.WhenTrue, scope) && IsStatic(c.WhenFalse, scope),
        IndexExpr { Array: TableRefExpr } i => IsStatic(i.Index, scope),
        IntrinsicExpr i => !i.Intrinsic.HasSideEffects() && i.Intrinsic != Intrinsic.StreamEmpty && i.Arguments.All(a => IsStatic(a, scope)),
        _ => false,
    };

    /// <summary>The value, when it is static and computable.</summary>
    public static long? Value(IrExpr e, FunctionScope scope) => e switch
    {
        ConstExpr c when c.Type is IntType or BoolType => c.IntValue,
        ParamRefExpr p => p.Param.Value,
        NamedConstExpr n => n.Constant.Value,
        VarRefExpr v => scope.Statics.GetValueOrDefault(v.Variable),
        ConvertExpr c => Value(c.Operand, scope) is long x ? Wrap(x, c.Type) : null,
        UnaryExpr u => Value(u.Operand, scope) is long x ? Unary(u.Op, x, u.Type) : null,
        BinaryExpr b => Value(b.Left, scope) is long l && Value(b.Right, scope) is long r ? Binary(b.Op, l, r, b.Left.Type, b.Type) : null,
        ConditionalExpr c => Value(c.Condition, scope) is long k ? Value(k != 0 ? c.WhenTrue : c.WhenFalse, scope) : null,
        IndexExpr { Array: TableRefExpr t } i => Value(i.Index, scope) is long k && k >= 0 && k < t.Table.Values.Length ? t.Table.Values[k] : null,
        IntrinsicExpr i => IntrinsicValue(i, scope),
        _ => null,
    };

    public static long Wrap(long value, IrType type) => type switch
    {
        BoolType => value != 0 ? 1 : 0,
        IntType { Bits: < 64 } t => t.Signed
            ? (value << (64 - t.Bits)) >> (64 - t.Bits)
            : value & ((1L << t.Bits) - 1),
        _ => value,
    };

    private static long? Unary(UnaryOp op, long x, IrType type) => op switch
    {
        UnaryOp.Neg => Wrap(unchecked(-x), type),
        UnaryOp.Not => x == 0 ? 1 : 0,
        UnaryOp.BitNot => Wrap(~x, type),
        _ => null,
    };

    private static long? Binary(BinaryOp op, long l, long r, IrType operandType, IrType type)
    {
        int mask = operandType is IntType { Bits: 64 } ? 63 : 31;
        bool unsigned = operandType is IntType { Signed: false };
        long? value = op switch
        {
            BinaryOp.Add => unchecked(l + r),
            BinaryOp.Sub => unchecked(l - r),
            BinaryOp.Mul => unchecked(l * r),
            BinaryOp.Div when r != 0 => unsigned ? (long)((ulong)l / (ulong)r) : l / r,
            BinaryOp.Rem when r != 0 => unsigned ? (long)((ulong)l % (ulong)r) : l % r,
            BinaryOp.Shl => l << (int)(r & mask),
            BinaryOp.Shr => unsigned ? (long)((ulong)l >> (int)(r & mask)) : l >> (int)(r & mask),
            BinaryOp.UShr => (long)((ulong)l >> (int)(r & mask)),
            BinaryOp.And => l & r,
            BinaryOp.Or => l | r,
            BinaryOp.Xor => l ^ r,
            BinaryOp.Eq => l == r ? 1 : 0,
            BinaryOp.Ne => l != r ? 1 : 0,
            BinaryOp.Lt => (unsigned ? (ulong)l < (ulong)r : l < r) ? 1 : 0,
            BinaryOp.Le => (unsigned ? (ulong)l <= (ulong)r : l <= r) ? 1 : 0,
            BinaryOp.Gt => (unsigned ? (ulong)l > (ulong)r : l > r) ? 1 : 0,
            BinaryOp.Ge => (unsigned ? (ulong)l >= (ulong)r : l >= r) ? 1 : 0,
            BinaryOp.LogicalAnd => l != 0 && r != 0 ? 1 : 0,
            BinaryOp.LogicalOr => l != 0 || r != 0 ? 1 : 0,
            _ => null,
        };
        return value is long v ? Wrap(v, type) : null;
    }

    private static long? IntrinsicValue(IntrinsicExpr e, FunctionScope scope)
    {
        var args = e.Arguments.Select(a => Value(a, scope)).ToList();
        if (args.Any(a => a is null)) return null;
        long x = args[0]!.Value;
        return e.Intrinsic switch
        {
            Intrinsic.Abs => Math.Abs(x),
            Intrinsic.Min => Math.Min(x, args[1]!.Value),
            Intrinsic.Max => Math.Max(x, args[1]!.Value),
            Intrinsic.RoundShift => args[1]!.Value <= 0 ? x : (x + (1L << (int)(args[1]!.Value - 1))) >> (int)args[1]!.Value,
            _ => null,
        };
    }
}
