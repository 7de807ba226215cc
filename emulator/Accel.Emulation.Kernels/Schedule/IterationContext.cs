using Accel.Codegen.Ir;
using Accel.Codegen.Passes;
using Accel.Codegen.Ir.Analysis;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>A pipelined loop's iteration as the walks need it: its body, its counter, the scalars the body
/// assigns (their value at the start of an iteration is the previous iteration's), and the kernel around it.</summary>
internal sealed class IterationContext
{
    public required BlockStmt Body { get; init; }
    public required Variable? Induction { get; init; }
    /// <summary>How much the counter moves per iteration (per issue: all its copies).</summary>
    public required long InductionStep { get; init; }
    /// <summary>Copies of the body an iteration runs: the loop's partial unroll factor (1 when not unrolled).</summary>
    public int Copies { get; init; } = 1;
    /// <summary>The copies of an unrolled loop this loop runs side by side with, walked together as one iteration.</summary>
    public SideBySide? SideBySide { get; init; }
    public required IReadOnlySet<Variable> Varying { get; init; }
    public required MemoryRoots Roots { get; init; }
    public required OperatorCosts Costs { get; init; }
    public required IReadOnlyDictionary<string, IrFunction> Functions { get; init; }
    /// <summary>Hls.Allocation limits in force: function name to its instance limit.</summary>
    public IReadOnlyDictionary<string, int> Allocations { get; init; } = new Dictionary<string, int>();
    /// <summary>Parameters every call passes one constant.</summary>
    public required IReadOnlyDictionary<Variable, long> Constants { get; init; }
    // Symbols standing for non-affine index parts (key * stride), and the ids index keys name symbols by: kept
    // here, shared by every walk of the loop, so that an element one walk names is the element another walk meets.
    private readonly Dictionary<string, Variable> opaqueSymbols = new();
    private readonly HashSet<Variable> varyingSymbols = new();
    private readonly Dictionary<Variable, int> symbolIds = new();
    /// <summary>Statements walked so far by every walk of this loop, against <see cref="MaxSteps"/>: unrolled loops
    /// inside unrolled loops can multiply past what a schedule needs to see.</summary>
    public long Steps { get; set; }
    public const long MaxSteps = 4_000_000;
    /// <summary>The source file name reasons cite.</summary>
    public required string File { get; init; }

    /// <summary>A key equal for equal forms, within this loop's analysis.</summary>
    public string Key(AffineIndex form) => form.Key(SymbolId);

    private int SymbolId(Variable v) => symbolIds.TryGetValue(v, out var id) ? id : symbolIds[v] = symbolIds.Count;

    /// <summary>One symbol per distinct non-affine combination of two forms (key * stride): within an iteration it
    /// is one value, so accesses at it plus consecutive offsets are consecutive. It varies between iterations
    /// when what it combines does.</summary>
    public AffineIndex Opaque(BinaryOp op, AffineIndex left, AffineIndex right)
    {
        string key = $"{op}({Key(left)},{Key(right)})";
        if (!opaqueSymbols.TryGetValue(key, out var symbol))
        {
            opaqueSymbols[key] = symbol = new Variable(key, IrType.Int64, VariableKind.Local);
            if (left.Terms.Keys.Concat(right.Terms.Keys).Any(IsVarying)) varyingSymbols.Add(symbol);
        }
        return AffineIndex.Symbol(symbol);
    }

    /// <summary>Whether a symbol's value changes from one iteration to the next.</summary>
    public bool IsVarying(Variable v) => Varying.Contains(v) || varyingSymbols.Contains(v);

    public static IReadOnlySet<Variable> AssignedIn(BlockStmt body)
    {
        var finder = new Assigned();
        body.Accept(finder);
        finder.Variables.ExceptWith(finder.Declared); // a local of the body starts afresh in every iteration
        return finder.Variables;
    }

    private sealed class Assigned : IrWalker
    {
        public HashSet<Variable> Variables { get; } = new();
        public HashSet<Variable> Declared { get; } = new();

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
    }
}
