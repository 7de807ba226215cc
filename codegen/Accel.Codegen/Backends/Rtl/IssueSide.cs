using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Accel.Codegen.Passes;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>The request side of a pipelined loop: the conditions and addresses of the body's port reads,
/// printed at stage 0. They may use the loop's induction variables and the variables of its
/// <see cref="IssueSlice"/> (renamed: the request side runs D - 1 iterations ahead of the last stage), unrolled
/// loop variables and values fixed during the loop; a read under ?: is requested under the same condition, and a
/// call given a port is inlined here too. A read that depends on any other value the body computes is reported.</summary>
internal sealed class IssueSide(VerilogPrinter printer, RtlRejections rejections, IssueSlice slice, IReadOnlyDictionary<string, IrFunction> functions)
{
    public void Print(BlockStmt body, ISet<string> computed)
    {
        foreach (var s in body.Statements) Statement(s, computed, slice);
    }

    private void Statement(IrStmt s, ISet<string> computed, IssueSlice? sliced)
    {
        printer.Line = s.Line;
        if (sliced is not null && sliced.Contains(s))
        {
            printer.Statement(s);
            return;
        }
        if (!Relevant(s, sliced)) return;
        switch (s)
        {
            case BlockStmt b: foreach (var x in b.Statements) Statement(x, computed, sliced); break;
            case IfStmt i when printer.Known(i.Condition) is { } k: // a branch on a kernel parameter: only its side exists
                if (k != 0) Statement(i.Then, computed, sliced);
                else if (i.Else is not null) Statement(i.Else, computed, sliced);
                break;
            case IfStmt i:
                Check(i.Condition, computed, s.Line);
                printer.Open($"if ({printer.Expr(i.Condition)}) begin");
                Statement(i.Then, computed, sliced);
                if (i.Else is not null)
                {
                    printer.Close("end else begin");
                    printer.Indent();
                    Statement(i.Else, computed, sliced);
                }
                printer.Close();
                break;
            case ForStmt f when StaticLoop.Of(f, printer.Known) is { } loop:
                foreach (var value in loop.Values)
                {
                    printer.Emit($"{printer.Name(loop.Variable)} = {VerilogPrinter.Constant(loop.Variable.Type, value)};");
                    Statement(f.Body, computed, sliced);
                }
                break;
            case ExprStmt { Expression: CallExpr call } when GivenPort(call):
                foreach (var a in call.Arguments) Check(a, computed, s.Line);
                Inline(call);
                break;
            default:
                foreach (var (read, guards) in PortReads.Of(s, IsPort, printer.Known))
                {
                    if (read is CallExpr)
                    {
                        rejections.Report(s.Line, "a call given a port inside an expression of a pipelined loop");
                        continue;
                    }
                    Check(((IndexExpr)read).Index, computed, s.Line);
                    foreach (var (condition, _) in guards) Check(condition, computed, s.Line);
                    foreach (var (condition, holds) in guards) printer.Open($"if ({(holds ? "" : "!")}{printer.Expr(condition)}) begin");
                    printer.Expr(read);
                    foreach (var _ in guards) printer.Close();
                }
                break;
        }
    }

    /// <summary>The callee's request side in a scope of its own: its scalar parameters copied from the arguments
    /// (as the request side sees them), its arrays bound to the caller's ports and memories.</summary>
    private void Inline(CallExpr call)
    {
        var callee = functions[call.Callee];
        var scope = new VerilogScope(printer.NextInlinePrefix(callee.Name));
        printer.BindArguments(callee, scope, call.Arguments);
        var caller = printer.Scope;
        printer.Scope = scope;
        try
        {
            var computed = AssignedIn.Of(callee.Body);
            foreach (var x in callee.Body.Statements) Statement(x, computed, null);
        }
        finally { printer.Scope = caller; }
    }

    private bool IsPort(IrExpr array) => printer.TryResolve(array) is PortTarget;

    private bool GivenPort(CallExpr call) => call.Arguments.Any(IsPort);

    /// <summary>Whether a statement reads a port, calls a function given one, or holds a sliced assignment.</summary>
    private bool Relevant(IrStmt s, IssueSlice? sliced) => s switch
    {
        BlockStmt b => b.Statements.Any(x => Relevant(x, sliced)),
        IfStmt i when printer.Known(i.Condition) is { } k => k != 0 ? Relevant(i.Then, sliced) : i.Else is not null && Relevant(i.Else, sliced),
        IfStmt i => PortReads.Of(new ExprStmt(i.Line, i.Condition), IsPort, printer.Known).Count > 0
            || Relevant(i.Then, sliced) || (i.Else is not null && Relevant(i.Else, sliced)),
        ForStmt f => Relevant(f.Body, sliced),
        _ => (sliced is not null && sliced.Contains(s)) || PortReads.Of(s, IsPort, printer.Known).Count > 0,
    };

    private void Check(IrExpr e, ISet<string> computed, int line)
    {
        foreach (var name in VariablesIn.Of(e).Select(v => v.Name).Where(computed.Contains).Distinct())
            rejections.Report(line, $"a port read whose address or condition depends on {name}, computed in the same pipelined loop");
    }

    /// <summary>Port element reads of a statement (not the port element a statement writes) and calls given a
    /// port, each with the ?: conditions it sits under (and whether each must hold); the untaken side of a ?:
    /// whose condition is known is skipped, as the printer skips it.</summary>
    private sealed class PortReads(Func<IrExpr, bool> isPort, Func<IrExpr, long?> known) : IrWalker
    {
        private readonly List<(IrExpr, List<(IrExpr, bool)>)> found = new();
        private readonly List<(IrExpr, bool)> guards = new();

        public static List<(IrExpr Read, List<(IrExpr Condition, bool Holds)> Guards)> Of(IrStmt s, Func<IrExpr, bool> isPort, Func<IrExpr, long?> known)
        {
            var walker = new PortReads(isPort, known);
            s.Accept(walker);
            return walker.found;
        }

        public override void VisitAssign(AssignStmt s)
        {
            if (s.Target is IndexExpr target) Walk(target.Index);
            Walk(s.Value);
        }

        public override bool VisitIndex(IndexExpr e)
        {
            if (isPort(e.Array)) found.Add((e, [.. guards]));
            return base.VisitIndex(e);
        }

        public override bool VisitCall(CallExpr e)
        {
            if (e.Arguments.Any(isPort)) found.Add((e, [.. guards]));
            return base.VisitCall(e);
        }

        public override bool VisitConditional(ConditionalExpr e)
        {
            Walk(e.Condition);
            if (known(e.Condition) is { } k)
            {
                Walk(k != 0 ? e.WhenTrue : e.WhenFalse);
                return true;
            }
            guards.Add((e.Condition, true));
            Walk(e.WhenTrue);
            guards[^1] = (e.Condition, false);
            Walk(e.WhenFalse);
            guards.RemoveAt(guards.Count - 1);
            return true;
        }

        public override void VisitFor(ForStmt s) => s.Body.Accept(this);
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
