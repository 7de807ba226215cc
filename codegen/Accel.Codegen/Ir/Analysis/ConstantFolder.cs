using System.Numerics;

namespace Accel.Codegen.Ir.Analysis;

/// <summary>The values of IR expressions known when the hardware is built: constants, kernel parameters, and the
/// variables the caller knows (an estimator's static locals, a loop's known counters). Two readings, because the
/// callers ask different questions: <see cref="Wrapped"/> is what the C# kernel computes, <see cref="Exact"/> is the
/// mathematical value, so a printer can tell whether C# would have wrapped.</summary>
/// <param name="known">a variable's value, or null when it is not known</param>
public sealed class ConstantFolder(Func<Variable, long?>? known = null)
{
    /// <summary>A folder that knows only constants and kernel parameters.</summary>
    public static ConstantFolder Constants { get; } = new();

    public static ConstantFolder Of(IReadOnlyDictionary<Variable, long> values) => new(v => values.TryGetValue(v, out var c) ? c : null);

    /// <summary>The value with C# semantics: each operation wraps at its type's width and shift counts are
    /// masked, so trip counts and widths come out as the kernel computes them. `false &amp;&amp; x`, `true || x` and
    /// `c ? a : b` need only the side C# evaluates.</summary>
    public long? Wrapped(IrExpr e) => e switch
    {
        // An arbitrary-precision value is not an integer of its raw bits: nothing of it folds.
        _ when e.Type is ApType || e is BinaryExpr { Left.Type: ApType } || e is ConvertExpr { Operand.Type: ApType } => null,
        ConstExpr c when c.Type is IntType or BoolType => c.IntValue,
        ParamRefExpr p => p.Param.Value,
        NamedConstExpr n => n.Constant.Value,
        VarRefExpr v => known?.Invoke(v.Variable),
        ConvertExpr c => Wrapped(c.Operand) is long x ? Wrap(x, c.Type) : null,
        UnaryExpr u => Wrapped(u.Operand) is long x ? Unary(u.Op, x, u.Type) : null,
        BinaryExpr { Op: BinaryOp.LogicalAnd or BinaryOp.LogicalOr } b => ShortCircuit(b),
        BinaryExpr b => Wrapped(b.Left) is long l && Wrapped(b.Right) is long r ? Binary(b.Op, l, r, b.Left.Type, b.Type) : null,
        ConditionalExpr c => Wrapped(c.Condition) is long k ? Wrapped(k != 0 ? c.WhenTrue : c.WhenFalse) : null,
        IndexExpr { Array: TableRefExpr t } i => Wrapped(i.Index) is long k && k >= 0 && k < t.Table.Values.Length ? t.Table.Values[k] : null,
        IntrinsicExpr i => IntrinsicValue(i),
        _ => null,
    };

    /// <summary>The exact value of an integer expression of +, -, *, shifts by 0..62 and negation, or null when
    /// it has any other operation or a conversion whose operand does not fit the target type (where C# would
    /// wrap). Variables are read through the lookup.</summary>
    public BigInteger? Exact(IrExpr e) => e switch
    {
        ConstExpr { Type: IntType } c => c.IntValue,
        ParamRefExpr p => p.Param.Value,
        NamedConstExpr n => n.Constant.Value,
        VarRefExpr { Type: IntType } v => known?.Invoke(v.Variable),
        ConvertExpr { Type: IntType } c => Exact(c.Operand) is { } v && Fits(v, (IntType)c.Type) ? v : null,
        UnaryExpr { Op: UnaryOp.Neg } u => -Exact(u.Operand),
        BinaryExpr b when Exact(b.Left) is { } l && Exact(b.Right) is { } r => b.Op switch
        {
            BinaryOp.Add => l + r,
            BinaryOp.Sub => l - r,
            BinaryOp.Mul => l * r,
            BinaryOp.Shl when r >= 0 && r < 63 => l << (int)r,
            BinaryOp.Shr when r >= 0 && r < 63 => l >> (int)r,
            _ => null,
        },
        _ => null,
    };

    public static bool Fits(BigInteger v, IntType t) =>
        t.Signed ? v >= (t.Bits == 64 ? long.MinValue : -(BigInteger.One << (t.Bits - 1))) && v < BigInteger.One << (t.Bits - 1)
                 : v >= 0 && v < BigInteger.One << t.Bits;

    /// <summary>A value as a variable of the type holds it (bool as 0 or 1; non-integer types unchanged).</summary>
    public static long Wrap(long value, IrType type) => type switch
    {
        BoolType => value != 0 ? 1 : 0,
        IntType { Bits: < 64 } t => t.Signed
            ? (value << (64 - t.Bits)) >> (64 - t.Bits)
            : value & ((1L << t.Bits) - 1),
        _ => value,
    };

    /// <summary>A binary operation on two known values with C# semantics at the operand and result types.</summary>
    public static long? Binary(BinaryOp op, long l, long r, IrType operandType, IrType type)
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

    private static long? Unary(UnaryOp op, long x, IrType type) => op switch
    {
        UnaryOp.Neg => Wrap(unchecked(-x), type),
        UnaryOp.Not => x == 0 ? 1 : 0,
        UnaryOp.BitNot => Wrap(~x, type),
        _ => null,
    };

    private long? ShortCircuit(BinaryExpr b)
    {
        long decisive = b.Op == BinaryOp.LogicalAnd ? 0 : 1;
        long? left = Wrapped(b.Left), right = Wrapped(b.Right);
        if (left is long l && (l != 0 ? 1 : 0) == decisive || right is long r && (r != 0 ? 1 : 0) == decisive) return decisive;
        return left is long x && right is long y ? Binary(b.Op, x, y, b.Left.Type, b.Type) : null;
    }

    private long? IntrinsicValue(IntrinsicExpr e)
    {
        var args = e.Arguments.Select(Wrapped).ToList();
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
