using Accel.Codegen.Ir;
using Accel.Codegen.Passes;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>A pipelined loop's iteration as the walks need it: its body, its counter, the scalars the body
/// assigns (their value at the start of an iteration is the previous iteration's), and the kernel around it.</summary>
internal sealed class IterationContext
{
    public required BlockStmt Body { get; init; }
    public required Variable? Induction { get; init; }
    /// <summary>How much the counter moves per iteration.</summary>
    public required long InductionStep { get; init; }
    public required IReadOnlySet<Variable> Varying { get; init; }
    public required MemoryRoots Roots { get; init; }
    public required OperatorCosts Costs { get; init; }
    public required IReadOnlyDictionary<string, IrFunction> Functions { get; init; }
    /// <summary>Parameters every call passes one constant.</summary>
    public required IReadOnlyDictionary<Variable, long> Constants { get; init; }
    /// <summary>Symbols standing for non-affine index parts (key * stride), shared by every walk of the loop so
    /// that an element one walk names is the element another walk meets.</summary>
    public Dictionary<string, Variable> OpaqueSymbols { get; } = new();
    public HashSet<Variable> VaryingSymbols { get; } = new(ReferenceEqualityComparer.Instance);
    public Dictionary<Variable, int> SymbolIds { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>Statements walked so far by every walk of this loop, against <see cref="MaxSteps"/>: unrolled loops
    /// inside unrolled loops can multiply past what a schedule needs to see.</summary>
    public long Steps { get; set; }
    public const long MaxSteps = 4_000_000;
    /// <summary>The source file name reasons cite.</summary>
    public required string File { get; init; }

    public static IReadOnlySet<Variable> AssignedIn(BlockStmt body)
    {
        var finder = new Assigned();
        body.Accept(finder);
        finder.Variables.ExceptWith(finder.Declared); // a local of the body starts afresh in every iteration
        return finder.Variables;
    }

    private sealed class Assigned : IrWalker
    {
        public HashSet<Variable> Variables { get; } = new(ReferenceEqualityComparer.Instance);
        public HashSet<Variable> Declared { get; } = new(ReferenceEqualityComparer.Instance);

        public override void VisitLocalDecl(LocalDeclStmt s)
        {
            Declared.Add(s.Variable);
            base.VisitLocalDecl(s);
        }

        public override void VisitAssign(AssignStmt s)
        {
            if (s.Target is VarRefExpr { Variable: var v }) Variables.Add(v);
            base.VisitAssign(s);
        }

        public override void VisitFor(ForStmt s)
        {
            base.VisitFor(s);
        }
    }
}
