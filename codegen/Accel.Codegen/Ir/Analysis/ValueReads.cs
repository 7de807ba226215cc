using Accel.Codegen.Passes;

namespace Accel.Codegen.Ir.Analysis;

/// <summary>The variables a function uses as values: everywhere but as the place a store goes to (`v = ...`, or the
/// local array of `a[i] = ...`; a store through an array parameter counts, as it reaches the caller's array). A
/// struct's field variable outside this set is dead: the printer marks it used for g++, the estimator drops it
/// (as Vitis removes what is never read).</summary>
public sealed class ValueReads : IrWalker
{
    private readonly HashSet<Variable> read = new();

    public static IReadOnlySet<Variable> Of(IrFunction function)
    {
        var walker = new ValueReads();
        walker.Walk(function);
        return walker.read;
    }

    public override void VisitAssign(AssignStmt s)
    {
        if (s.Target is IndexExpr { Array: VarRefExpr { Variable.Kind: not VariableKind.ArrayParam } } target)
        {
            Walk(target.Index);
            if (target.Indices is { } indices) foreach (var i in indices) Walk(i);
        }
        else if (s.Target is not VarRefExpr) Walk(s.Target);
        Walk(s.Value);
    }

    public override bool VisitVarRef(VarRefExpr e)
    {
        read.Add(e.Variable);
        return true;
    }
}
