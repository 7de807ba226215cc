namespace Accel.Codegen.Ir.Analysis;

/// <summary>An integer index as constant + sum of coefficient x symbol, where a symbol is a variable whose value
/// is fixed within one iteration of the loop being scheduled (its induction variable, or a value from outside the
/// loop). Two accesses whose forms differ only in the constant touch elements a known distance apart.</summary>
public sealed record AffineIndex(long Constant, IReadOnlyDictionary<Variable, long> Terms)
{
    private static readonly IReadOnlyDictionary<Variable, long> NoTerms = new Dictionary<Variable, long>();

    public static AffineIndex Of(long constant) => new(constant, NoTerms);

    public static AffineIndex Symbol(Variable v) => new(0, new Dictionary<Variable, long>() { [v] = 1 });

    public bool IsConstant => Terms.Count == 0;

    public long Coefficient(Variable v) => Terms.TryGetValue(v, out var c) ? c : 0;

    /// <summary>True when both have the same symbols with the same coefficients.</summary>
    public bool SameTerms(AffineIndex other) =>
        Terms.Count == other.Terms.Count && Terms.All(t => other.Terms.TryGetValue(t.Key, out var c) && c == t.Value);

    /// <summary>True when both are the same form: the same element in the same iteration.</summary>
    public bool SameAs(AffineIndex other) => Constant == other.Constant && SameTerms(other);

    /// <summary>A key that is equal for equal forms (symbols by identity, so two variables of one name differ).</summary>
    public string Key(Func<Variable, int> symbolId) =>
        string.Join("+", Terms.Select(t => $"{t.Value}*v{symbolId(t.Key)}").Order(StringComparer.Ordinal)) + $"+{Constant}";

    public static AffineIndex? Add(AffineIndex? a, AffineIndex? b, long sign = 1)
    {
        if (a is null || b is null) return null;
        var terms = new Dictionary<Variable, long>(a.Terms);
        foreach (var (v, c) in b.Terms) terms[v] = terms.GetValueOrDefault(v) + sign * c;
        foreach (var v in terms.Where(t => t.Value == 0).Select(t => t.Key).ToList()) terms.Remove(v);
        return new AffineIndex(a.Constant + sign * b.Constant, terms);
    }

    public static AffineIndex? Scale(AffineIndex? a, long factor) =>
        a is null ? null : factor == 0 ? Of(0) : new AffineIndex(a.Constant * factor, a.Terms.ToDictionary(t => t.Key, t => t.Value * factor));

    /// <summary>The form of an expression, or null when it is not affine in the symbols (data-dependent).</summary>
    /// <param name="lookup">a variable's form: a known value, a symbol, or null when it varies within the loop</param>
    /// <param name="opaque">a symbol standing for a product (or other operation) of two known forms that is not
    /// affine, such as key * stride; null leaves such expressions unknown</param>
    public static AffineIndex? Of(IrExpr e, Func<Variable, AffineIndex?> lookup, Func<BinaryOp, AffineIndex, AffineIndex, AffineIndex?>? opaque = null) =>
        Affine(e, lookup, opaque) ?? Opaque(e, lookup, opaque);

    private static AffineIndex? Opaque(IrExpr e, Func<Variable, AffineIndex?> lookup, Func<BinaryOp, AffineIndex, AffineIndex, AffineIndex?>? opaque) =>
        opaque is not null && e is BinaryExpr { Type: IntType } b && Of(b.Left, lookup, opaque) is { } l && Of(b.Right, lookup, opaque) is { } r
            ? opaque(b.Op, l, r)
            : null;

    private static AffineIndex? Affine(IrExpr e, Func<Variable, AffineIndex?> lookup, Func<BinaryOp, AffineIndex, AffineIndex, AffineIndex?>? opaque) => e switch
    {
        ConstExpr c when c.Type is IntType or BoolType => Of(c.IntValue),
        ParamRefExpr p => Of(p.Param.Value),
        NamedConstExpr n => Of(n.Constant.Value),
        VarRefExpr { Variable: var v } when v.Type is IntType or BoolType => lookup(v),
        ConvertExpr { Type: IntType, Operand.Type: IntType } c => Of(c.Operand, lookup, opaque),
        BinaryExpr { Op: BinaryOp.Add } b => Add(Of(b.Left, lookup, opaque), Of(b.Right, lookup, opaque)),
        BinaryExpr { Op: BinaryOp.Sub } b => Add(Of(b.Left, lookup, opaque), Of(b.Right, lookup, opaque), -1),
        BinaryExpr { Op: BinaryOp.Mul } b => Multiply(Of(b.Left, lookup, opaque), Of(b.Right, lookup, opaque)),
        BinaryExpr { Op: BinaryOp.Shl, Right: var r } b when Of(r, lookup, opaque) is { IsConstant: true, Constant: >= 0 and < 62 } s => Scale(Of(b.Left, lookup, opaque), 1L << (int)s.Constant),
        BinaryExpr { Op: BinaryOp.LogicalAnd or BinaryOp.LogicalOr } b when ShortCircuit(b, lookup, opaque) is { } known => known,
        UnaryExpr { Op: UnaryOp.Not } u when Of(u.Operand, lookup, opaque) is { IsConstant: true } c => Of(c.Constant == 0 ? 1 : 0),
        BinaryExpr { Op: not (BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Shl) } b
            when Of(b.Left, lookup, opaque) is { IsConstant: true } l && Of(b.Right, lookup, opaque) is { IsConstant: true } r
            && ConstantFolder.Binary(b.Op, l.Constant, r.Constant, b.Left.Type, b.Type) is long value => Of(value),
        _ => null,
    };

    /// <summary>false &amp;&amp; x is false and true || x is true, whatever x is.</summary>
    private static AffineIndex? ShortCircuit(BinaryExpr b, Func<Variable, AffineIndex?> lookup, Func<BinaryOp, AffineIndex, AffineIndex, AffineIndex?>? opaque)
    {
        long decisive = b.Op == BinaryOp.LogicalAnd ? 0 : 1;
        foreach (var side in new[] { b.Left, b.Right })
            if (Of(side, lookup, opaque) is { IsConstant: true } c && (c.Constant != 0 ? 1 : 0) == decisive) return Of(decisive);
        return null;
    }

    private static AffineIndex? Multiply(AffineIndex? a, AffineIndex? b) =>
        a is { IsConstant: true } ? Scale(b, a.Constant) : b is { IsConstant: true } ? Scale(a, b.Constant) : null;
}
