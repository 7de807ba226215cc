using Accel.Codegen.Ir;

namespace Accel.Codegen.Passes;

/// <summary>The counter and trip count of a counted loop `for (v = start; v &lt; bound; v++)` (or `&lt;=`, or
/// counting down with `&gt;`/`&gt;=` and `v--`) when the distance between bound and start is a constant under
/// what is known where the loop starts; null for any other loop.</summary>
public static class LoopBounds
{
    /// <summary>The counter and its constant step (v++, v--, v += k, v -= k).</summary>
    public static (Variable Variable, long Step)? Counter(ForStmt f, Func<Variable, AffineIndex?>? lookup = null)
    {
        var v = f.Init switch
        {
            [LocalDeclStmt d] => d.Variable,
            [AssignStmt { Target: VarRefExpr { Variable: var a } }] => a,
            _ => null,
        };
        if (v is null || f.Step is not [AssignStmt { Target: VarRefExpr { Variable: var t }, Value: var value }] || !ReferenceEquals(t, v)) return null;
        if (Plain(value) is not BinaryExpr { Op: BinaryOp.Add or BinaryOp.Sub } step
            || Plain(step.Left) is not VarRefExpr { Variable: var l } || !ReferenceEquals(l, v)
            || AffineIndex.Of(step.Right, lookup ?? (_ => null)) is not { IsConstant: true, Constant: not 0 } by)
            return null;
        return (v, step.Op == BinaryOp.Add ? by.Constant : -by.Constant);
    }

    /// <summary>The counter's first value (the form of its initializer).</summary>
    public static AffineIndex? Start(ForStmt f, Func<Variable, AffineIndex?> lookup) => f.Init.FirstOrDefault() switch
    {
        LocalDeclStmt { Initializer: { } init } => AffineIndex.Of(init, lookup),
        AssignStmt a => AffineIndex.Of(a.Value, lookup),
        _ => null,
    };

    public static Variable? Variable(ForStmt f, Func<Variable, AffineIndex?>? lookup = null) => Counter(f, lookup)?.Variable;

    private static IrExpr Plain(IrExpr e) => e is ConvertExpr { Type: IntType, Operand: { Type: IntType } inner } ? Plain(inner) : e;

    /// <param name="lookup">what a variable's value is known to be (the loop variable's start included)</param>
    public static long? Trips(ForStmt f, Func<Variable, AffineIndex?> lookup)
    {
        if (Counter(f, lookup) is not var (v, step)) return null;
        var start = Start(f, lookup);
        if (f.Condition is not BinaryExpr { Left: var left, Right: var bound } condition
            || Plain(left) is not VarRefExpr { Variable: var counter } || !ReferenceEquals(counter, v))
            return null;
        var (span, inclusive) = (condition.Op, step > 0) switch
        {
            (BinaryOp.Lt, true) => (AffineIndex.Add(AffineIndex.Of(bound, lookup), start, -1), false),
            (BinaryOp.Le, true) => (AffineIndex.Add(AffineIndex.Of(bound, lookup), start, -1), true),
            (BinaryOp.Gt, false) => (AffineIndex.Add(start, AffineIndex.Of(bound, lookup), -1), false),
            (BinaryOp.Ge, false) => (AffineIndex.Add(start, AffineIndex.Of(bound, lookup), -1), true),
            _ => (null, false),
        };
        if (span is not { IsConstant: true }) return null;
        long values = span.Constant + (inclusive ? 1 : 0);
        long stride = Math.Abs(step);
        return Math.Max(0, (values + stride - 1) / stride);
    }
}
