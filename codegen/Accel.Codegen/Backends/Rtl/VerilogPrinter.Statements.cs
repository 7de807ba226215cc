using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Rtl;

internal sealed partial class VerilogPrinter
{
    /// <summary>Statements in order. Inside an inlined callee, the statements after one that may return run only
    /// while the callee has not returned.</summary>
    public void Block(IReadOnlyList<IrStmt> statements)
    {
        int opened = 0;
        foreach (var s in statements)
        {
            Statement(s);
            if (Scope.Returned is { } flag && MayReturn(s) && s != statements[^1])
            {
                Open($"if (!{flag}) begin");
                opened++;
            }
        }
        for (; opened > 0; opened--) Close();
    }

    public void Statement(IrStmt s)
    {
        Line = s.Line;
        switch (s)
        {
            case BlockStmt b: Block(b.Statements); break;
            case DirectiveStmt: break;
            case LocalDeclStmt { Variable: { Type: ArrayType array } v }:
                var memory = MemoryName(Scope.Prefix, v);
                if (array.Element is IntType or BoolType)
                    Declare(memory, $"reg {Width(array.Element)}{memory} [0:{array.LengthValue - 1}];");
                else rejections.Report(Line, $"an array of {array.Element}");
                Scope.BindArray(v.Name, new MemoryTarget(memory));
                break;
            case LocalDeclStmt { Variable.Type: StreamType }: rejections.Report(Line, "a stream"); break;
            case LocalDeclStmt d:
                var name = Name(d.Variable);
                if (d.Initializer is not null) Emit($"{name} = {Expr(d.Initializer)};");
                break;
            case AssignStmt a: Assign(a); break;
            case ExprStmt e: Expr(e.Expression); break;
            case IfStmt i when Known(i.Condition) is { } k: // a branch on a kernel parameter: only its side is hardware
                if (k != 0) Statement(i.Then);
                else if (i.Else is not null) Statement(i.Else);
                break;
            case IfStmt i:
                Open($"if ({Expr(i.Condition)}) begin");
                Statement(i.Then);
                if (i.Else is not null)
                {
                    Close("end else begin");
                    Indent();
                    Statement(i.Else);
                }
                Close();
                break;
            case ForStmt f: Unrolled(f); break;
            case ReturnStmt r when Scope.Returned is { } returned:
                if (r.Value is not null) Emit($"{Scope.Result} = {Expr(r.Value)};");
                Emit($"{returned} = 1'b1;");
                break;
            case ReturnStmt: rejections.Report(Line, "a return from the top function"); break;
            case WhileStmt: rejections.Report(Line, "a while loop"); break;
            case BreakStmt or ContinueStmt: rejections.Report(Line, "break and continue"); break;
            default: rejections.Report(Line, $"the statement {s.GetType().Name}"); break;
        }
    }

    private void Assign(AssignStmt a)
    {
        switch (a.Target)
        {
            case VarRefExpr { Variable: var v } when v.Type is IntType or BoolType:
                var value = Expr(a.Value);
                Emit($"{Name(v)} = {value};");
                break;
            case IndexExpr i:
                var target = Resolve(i.Array);
                var index = Expr(i.Index);
                var element = Expr(a.Value);
                switch (target)
                {
                    case MemoryTarget m: Emit($"{m.Name}[{index}] = {element};"); break;
                    case PortTarget p when Ports is not null: Ports.Write(p.Port, index, element, Line); break;
                    case PortTarget p: rejections.Report(Line, $"writing port {p.Port.Name} outside a pipelined loop"); break;
                    case RomTarget r: rejections.Report(Line, $"writing lookup table {r.Table.Name}"); break;
                }
                break;
            default: rejections.Report(Line, $"assigning to {a.Target}"); break;
        }
    }

    /// <summary>A loop the schedule unrolls: one copy of the body per iteration, the loop variable a constant in each.</summary>
    private void Unrolled(ForStmt f)
    {
        if (!InPipeline && IsTimedLoop(f.Id))
        {
            rejections.Report(f.Line, "a pipelined or sequential loop inside a called function or a branch");
            return;
        }
        if (StaticLoop.Of(f, Known) is not { } loop)
        {
            rejections.Report(f.Line, "an unrolled loop whose bounds are not compile-time constants");
            return;
        }
        foreach (var value in loop.Values)
        {
            Emit($"{Name(loop.Variable)} = {Constant(loop.Variable.Type, value)};");
            Block(f.Body.Statements);
        }
        // After the loop the variable holds its exit value, as in C#.
        Emit($"{Name(loop.Variable)} = {Constant(loop.Variable.Type, loop.Exit)};");
    }

    private static bool MayReturn(IrStmt s) => s switch
    {
        ReturnStmt => true,
        BlockStmt b => b.Statements.Any(MayReturn),
        IfStmt i => MayReturn(i.Then) || (i.Else is not null && MayReturn(i.Else)),
        ForStmt f => MayReturn(f.Body),
        _ => false,
    };
}
