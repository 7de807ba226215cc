namespace Accel.Codegen.Ir.Analysis;

/// <summary>A counted loop `for (v = start; v OP bound; v += step)` (OP one of &lt; &lt;= &gt; &gt;= !=, the
/// comparison either way round, the step v++, v--, v += k or v -= k with k a nonzero constant). Start and bound are
/// forms, so a bound written relative to a symbolic start still gives a count; Trips is null when the distance
/// between them is not a constant, or when the comparison never ends the loop in the step's direction.</summary>
/// <param name="CounterAlone">the init and the step are the counter's single statements: replaying only the body
/// with each value of the counter is the whole loop</param>
public sealed record CountedLoop(Variable Counter, long Step, AffineIndex? Start, BinaryOp? Comparison, AffineIndex? Bound, long? Trips, bool CounterAlone)
{
    /// <summary>The loop with its start, step and bound as affine forms under what is known of each variable.</summary>
    public static CountedLoop? Of(ForStmt loop, Func<Variable, AffineIndex?> lookup) => Of(loop, e => AffineIndex.Of(e, lookup));

    /// <summary>The loop with its start, step and bound as the values the kernel computes (C# wrapping).</summary>
    public static CountedLoop? Of(ForStmt loop, ConstantFolder values) => Of(loop, e => values.Wrapped(e) is long v ? AffineIndex.Of(v) : null);

    private static CountedLoop? Of(ForStmt loop, Func<IrExpr, AffineIndex?> read)
    {
        var counters = loop.Step.Select(s => Counted(s, loop.Init, read)).OfType<(Variable Counter, long Step, IrStmt Init)>().ToList();
        if (counters.Count == 0) return null;
        // With several stepped variables (`i++, j++`), the counter is the one the condition tests.
        var (counter, step, init) = counters.FirstOrDefault(c => Compared(loop.Condition, c.Counter) is not null, counters[0]);
        var start = init switch
        {
            LocalDeclStmt { Initializer: { } value } => read(value),
            AssignStmt a => read(a.Value),
            _ => null,
        };
        var compared = Compared(loop.Condition, counter);
        var bound = compared is { } c ? read(c.Bound) : null;
        long? trips = compared is { } k ? Count(k.Op, step, AffineIndex.Add(bound, start, -1)) : null;
        bool alone = loop.Init is [LocalDeclStmt or AssignStmt] && loop.Step is [_];
        return new CountedLoop(counter, step, start, compared?.Op, bound, trips, alone);
    }

    /// <summary>A step `v = v ± k` whose variable the init declares or assigns: the variable, the signed step
    /// and its init statement.</summary>
    private static (Variable Counter, long Step, IrStmt Init)? Counted(IrStmt step, IReadOnlyList<IrStmt> init, Func<IrExpr, AffineIndex?> read)
    {
        if (step is not AssignStmt { Target: VarRefExpr { Variable: var v }, Value: var value }
            || Plain(value) is not BinaryExpr { Op: BinaryOp.Add or BinaryOp.Sub } change)
            return null;
        var by = IsVar(change.Left, v) ? read(change.Right)
            : change.Op == BinaryOp.Add && IsVar(change.Right, v) ? read(change.Left)
            : null;
        if (by is not { IsConstant: true, Constant: not 0 }) return null;
        var first = init.SelectMany(Flatten).FirstOrDefault(s => s is LocalDeclStmt d && ReferenceEquals(d.Variable, v)
            || s is AssignStmt { Target: VarRefExpr t } && ReferenceEquals(t.Variable, v));
        return first is null ? null : (v, change.Op == BinaryOp.Add ? by.Constant : -by.Constant, first);
    }

    /// <summary>The comparison as `v OP bound`, mirrored when the condition is written `bound OP v`.</summary>
    private static (BinaryOp Op, IrExpr Bound)? Compared(IrExpr? condition, Variable v)
    {
        if (condition is not BinaryExpr { Op: BinaryOp.Lt or BinaryOp.Le or BinaryOp.Gt or BinaryOp.Ge or BinaryOp.Ne } b) return null;
        if (IsVar(b.Left, v)) return (b.Op, b.Right);
        if (IsVar(b.Right, v)) return (Mirror(b.Op), b.Left);
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

    /// <param name="distance">bound - start</param>
    private static long? Count(BinaryOp op, long step, AffineIndex? distance)
    {
        if (distance is not { IsConstant: true, Constant: var d }) return null;
        return (op, step > 0) switch
        {
            (BinaryOp.Lt, true) => Ceiling(d, step),
            (BinaryOp.Le, true) => Ceiling(d + 1, step),
            (BinaryOp.Gt, false) => Ceiling(-d, -step),
            (BinaryOp.Ge, false) => Ceiling(-d + 1, -step),
            // != ends the loop only if the counter lands exactly on the bound
            (BinaryOp.Ne, _) when d % step == 0 && d / step >= 0 => d / step,
            _ => null,
        };
    }

    /// <summary>How many of `values` consecutive integers a stride visits (none when there are none).</summary>
    private static long Ceiling(long values, long stride) => Math.Max(0, (values + stride - 1) / stride);

    private static IEnumerable<IrStmt> Flatten(IrStmt s) => s is BlockStmt b ? b.Statements.SelectMany(Flatten) : [s];

    private static bool IsVar(IrExpr e, Variable v) => Plain(e) is VarRefExpr r && ReferenceEquals(r.Variable, v);

    /// <summary>Integer-to-integer conversions keep the counter's value (the front end widens `i` in `i &lt; n`).</summary>
    private static IrExpr Plain(IrExpr e) => e is ConvertExpr { Type: IntType, Operand: { Type: IntType } inner } ? Plain(inner) : e;
}
