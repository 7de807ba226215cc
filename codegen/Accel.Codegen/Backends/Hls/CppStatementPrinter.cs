using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Hls;

/// <summary>Prints a function body as indented C++ lines, with a `// from File.cs:line` comment on each loop.</summary>
internal sealed class CppStatementPrinter(IrFunction function, IReadOnlyDictionary<string, IrFunction> functions) : IIrStmtVisitor
{
    private readonly List<string> lines = new();
    private readonly CppExpressionPrinter expr = CppExpressionPrinter.Instance;
    private int depth = 1;

    public static IReadOnlyList<string> Print(IrFunction function, IEnumerable<string> prologue, IReadOnlyDictionary<string, IrFunction> functions)
    {
        var printer = new CppStatementPrinter(function, functions);
        foreach (var line in prologue) printer.Emit(line);
        foreach (var p in function.Parameters.Where(printer.Unread)) printer.Emit($"(void){p.Name};");
        foreach (var s in function.Body.Statements) s.Accept(printer);
        return printer.lines;
    }

    private IReadOnlySet<Variable>? readFields;

    /// <summary>A struct's field variable that the function never reads (only writes, or not at all): printed with a
    /// (void) use after its declaration, as C++ would warn about it and a struct's unused fields are ordinary.</summary>
    private bool Unread(Variable v) => v.IsStructField && !(readFields ??= Ir.Analysis.ValueReads.Of(function)).Contains(v);

    private void Emit(string line) => lines.Add(new string(' ', depth * 4) + line);

    private void Nested(IrStmt body)
    {
        depth++;
        if (body is BlockStmt block) foreach (var s in block.Statements) s.Accept(this);
        else body.Accept(this);
        depth--;
    }

    public void VisitBlock(BlockStmt s)
    {
        if (!s.IsScope)
        {
            foreach (var x in s.Statements) x.Accept(this);
            return;
        }
        Emit("{");
        Nested(s);
        Emit("}");
    }

    public void VisitLocalDecl(LocalDeclStmt s)
    {
        var v = s.Variable;
        switch (v.Type)
        {
            case ArrayType a:
                // C# zeroes new arrays; so does `= {}`, unless the function writes every element first.
                var dims = a.Dims ?? [a.Length];
                bool zero = Passes.LocalArrayFill.Needed(function, v, functions);
                // `= {}` runs an ap value's default constructor, which Vitis's leaves unset: those are zeroed explicitly.
                string fill = zero && a.Element is not ApType ? " = {}" : "";
                Emit($"{CppSpellings.Type(a.Element)} {v.Name}{string.Concat(dims.Select(d => $"[{expr.PrintConstant(d)}]"))}{fill};");
                if (zero && a.Element is ApType) Emit($"accel::ap_zero({v.Name});");
                if (Unread(v)) Emit($"(void){v.Name};");
                break;
            case StreamType st:
                Emit($"accel::stream<{CppSpellings.Type(st.Element)}> {v.Name};");
                Emit(CppSpellings.PragmaLine($"HLS STREAM variable={v.Name} depth={v.StreamDepth}"));
                break;
            default:
                // C# guarantees assignment before use; initialising keeps g++'s -Wmaybe-uninitialized quiet.
                Emit($"{CppSpellings.Type(v.Type)} {v.Name} = {(s.Initializer is null ? CppSpellings.Constant(v.Type, 0, 0) : expr.Print(s.Initializer))};");
                if (Unread(v)) Emit($"(void){v.Name};");
                break;
        }
    }

    public void VisitAssign(AssignStmt s) => Emit($"{expr.Print(s.Target)} = {expr.Print(s.Value)};");

    public void VisitExpr(ExprStmt s) => Emit($"{expr.Print(s.Expression)};");

    public void VisitIf(IfStmt s)
    {
        Emit($"if ({expr.Print(s.Condition)}) {{");
        Nested(s.Then);
        var otherwise = s.Else;
        while (otherwise is BlockStmt { Statements: [IfStmt chained] } || otherwise is IfStmt)
        {
            var next = otherwise as IfStmt ?? (IfStmt)((BlockStmt)otherwise).Statements[0];
            Emit($"}} else if ({expr.Print(next.Condition)}) {{");
            Nested(next.Then);
            otherwise = next.Else;
        }
        if (otherwise is not null)
        {
            Emit("} else {");
            Nested(otherwise);
        }
        Emit("}");
    }

    public void VisitFor(ForStmt s)
    {
        Emit($"// loop {s.Id}, from {Path.GetFileName(function.SourceFile)}:{s.Line}");
        var init = string.Join(", ", s.Init.Select(InlineStatement));
        if (s.Init.Count > 1 && s.Init.All(i => i is LocalDeclStmt))
            init = $"{CppSpellings.Type(((LocalDeclStmt)s.Init[0]).Variable.Type)} " + string.Join(", ", s.Init.Select(i => InlineStatement(i).Split(' ', 2)[1]));
        var step = string.Join(", ", s.Step.Select(st => StepText(st, s.Condition)));
        Emit($"for ({init}; {(s.Condition is null ? "" : expr.Print(s.Condition))}; {step}) {{");
        Nested(s.Body);
        Emit("}");
    }

    public void VisitWhile(WhileStmt s)
    {
        Emit($"// loop {s.Id}, from {Path.GetFileName(function.SourceFile)}:{s.Line}");
        Emit($"while ({expr.Print(s.Condition)}) {{");
        Nested(s.Body);
        Emit("}");
    }

    public void VisitBreak(BreakStmt s) => Emit("break;");
    public void VisitContinue(ContinueStmt s) => Emit("continue;");
    public void VisitReturn(ReturnStmt s) => Emit(s.Value is null ? "return;" : $"return {expr.Print(s.Value)};");

    public void VisitDirective(DirectiveStmt s)
    {
        if (CppSpellings.Pragma(s.Directive) is { } text) Emit(CppSpellings.PragmaLine(text));
    }

    private string InlineStatement(IrStmt s) => s switch
    {
        LocalDeclStmt d => $"{CppSpellings.Type(d.Variable.Type)} {d.Variable.Name} = {(d.Initializer is null ? CppSpellings.Constant(d.Variable.Type, 0, 0) : expr.Print(d.Initializer))}",
        AssignStmt a => $"{expr.Print(a.Target)} = {expr.Print(a.Value)}",
        ExprStmt e => expr.Print(e.Expression),
        _ => throw new InternalCompilerException($"unexpected {s.GetType().Name} in a for header"),
    };

    /// <summary>`i = i + k` tested against `i &lt; n` (or `i &gt; n` counting down) cannot wrap when the largest
    /// value the step can produce stays in range, so it is printed as the familiar `i++` / `i += k`.</summary>
    private string StepText(IrStmt step, IrExpr? condition)
    {
        if (step is AssignStmt { Target: VarRefExpr { Variable: var v }, Value: BinaryExpr { Op: BinaryOp.Add or BinaryOp.Sub } b }
            && b.Left is VarRefExpr { Variable: var same } && same == v
            && Known(b.Right) is { } k && k > 0
            && condition is BinaryExpr c && c.Left is VarRefExpr { Variable: var tested } && tested == v
            && v.Type is IntType { Bits: 32, Signed: true } && c.Right.Type == v.Type)
        {
            long bound = Known(c.Right) ?? (b.Op == BinaryOp.Add ? int.MaxValue : int.MinValue);
            bool up = b.Op == BinaryOp.Add && c.Op is BinaryOp.Lt or BinaryOp.Le;
            bool down = b.Op == BinaryOp.Sub && c.Op is BinaryOp.Gt or BinaryOp.Ge;
            long reach = up ? bound + k - (c.Op == BinaryOp.Lt ? 1 : 0) : bound - k + (c.Op == BinaryOp.Gt ? 1 : 0);
            if (up && reach <= int.MaxValue || down && reach >= int.MinValue)
                return k == 1 ? $"{v.Name}{(up ? "++" : "--")}" : $"{v.Name} {(up ? "+=" : "-=")} {expr.Print(b.Right)}";
        }
        return InlineStatement(step);
    }

    private static long? Known(IrExpr e) => e switch
    {
        ConstExpr c => c.IntValue,
        ParamRefExpr p => p.Param.Value,
        NamedConstExpr n => n.Constant.Value,
        _ => null,
    };
}
