using Accel.Codegen.Ir;
using Accel.Codegen.Passes;

namespace Accel.Resources.Estimation;

/// <summary>One function body as the walk sees it at one call site: which of its variables hold compile-time
/// values (parameters bound to constant arguments, locals initialised once from constants, induction variables of
/// fully unrolled loops), which are assigned somewhere, and how its arrays are partitioned.</summary>
internal sealed class FunctionScope
{
    public IrFunction Function { get; }

    /// <summary>Variables whose value is fixed when the hardware is built; the value is null when it differs
    /// between unrolled copies (an induction variable) or cannot be computed here.</summary>
    public Dictionary<Variable, long?> Statics { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The bits of each static variable whose value is not known (an unrolled loop's variable).</summary>
    public Dictionary<Variable, int> StaticBits { get; } = new(ReferenceEqualityComparer.Instance);

    public HashSet<Variable> Assigned { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<Variable, ArrayPartitionDirective> Partitions { get; } = new(ReferenceEqualityComparer.Instance);

    public FunctionScope(IrFunction function)
    {
        Function = function;
        new Survey(this).Walk(function);
    }

    public string Name => Function.Name;

    /// <summary>Finds the assigned variables and the partition directives before the walk needs them.</summary>
    private sealed class Survey(FunctionScope scope) : IrWalker
    {
        public override void VisitAssign(AssignStmt s)
        {
            if (s.Target is VarRefExpr { Variable: var v }) scope.Assigned.Add(v);
            base.VisitAssign(s);
        }

        public override void VisitDirective(DirectiveStmt s)
        {
            if (s.Directive is ArrayPartitionDirective p) scope.Partitions[p.Array] = p;
        }
    }
}
