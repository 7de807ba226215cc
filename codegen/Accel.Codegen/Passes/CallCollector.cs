using Accel.Codegen.Ir;

namespace Accel.Codegen.Passes;

/// <summary>Lists the calls and intrinsics a function makes, and finds those nested inside larger expressions.</summary>
internal sealed class CallCollector : IrWalker
{
    public sealed record Site(IrExpr Expr, string? Callee, Intrinsic? Intrinsic);

    private readonly List<Site> sites = new();

    public static List<Site> Collect(IrFunction function)
    {
        var collector = new CallCollector();
        collector.Walk(function);
        return collector.sites;
    }

    public override bool VisitCall(CallExpr e) { sites.Add(new Site(e, e.Callee, null)); return base.VisitCall(e); }
    public override bool VisitIntrinsic(IntrinsicExpr e) { sites.Add(new Site(e, null, e.Intrinsic)); return base.VisitIntrinsic(e); }
}

/// <summary>Calls that are not the whole of an expression statement, an assignment's value or an initializer.</summary>
internal sealed class NestedCallFinder : IrWalker
{
    private readonly List<IrExpr> nested = new();
    private IrExpr? root;

    public static List<IrExpr> Find(IrFunction function)
    {
        var finder = new NestedCallFinder();
        finder.Walk(function);
        return finder.nested;
    }

    public override void VisitExpr(ExprStmt s) => WalkRoot(s.Expression);
    public override void VisitLocalDecl(LocalDeclStmt s) => WalkRoot(s.Initializer);
    public override void VisitAssign(AssignStmt s) { Walk(s.Target); WalkRoot(s.Value); }

    private void WalkRoot(IrExpr? expr)
    {
        root = expr;
        Walk(expr);
        root = null;
    }

    public override bool VisitCall(CallExpr e) { if (!ReferenceEquals(e, root)) nested.Add(e); return base.VisitCall(e); }
    public override bool VisitIntrinsic(IntrinsicExpr e) { if (!ReferenceEquals(e, root)) nested.Add(e); return base.VisitIntrinsic(e); }
}
