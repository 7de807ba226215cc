using Accel.Codegen.Passes;

namespace Accel.Codegen.Ir.Analysis;

/// <summary>The variables an expression refers to, in order and with repeats. Given what is known of conditions,
/// the untaken side of a ?: whose condition is known is skipped, as a printer that folds it never reads it.</summary>
public sealed class VariablesIn : IrWalker
{
    private readonly List<Variable> variables = [];
    private readonly Func<IrExpr, long?>? known;

    private VariablesIn(Func<IrExpr, long?>? known) => this.known = known;

    public static List<Variable> Of(IrExpr e, Func<IrExpr, long?>? known = null)
    {
        var walker = new VariablesIn(known);
        e.Accept(walker);
        return walker.variables;
    }

    public override bool VisitVarRef(VarRefExpr e)
    {
        variables.Add(e.Variable);
        return true;
    }

    public override bool VisitConditional(ConditionalExpr e)
    {
        if (known?.Invoke(e.Condition) is not { } k) return base.VisitConditional(e);
        Walk(k != 0 ? e.WhenTrue : e.WhenFalse);
        return true;
    }
}
