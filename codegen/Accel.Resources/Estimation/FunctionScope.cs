using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Accel.Codegen.Passes;

namespace Accel.Resources.Estimation;

/// <summary>One function body as the walk sees it at one call site: which of its variables hold compile-time
/// values (parameters bound to constant arguments, locals initialised once from constants, induction variables of
/// fully unrolled loops), how many bits each variable needs, and what its arrays are (partitions, and for array
/// parameters the caller's table or register array).</summary>
internal sealed class FunctionScope
{
    public IrFunction Function { get; }

    /// <summary>Variables whose value is fixed when the hardware is built; the value is null when it differs
    /// between unrolled copies (an induction variable) or cannot be computed here.</summary>
    public Dictionary<Variable, long?> Statics { get; } = new();

    /// <summary>Values as the kernel computes them, with the static variables known.</summary>
    public ConstantFolder Values { get; }

    /// <summary>The bits each static variable of unknown value needs (an unrolled loop's variable).</summary>
    public Dictionary<Variable, int> StaticBits { get; } = new();

    /// <summary>The bits each variable needs over all its definitions (see <see cref="ValueWidths.Solve"/>).</summary>
    public Dictionary<Variable, int> VariableBits { get; } = new();

    /// <summary>Every value assigned to each variable: its initializer and the right-hand sides that assign it.</summary>
    public Dictionary<Variable, List<IrExpr>> Definitions { get; } = new();

    public HashSet<Variable> Assigned { get; } = new();

    /// <summary>Variables assigned only in a loop's step: constant within one iteration of that loop.</summary>
    public HashSet<Variable> StepOnly { get; } = new();

    public Dictionary<Variable, ArrayPartitionDirective> Partitions { get; } = new();

    /// <summary>Array parameters bound to the caller's lookup table.</summary>
    public Dictionary<Variable, LookupTable> Tables { get; } = new();

    /// <summary>Arrays held in registers (completely partitioned), declared here or passed by the caller, by length.</summary>
    public Dictionary<Variable, long> RegisterArrays { get; } = new();

    /// <summary>Operators already counted in this scope, by expression and number of copies: HLS computes an
    /// expression of unchanging values once (common subexpressions).</summary>
    public HashSet<(IrExpr Expr, long Copies)> Computed { get; } = new();

    public FunctionScope(IrFunction function)
    {
        Function = function;
        Values = new ConstantFolder(v => Statics.GetValueOrDefault(v));
        new Survey(this).Walk(function);
    }

    public string Name => Function.Name;

    /// <summary>Finds definitions, assignments and partition directives before the walk needs them.</summary>
    private sealed class Survey(FunctionScope scope) : IrWalker
    {
        private readonly HashSet<Variable> assignedInBody = new();
        private int stepDepth;

        public override void VisitLocalDecl(LocalDeclStmt s)
        {
            if (s.Initializer is not null) Define(s.Variable, s.Initializer);
            base.VisitLocalDecl(s);
        }

        public override void VisitAssign(AssignStmt s)
        {
            if (s.Target is VarRefExpr { Variable: var v })
            {
                scope.Assigned.Add(v);
                Define(v, s.Value);
                if (stepDepth > 0 && !assignedInBody.Contains(v)) scope.StepOnly.Add(v);
                if (stepDepth == 0) { assignedInBody.Add(v); scope.StepOnly.Remove(v); }
            }
            base.VisitAssign(s);
        }

        public override void VisitFor(ForStmt s)
        {
            foreach (var x in s.Init) x.Accept(this);
            Walk(s.Condition);
            s.Body.Accept(this);
            stepDepth++;
            foreach (var x in s.Step) x.Accept(this);
            stepDepth--;
        }

        public override void VisitDirective(DirectiveStmt s)
        {
            if (s.Directive is ArrayPartitionDirective p) scope.Partitions[p.Array] = p;
        }

        private void Define(Variable v, IrExpr value)
        {
            if (!scope.Definitions.TryGetValue(v, out var list)) scope.Definitions[v] = list = [];
            list.Add(value);
        }
    }
}
