using Accel.Codegen.Ir;

namespace Accel.Resources.Estimation;

/// <summary>A counted loop: its variable runs Start, Start + Step, ... for Trips iterations.</summary>
internal sealed record CountedLoop(Variable Variable, long Start, long Step, long Trips)
{
    /// <summary>The bits the variable needs over its range (what each unrolled copy's constant needs at most).</summary>
    public int Bits => Trips == 0 ? 1 : Math.Max(ValueWidths.SignedBits(Start), ValueWidths.SignedBits(Start + (Trips - 1) * Step));
}

/// <summary>The trip count of a counted loop `for (i = start; i OP bound; i += step)` whose start, bound and step
/// are static (constants, kernel parameters): what a full unroll replicates. Null when it is not of that form.</summary>
internal static class TripCounts
{
    public static CountedLoop? Of(ForStmt loop, FunctionScope scope)
    {
        foreach (var step in loop.Step)
        {
            if (step is not AssignStmt { Target: VarRefExpr { Variable: var v } } assign) continue;
            long? increment = Increment(assign.Value, v, scope);
            long? start = Start(loop.Init, v, scope);
            var bound = Bound(loop.Condition, v, scope);
            if (increment is long inc && start is long s && bound is var (op, b) && Count(s, b, inc, op) is long n) return new CountedLoop(v, s, inc, n);
        }
        return null;
    }

    private static long? Increment(IrExpr value, Variable v, FunctionScope scope) => Strip(value) switch
    {
        BinaryExpr { Op: BinaryOp.Add } b when IsVar(b.Left, v) => StaticValues.Value(b.Right, scope),
        BinaryExpr { Op: BinaryOp.Add } b when IsVar(b.Right, v) => StaticValues.Value(b.Left, scope),
        BinaryExpr { Op: BinaryOp.Sub } b when IsVar(b.Left, v) => StaticValues.Value(b.Right, scope) is long k ? -k : null,
        _ => null,
    };

    private static long? Start(IReadOnlyList<IrStmt> init, Variable v, FunctionScope scope)
    {
        foreach (var s in init.SelectMany(Flatten))
        {
            if (s is LocalDeclStmt d && ReferenceEquals(d.Variable, v) && d.Initializer is not null) return StaticValues.Value(d.Initializer, scope);
            if (s is AssignStmt { Target: VarRefExpr t } a && ReferenceEquals(t.Variable, v)) return StaticValues.Value(a.Value, scope);
        }
        return null;
    }

    private static IEnumerable<IrStmt> Flatten(IrStmt s) => s is BlockStmt b ? b.Statements.SelectMany(Flatten) : [s];

    private static (BinaryOp Op, long Bound)? Bound(IrExpr? condition, Variable v, FunctionScope scope)
    {
        if (condition is not BinaryExpr b) return null;
        if (IsVar(b.Left, v) && StaticValues.Value(b.Right, scope) is long right) return (b.Op, right);
        if (IsVar(b.Right, v) && StaticValues.Value(b.Left, scope) is long left) return (Mirror(b.Op), left);
        return null;
    }

    private static BinaryOp Mirror(BinaryOp op) => op switch
    {
        BinaryOp.Lt => BinaryOp.Gt,
        BinaryOp.Le => BinaryOp.Ge,
        BinaryOp.Gt => BinaryOp.Lt,
        BinaryOp.Ge => BinaryOp.Le,
        _ => op,
    };

    private static long? Count(long start, long bound, long step, BinaryOp op) => (op, step) switch
    {
        (BinaryOp.Lt, > 0) => bound > start ? (bound - start + step - 1) / step : 0,
        (BinaryOp.Le, > 0) => bound >= start ? (bound - start) / step + 1 : 0,
        (BinaryOp.Gt, < 0) => start > bound ? (start - bound - step - 1) / -step : 0,
        (BinaryOp.Ge, < 0) => start >= bound ? (start - bound) / -step + 1 : 0,
        (BinaryOp.Ne, not 0) when (bound - start) % step == 0 && (bound - start) / step >= 0 => (bound - start) / step,
        _ => null,
    };

    private static bool IsVar(IrExpr e, Variable v) => Strip(e) is VarRefExpr r && ReferenceEquals(r.Variable, v);

    private static IrExpr Strip(IrExpr e) => e is ConvertExpr c ? Strip(c.Operand) : e;
}
