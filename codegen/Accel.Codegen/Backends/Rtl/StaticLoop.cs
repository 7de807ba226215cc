using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>The iterations of a counted loop whose start, bound and step are known at generation time:
/// `for (v = a; v &lt; b; v += s)` and its &lt;=, &gt;, &gt;=, != and -= forms.</summary>
internal sealed record StaticLoop(Variable Variable, IReadOnlyList<long> Values, long Exit)
{
    private const int MaxIterations = 1 << 16;

    public static StaticLoop? Of(ForStmt f, Func<IrExpr, long?> known)
    {
        if (f.Init is not [var init] || f.Step is not [AssignStmt { Target: VarRefExpr { Variable: var stepped }, Value: BinaryExpr step }]) return null;
        var (variable, start) = init switch
        {
            LocalDeclStmt { Initializer: { } i } d => (d.Variable, known(i)),
            AssignStmt { Target: VarRefExpr { Variable: var v }, Value: var i } => (v, known(i)),
            _ => (null, null),
        };
        if (variable is null || start is null || stepped != variable) return null;
        if (step is not { Left: VarRefExpr { Variable: var s }, Op: BinaryOp.Add or BinaryOp.Sub } || s != variable || known(step.Right) is not { } delta) return null;
        if (step.Op == BinaryOp.Sub) delta = -delta;
        if (f.Condition is not BinaryExpr { Left: VarRefExpr { Variable: var c } } condition || c != variable || known(condition.Right) is not { } bound) return null;
        var values = new List<long>();
        for (long v = start.Value; Holds(condition.Op, v, bound); v += delta)
        {
            if (values.Count == MaxIterations || delta == 0) return null;
            values.Add(v);
        }
        return new StaticLoop(variable, values, start.Value + values.Count * delta);
    }

    private static bool Holds(BinaryOp op, long v, long bound) => op switch
    {
        BinaryOp.Lt => v < bound,
        BinaryOp.Le => v <= bound,
        BinaryOp.Gt => v > bound,
        BinaryOp.Ge => v >= bound,
        BinaryOp.Ne => v != bound,
        _ => false,
    };
}
