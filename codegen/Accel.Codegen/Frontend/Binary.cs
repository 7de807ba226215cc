using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>C# binary operators on the IR: the operator table and C#'s numeric promotions, for the places where
/// Roslyn leaves them implicit (compound assignments and increments).</summary>
internal static class Binary
{
    private static readonly Dictionary<BinaryOperatorKind, BinaryOp> Operators = new()
    {
        [BinaryOperatorKind.Add] = BinaryOp.Add, [BinaryOperatorKind.Subtract] = BinaryOp.Sub,
        [BinaryOperatorKind.Multiply] = BinaryOp.Mul, [BinaryOperatorKind.Divide] = BinaryOp.Div,
        [BinaryOperatorKind.Remainder] = BinaryOp.Rem, [BinaryOperatorKind.LeftShift] = BinaryOp.Shl,
        [BinaryOperatorKind.RightShift] = BinaryOp.Shr, [BinaryOperatorKind.UnsignedRightShift] = BinaryOp.UShr,
        [BinaryOperatorKind.And] = BinaryOp.And, [BinaryOperatorKind.Or] = BinaryOp.Or,
        [BinaryOperatorKind.ExclusiveOr] = BinaryOp.Xor, [BinaryOperatorKind.Equals] = BinaryOp.Eq,
        [BinaryOperatorKind.NotEquals] = BinaryOp.Ne, [BinaryOperatorKind.LessThan] = BinaryOp.Lt,
        [BinaryOperatorKind.LessThanOrEqual] = BinaryOp.Le, [BinaryOperatorKind.GreaterThan] = BinaryOp.Gt,
        [BinaryOperatorKind.GreaterThanOrEqual] = BinaryOp.Ge, [BinaryOperatorKind.ConditionalAnd] = BinaryOp.LogicalAnd,
        [BinaryOperatorKind.ConditionalOr] = BinaryOp.LogicalOr,
    };

    public static bool IsComparison(BinaryOp op) => op is >= BinaryOp.Eq and <= BinaryOp.LogicalOr;

    public static IrExpr? Make(LoweringContext context, SyntaxNode where, BinaryOperatorKind kind, IrType type, IrExpr left, IrExpr right)
    {
        if (!Operators.TryGetValue(kind, out var op))
        {
            context.Report(DiagnosticIds.Other, where, $"operator {kind}");
            return null;
        }
        return new BinaryExpr(IsComparison(op) ? IrType.Bool : type, op, left, right);
    }

    /// <summary>The type C# computes a binary operation in (for shifts: the promoted left operand).</summary>
    public static IrType ResultType(BinaryOperatorKind kind, IrType left, IrType right) =>
        kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift
            ? Promote(left)
            : Common(Promote(left), Promote(right));

    /// <summary>C# unary promotion: integers narrower than 32 bits compute as int.</summary>
    public static IrType Promote(IrType type) => type is IntType { Bits: < 32 } ? IrType.Int32 : type;

    private static IrType Common(IrType a, IrType b)
    {
        if (a is FloatType fa && b is FloatType fb) return fa.Bits >= fb.Bits ? a : b;
        if (a is FloatType) return a;
        if (b is FloatType) return b;
        if (a is BoolType || b is BoolType) return IrType.Bool;
        var x = (IntType)a; var y = (IntType)b;
        if (x == y) return x;
        if (x.Bits == 64 || y.Bits == 64) return x.Signed && y.Signed || (x.Bits == 64 && x.Signed) || (y.Bits == 64 && y.Signed) ? IrType.Int64 : new IntType(64, false);
        return x.Signed == y.Signed ? x : IrType.Int64; // int with uint: long
    }
}
