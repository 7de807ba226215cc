using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Accel.Codegen.Passes;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>The copies of a fully unrolled loop, outside any pipeline, whose body holds one timed loop: that loop's
/// copies (counter values Start, Start + Step, ...) run side by side, as UNROLL makes the copies of a body run
/// concurrently where their data allow. The schedule walks the copies' iterations together (their accesses contend
/// for banks, ports and bundles there), and the trace replays them as one pipeline.</summary>
/// <param name="Inner">the timed loop, a statement of the body (not inside a call or another loop)</param>
/// <param name="Line">the unrolled loop's line</param>
internal sealed record SideBySide(Variable Counter, long Start, long Step, int Copies, IrStmt Inner, int Line)
{
    /// <summary>Copies a pipeline is built for at most; more run one after another (the walk multiplies).</summary>
    public const int MaxCopies = 64;

    /// <summary>The copies of <paramref name="loop"/>'s one timed loop, side by side when they can be, or why they
    /// cannot (both null when the body holds no timed loop or several); calls resolve through <paramref name="functions"/>.</summary>
    public static (SideBySide? Plan, string? WhyNot) Of(ForStmt loop, CountedLoop? counted, IReadOnlyDictionary<string, IrFunction> functions, int line)
    {
        var timed = new TimedLoops(functions);
        loop.Body.Accept(timed);
        if (timed.Found.Count != 1) return (null, null);
        var inner = timed.Found[0];
        if (!Direct(loop.Body, inner)) return (null, "the loop inside is reached through a call or another loop");
        if (counted is not { Trips: long trips, Start: { IsConstant: true } start } || trips > MaxCopies)
            return (null, $"side by side copies are built for a counted loop of at most {MaxCopies} iterations");
        var shared = IterationContext.AssignedIn(Body(inner)).Except(Declared(loop.Body)).Where(v => v != CounterOf(inner)).ToList();
        if (shared.Count > 0)
            return (null, $"the copies update {string.Join(", ", shared.Select(v => $"'{v.Name}'"))}, declared outside the unrolled loop, so each copy needs the one before");
        return (new SideBySide(counted.Counter, start.Constant, counted.Step, (int)trips, inner, line), null);
    }

    public int InnerId => Inner switch { ForStmt f => f.Id, WhileStmt w => w.Id, _ => throw new InvalidOperationException() };

    private static BlockStmt Body(IrStmt loop) => loop switch { ForStmt f => f.Body, WhileStmt w => w.Body, _ => throw new ArgumentException(null, nameof(loop)) };

    private static Variable? CounterOf(IrStmt loop) => loop is ForStmt f ? CountedLoop.Of(f, v => AffineIndex.Symbol(v))?.Counter : null;

    /// <summary>Whether the statement is the body's own (through blocks and ifs only).</summary>
    private static bool Direct(IrStmt s, IrStmt target) => s switch
    {
        _ when ReferenceEquals(s, target) => true,
        BlockStmt b => b.Statements.Any(x => Direct(x, target)),
        IfStmt i => Direct(i.Then, target) || (i.Else is not null && Direct(i.Else, target)),
        _ => false,
    };

    private static HashSet<Variable> Declared(BlockStmt body)
    {
        var finder = new Declarations();
        body.Accept(finder);
        return finder.Variables;
    }

    private sealed class Declarations : IrWalker
    {
        public HashSet<Variable> Variables { get; } = new();

        public override void VisitLocalDecl(LocalDeclStmt s)
        {
            Variables.Add(s.Variable);
            base.VisitLocalDecl(s);
        }
    }

    /// <summary>The loops that stay loops (not fully unrolled), outermost only, in the body and the functions it calls.</summary>
    private sealed class TimedLoops(IReadOnlyDictionary<string, IrFunction> functions) : IrWalker
    {
        private readonly HashSet<string> visited = new(StringComparer.Ordinal);

        public List<IrStmt> Found { get; } = new();

        public override void VisitFor(ForStmt s) => Loop(s, s.Body);
        public override void VisitWhile(WhileStmt s) => Loop(s, s.Body);

        private void Loop(IrStmt loop, BlockStmt body)
        {
            if (Directives.Find<UnrollDirective>(body) is { Factor: 0 }) body.Accept(this);
            else Found.Add(loop);
        }

        public override bool VisitCall(CallExpr e)
        {
            if (functions.TryGetValue(e.Callee, out var callee) && visited.Add(e.Callee)) callee.Body.Accept(this);
            return base.VisitCall(e);
        }
    }
}
