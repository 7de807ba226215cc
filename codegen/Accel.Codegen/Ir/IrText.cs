using System.Globalization;
using System.Text;

namespace Accel.Codegen.Ir;

/// <summary>The IR of one kernel at one configuration as text (`accel gen --dump-ir` writes it as ir.txt): what the
/// back ends, the emulator and the estimator all read, for when a generated file or a figure surprises. Statements
/// carry their source line and loops their id (the schedule report's `loop{id}`); every conversion and operator is
/// shown with its type. The expression and statement visitors make a new kind of node a build error here too.</summary>
public sealed class IrText : IIrExprVisitor<string>, IIrStmtVisitor
{
    private readonly StringBuilder text = new();
    private int indent;

    public static string Of(IrKernel kernel, string config)
    {
        var printer = new IrText();
        printer.Kernel(kernel, config);
        return printer.text.ToString();
    }

    private void Kernel(IrKernel kernel, string config)
    {
        Line($"kernel {kernel.Name} (class {kernel.ClassName}, {Path.GetFileName(kernel.SourceFile)}), configuration {config}");
        foreach (var p in kernel.Params) Line($"param {p.Name}: {TypeName(p.Type)} = {p.Value.ToString(CultureInfo.InvariantCulture)}");
        foreach (var c in kernel.Constants) Line($"const {c.Name}: {TypeName(c.Type)} = {c.Value.ToString(CultureInfo.InvariantCulture)}");
        foreach (var t in kernel.Tables) Line($"table {t.Name}: {TypeName(t.Element)}[{t.Values.Length}]");
        foreach (var f in kernel.Functions)
        {
            Line("");
            Line($"function {f.Name}{(f.IsTop ? " (top)" : "")} at {Path.GetFileName(f.SourceFile)}:{f.Line} returns {TypeName(f.ReturnType)}");
            foreach (var p in f.Parameters) Line($"  {Declaration(p)}");
            f.Body.Accept(this);
        }
    }

    private static string Declaration(Variable v)
    {
        string port = v.Port is { } b ? $" m_axi bundle={b.Bundle} bank={b.Bank} width={b.WidthBits} burst={b.MaxBurst} outstanding={b.MaxOutstanding} latency={b.LatencyCycles}" : "";
        string depth = v.Kind == VariableKind.Stream && v.Interface != InterfaceMode.Axis ? $" depth={v.StreamDepth}" : "";
        string mode = v.Interface != InterfaceMode.Default ? $" {TopInterfaces.Mode(v)}" : "";
        return $"{v.Kind.ToString().ToLowerInvariant()} {v.Name}: {TypeName(v.Type)}{port}{depth}{mode}";
    }

    public static string TypeName(IrType type) => type switch
    {
        VoidType => "void",
        BoolType => "bool",
        IntType { Signed: true } i => $"i{i.Bits}",
        IntType i => $"u{i.Bits}",
        FloatType f => $"f{f.Bits}",
        ArrayType a => $"{TypeName(a.Element)}[{string.Join(", ", a.DimValues ?? [a.LengthValue])}]",
        PortType p => $"port<{TypeName(p.Element)}>",
        AggregateType a => $"struct {a.Name} {{ {string.Join(", ", a.Fields.Select(f => $"{f.Name}: {TypeName(f.Type)} @{f.Offset}"))} }} ({a.Bytes} bytes)",
        ArrayParamType a => $"{TypeName(a.Element)}[{(a.Shape?.DimValues is { } dims ? string.Join(", ", dims) : "")}]",
        StreamType s => $"stream<{TypeName(s.Element)}>",
        _ => type.GetType().Name,
    };

    private void Line(string line) => text.Append(' ', indent * 2).Append(line).Append('\n');

    private void At(IrStmt s, string line) => Line($"{s.Line,5}: {line}");

    public void VisitBlock(BlockStmt s)
    {
        indent++;
        foreach (var statement in s.Statements) statement.Accept(this);
        indent--;
    }

    public void VisitLocalDecl(LocalDeclStmt s) =>
        At(s, Declaration(s.Variable) + (s.Initializer is { } value ? $" = {Expr(value)}" : ""));

    public void VisitAssign(AssignStmt s) => At(s, $"{Expr(s.Target)} = {Expr(s.Value)}");

    public void VisitExpr(ExprStmt s) => At(s, Expr(s.Expression));

    public void VisitIf(IfStmt s)
    {
        At(s, $"if {Expr(s.Condition)}");
        s.Then.Accept(this);
        if (s.Else is null) return;
        At(s, "else");
        s.Else.Accept(this);
    }

    public void VisitFor(ForStmt s)
    {
        At(s, $"for loop{s.Id} ({Inline(s.Init)}; {(s.Condition is null ? "" : Expr(s.Condition))}; {Inline(s.Step)})");
        s.Body.Accept(this);
    }

    public void VisitWhile(WhileStmt s)
    {
        At(s, $"while loop{s.Id} ({Expr(s.Condition)})");
        s.Body.Accept(this);
    }

    public void VisitBreak(BreakStmt s) => At(s, "break");

    public void VisitContinue(ContinueStmt s) => At(s, "continue");

    public void VisitReturn(ReturnStmt s) => At(s, s.Value is null ? "return" : $"return {Expr(s.Value)}");

    public void VisitDirective(DirectiveStmt s) => At(s, "directive " + s.Directive switch
    {
        PipelineDirective p => $"pipeline II={p.II}",
        UnrollDirective u => u.Factor == 0 ? "unroll" : $"unroll factor={u.Factor}",
        ArrayPartitionDirective a => $"{a.PragmaName.ToLowerInvariant()} {a.Array.Name} {a.Kind.ToString().ToLowerInvariant()} factor={a.Factor} dim={a.Dim}",
        TablePartitionDirective t => $"array_partition {t.Table.Name} {t.Kind.ToString().ToLowerInvariant()} factor={t.Factor} dim=1",
        DataflowDirective => "dataflow",
        AllocationDirective a => $"allocation function {a.Function} limit={a.Limit}",
        InlineDirective i => i.On ? "inline" : "inline off",
        DependenceDirective d => $"dependence {d.Array.Name} {(d.Carried ? "carried" : "not carried")}{(d.Distance > 0 ? $" distance={d.Distance}" : "")}",
        LoopTripCountDirective t => $"loop_tripcount min={t.Min} max={t.Max}",
        var other => other.GetType().Name,
    });

    /// <summary>A for loop's init or step statements on one line.</summary>
    private string Inline(IReadOnlyList<IrStmt> statements) => string.Join(", ", statements.Select(s => s switch
    {
        LocalDeclStmt d => $"{d.Variable.Name} = {(d.Initializer is null ? "?" : Expr(d.Initializer))}",
        AssignStmt a => $"{Expr(a.Target)} = {Expr(a.Value)}",
        ExprStmt e => Expr(e.Expression),
        _ => s.GetType().Name,
    }));

    private string Expr(IrExpr e) => e.Accept(this);

    public string VisitConst(ConstExpr e) => e.Type is FloatType
        ? e.FloatValue.ToString("R", CultureInfo.InvariantCulture)
        : e.Type is BoolType ? (e.IntValue != 0 ? "true" : "false") : e.IntValue.ToString(CultureInfo.InvariantCulture);

    public string VisitParamRef(ParamRefExpr e) => e.Param.Name;

    public string VisitNamedConst(NamedConstExpr e) => e.Constant.Name;

    public string VisitVarRef(VarRefExpr e) => e.Variable.Name;

    public string VisitTableRef(TableRefExpr e) => e.Table.Name;

    public string VisitIndex(IndexExpr e) => $"{Expr(e.Array)}[{string.Join(", ", (e.Indices ?? [e.Index]).Select(Expr))}]{(e.Field is { } f ? "." + f.Name : "")}";

    public string VisitUnary(UnaryExpr e) => $"({e.Op.Symbol()}{Expr(e.Operand)}):{TypeName(e.Type)}";

    public string VisitBinary(BinaryExpr e) => $"({Expr(e.Left)} {e.Op.Symbol()} {Expr(e.Right)}):{TypeName(e.Type)}";

    public string VisitConvert(ConvertExpr e) => $"{TypeName(e.Type)}({Expr(e.Operand)})";

    public string VisitConditional(ConditionalExpr e) => $"({Expr(e.Condition)} ? {Expr(e.WhenTrue)} : {Expr(e.WhenFalse)})";

    public string VisitCall(CallExpr e) => $"{e.Callee}({string.Join(", ", e.Arguments.Select(Expr))})";

    public string VisitIntrinsic(IntrinsicExpr e) => $"{e.Intrinsic}({string.Join(", ", e.Arguments.Select(Expr))})";
}
