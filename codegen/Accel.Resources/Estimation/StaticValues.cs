using Accel.Codegen.Ir;

namespace Accel.Resources.Estimation;

/// <summary>What is known when the hardware is built: an expression of constants, kernel parameters and static
/// variables is folded by HLS and costs nothing (its value, when computable, is <see cref="FunctionScope.Values"/>).</summary>
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
}
