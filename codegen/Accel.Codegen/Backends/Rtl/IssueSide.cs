using Accel.Codegen.Ir;
using Accel.Codegen.Passes;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>The request side of a pipelined loop: the conditions and addresses of the body's port reads,
/// printed at stage 0. They may use the loop's induction variables (renamed: the request side runs D - 1
/// iterations ahead of the last stage), unrolled loop variables and values fixed during the loop; a value the
/// body computes is known only at the last stage, so a read that depends on one is reported.</summary>
internal sealed class IssueSide(VerilogPrinter printer, RtlRejections rejections)
{
    public void Print(BlockStmt body, ISet<string> computed)
    {
        foreach (var s in body.Statements) Statement(s, computed);
    }

    private void Statement(IrStmt s, ISet<string> computed)
    {
        printer.Line = s.Line;
        if (!PortReads.In(s, IsPort)) return;
        switch (s)
        {
            case BlockStmt b: foreach (var x in b.Statements) Statement(x, computed); break;
            case IfStmt i:
                Check(i.Condition, computed, s.Line);
                printer.Open($"if ({printer.Expr(i.Condition)}) begin");
                Statement(i.Then, computed);
                if (i.Else is not null)
                {
                    printer.Close("end else begin");
                    printer.Indent();
                    Statement(i.Else, computed);
                }
                printer.Close();
                break;
            case ForStmt f when StaticLoop.Of(f, printer.Known) is { } loop:
                foreach (var value in loop.Values)
                {
                    printer.Emit($"{printer.Name(loop.Variable)} = {VerilogPrinter.Constant(loop.Variable.Type, value)};");
                    Statement(f.Body, computed);
                }
                break;
            default:
                var reads = PortReads.Of(s, IsPort, out bool guarded);
                if (guarded) rejections.Report(s.Line, "a port read inside ?: (the request side cannot tell whether it happens)");
                foreach (var read in reads)
                {
                    Check(read.Index, computed, s.Line);
                    printer.Expr(read);
                }
                break;
        }
    }

    private bool IsPort(IrExpr array) => printer.TryResolve(array) is PortTarget;

    private void Check(IrExpr e, ISet<string> computed, int line)
    {
        foreach (var name in VariablesIn.Of(e).Where(computed.Contains).Distinct())
            rejections.Report(line, $"a port read whose address or condition depends on {name}, computed in the same pipelined loop");
    }

    /// <summary>Port element reads of a statement (not the port element a statement writes).</summary>
    private sealed class PortReads(Func<IrExpr, bool> isPort) : IrWalker
    {
        private readonly List<IndexExpr> found = new();
        private bool guarded;

        public static List<IndexExpr> Of(IrStmt s, Func<IrExpr, bool> isPort, out bool guarded)
        {
            var walker = new PortReads(isPort);
            s.Accept(walker);
            guarded = walker.guarded;
            return walker.found;
        }

        public static bool In(IrStmt s, Func<IrExpr, bool> isPort) => Of(s, isPort, out _).Count > 0;

        public override void VisitAssign(AssignStmt s)
        {
            if (s.Target is IndexExpr target) Walk(target.Index);
            Walk(s.Value);
        }

        public override bool VisitIndex(IndexExpr e)
        {
            if (isPort(e.Array)) found.Add(e);
            return base.VisitIndex(e);
        }

        public override bool VisitConditional(ConditionalExpr e)
        {
            Walk(e.Condition);
            int before = found.Count;
            Walk(e.WhenTrue);
            Walk(e.WhenFalse);
            guarded |= found.Count > before;
            return true;
        }

        public override void VisitFor(ForStmt s) => s.Body.Accept(this);
    }

    private sealed class VariablesIn : IrWalker
    {
        private readonly List<string> names = new();

        public static List<string> Of(IrExpr e)
        {
            var walker = new VariablesIn();
            e.Accept(walker);
            return walker.names;
        }

        public override bool VisitVarRef(VarRefExpr e)
        {
            names.Add(e.Variable.Name);
            return true;
        }
    }
}

/// <summary>Names a loop body assigns or declares: the values known only once an iteration has run.</summary>
internal sealed class AssignedIn : IrWalker
{
    private readonly HashSet<string> names = new();

    public static HashSet<string> Of(BlockStmt body)
    {
        var walker = new AssignedIn();
        body.Accept(walker);
        return walker.names;
    }

    public override void VisitLocalDecl(LocalDeclStmt s) { names.Add(s.Variable.Name); base.VisitLocalDecl(s); }

    public override void VisitAssign(AssignStmt s)
    {
        if (s.Target is VarRefExpr v) names.Add(v.Variable.Name);
        base.VisitAssign(s);
    }

    public override void VisitFor(ForStmt s) => s.Body.Accept(this); // an unrolled loop's variable is a constant per copy
}
