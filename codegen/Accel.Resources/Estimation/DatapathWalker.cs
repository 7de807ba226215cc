using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Accel.Codegen.Passes;

namespace Accel.Resources.Estimation;

/// <summary>Walks the IR from the top function and records every operator the hardware instantiates. The rules
/// (HLS's, simplified; see <see cref="ResourceEstimator"/>): a loop unrolled by F holds F copies of its body, a
/// full unroll as many as its trip count; every loop inside a pipelined loop is fully unrolled, as HLS does;
/// a call counts its callee's body at the call site (inlined); operators are not shared between copies or call
/// sites, which is exact for pipelined code and an upper bound for sequential code; the loop counter of a loop
/// that is not fully unrolled is an adder and a comparator like any other.</summary>
internal sealed partial class DatapathWalker : IrWalker
{
    private readonly CostLedger ledger;
    private readonly Dictionary<string, IrFunction> functions;
    private FunctionScope scope;
    private ValueWidths widths;
    private readonly Dictionary<FunctionScope, Dictionary<CallExpr, int>> callBits = new();
    private long copies = 1;
    /// <summary>Arrays a dataflow region hands from one process to a later one: Vitis holds them twice.</summary>
    private readonly HashSet<Variable> pingPongs;
    private bool pipelined;

    private DatapathWalker(IrKernel kernel, CostLedger ledger)
    {
        this.ledger = ledger;
        functions = kernel.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        pingPongs = new HashSet<Variable>(PingPongBuffer.Of(kernel).Select(b => b.Array));
        scope = new FunctionScope(kernel.Top);
        ValueWidths.Solve(scope, new Dictionary<Variable, int>(), CallBitsIn(scope));
        widths = new ValueWidths(scope, CallBitsIn(scope));
    }

    public static void Run(IrKernel kernel, CostLedger ledger)
    {
        var walker = new DatapathWalker(kernel, ledger);
        walker.WalkFunction(kernel.Top.Body);
    }

    private void WalkFunction(BlockStmt body)
    {
        if (Directives.Find<PipelineDirective>(body) is not null && !pipelined) InPipeline(() => body.Accept(this));
        else body.Accept(this);
    }

    private void InPipeline(Action walk)
    {
        pipelined = true;
        ledger.BeginPipeline();
        walk();
        ledger.EndPipeline();
        pipelined = false;
    }

    private void Count(OperatorKind kind, int a, int b, int @out, long n = 1) =>
        ledger.Operator(scope.Name, kind, a, b, @out, n * copies);

    private bool IsStatic(IrExpr e) => StaticValues.IsStatic(e, scope);

    public override void VisitFor(ForStmt s)
    {
        var counted = CountedLoop.Of(s, scope.Values);
        long? trip = counted?.Trips;
        var unroll = Directives.Find<UnrollDirective>(s.Body);
        bool full = pipelined || unroll is { Factor: 0 } || (unroll is not null && trip is long t && unroll.Factor >= t);
        long bodyCopies = full ? trip ?? 1 : unroll?.Factor ?? 1;
        if (full && trip is null)
            ledger.Note($"{scope.Name}: loop at line {s.Line} is unrolled but its trip count is not a constant; its body is counted once");

        if (!full)
        {
            foreach (var x in s.Init) x.Accept(this);
            Walk(s.Condition);
            foreach (var x in s.Step) x.Accept(this);
        }
        var induction = full ? InductionVariables(s) : [];
        foreach (var v in induction) scope.Statics[v] = null;
        if (full && counted is { Start.Constant: var start, Trips: long n }) scope.StaticBits[counted.Counter] = ValueWidths.CounterBits(start, counted.Step, n);

        long saved = copies;
        copies *= bodyCopies;
        if (copies > 0)
        {
            if (Directives.Find<PipelineDirective>(s.Body) is not null && !pipelined) InPipeline(() => s.Body.Accept(this));
            else s.Body.Accept(this);
        }
        copies = saved;
        foreach (var v in induction) { scope.Statics.Remove(v); scope.StaticBits.Remove(v); }
    }

    /// <summary>In a fully unrolled loop each copy sees its own constant value of the loop variable.</summary>
    private static List<Variable> InductionVariables(ForStmt s) =>
        s.Step.OfType<AssignStmt>().Select(a => a.Target).OfType<VarRefExpr>().Select(r => r.Variable).ToList();

    public override void VisitWhile(WhileStmt s)
    {
        if (Directives.Find<UnrollDirective>(s.Body) is not null || pipelined)
            ledger.Note($"{scope.Name}: while loop at line {s.Line} cannot be unrolled by trip count; its body is counted once");
        Walk(s.Condition);
        if (Directives.Find<PipelineDirective>(s.Body) is not null && !pipelined) InPipeline(() => s.Body.Accept(this));
        else s.Body.Accept(this);
    }

    public override void VisitLocalDecl(LocalDeclStmt s)
    {
        var v = s.Variable;
        switch (v.Type)
        {
            case ArrayType array:
                DeclareArray(v, array);
                return;
            case StreamType stream:
                DeclareStream(v, stream);
                return;
        }
        if (scope.Statics.ContainsKey(v)) return; // a constant (ValueWidths.Solve found it)
        if (v.Type is IntType or BoolType && s.Initializer is { } init && !scope.Assigned.Contains(v) && IsStatic(init))
        {
            // set once from values each unrolled copy fixes (its counter): a constant of that copy, no hardware
            scope.StaticBits[v] = widths.Of(init);
            scope.Statics[v] = null;
            return;
        }
        Walk(s.Initializer);
        // Inside a pipeline a local is a wire between operators (whose outputs are registered); in sequential
        // code it holds its value from one state to the next.
        if (!pipelined && v.Type is IntType or BoolType)
        {
            int bits = scope.VariableBits.GetValueOrDefault(v, ValueWidths.TypeBits(v.Type));
            ledger.Registers(scope.Name, $"{v.Name} ({bits} bit)", bits * copies);
        }
    }

    public override void VisitAssign(AssignStmt s)
    {
        if (s.Target is IndexExpr target)
        {
            if (!IsStatic(target.Index))
            {
                Walk(target.Index);
                if (target.Array is VarRefExpr { Variable: var array } && RegisterArrayLength(array) is long n)
                    // A run-time index into registers enables one of them: one comparator per element.
                    Count(OperatorKind.Eq, IndexBits(n), IndexBits(n), 1, n);
            }
        }
        else Walk(s.Target);
        Walk(s.Value);
    }

    private static int IndexBits(long n) => Math.Max(1, ValueWidths.SignedBits(n - 1) - 1);
}
