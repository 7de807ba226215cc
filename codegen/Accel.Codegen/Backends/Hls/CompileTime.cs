using System.Numerics;
using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Hls;

/// <summary>Values of expressions made only of constants and kernel parameters, computed exactly, so the printer
/// can tell when signed arithmetic cannot wrap.</summary>
internal static class CompileTime
{
    public static BigInteger? Value(IrExpr e) => e switch
    {
        ConstExpr { Type: IntType } c => c.IntValue,
        ParamRefExpr p => p.Param.Value,
        NamedConstExpr n => n.Constant.Value,
        ConvertExpr { Type: IntType } c => Value(c.Operand) is { } v && Fits(v, (IntType)c.Type) ? v : null,
        UnaryExpr { Op: UnaryOp.Neg } u => -Value(u.Operand),
        BinaryExpr b when Value(b.Left) is { } l && Value(b.Right) is { } r => b.Op switch
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

    public static bool FitsWithoutWrapping(BinaryExpr e) =>
        e.Op is BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Shl
        && e.Type is IntType type && Value(e) is { } v && Fits(v, type)
        && Operand(e.Left, type) && Operand(e.Right, type);

    private static bool Operand(IrExpr e, IntType type) => e is not BinaryExpr b || (b.Type is IntType t && Value(b) is { } v && Fits(v, t));

    private static bool Fits(BigInteger v, IntType t) =>
        t.Signed ? v >= (t.Bits == 64 ? long.MinValue : -(BigInteger.One << (t.Bits - 1))) && v < BigInteger.One << (t.Bits - 1)
                 : v >= 0 && v < BigInteger.One << t.Bits;
}
