using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Accel.Emulation.Kernels;

/// <summary>Copies a kernel's source with timing hooks: at each function entry, around each pipelined or
/// sequential loop and its iterations, on every element access of an array parameter (a port, or an array a
/// port may have been passed as), and around each process call of a dataflow function. Everything else is
/// untouched, so the copy computes exactly what the original does.</summary>
internal sealed class KernelRewriter : CSharpSyntaxRewriter
{
    private const string Hooks = "global::Accel.Emulation.Kernels.TraceHooks";
    private readonly SemanticModel model;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<IrFunction>> functionsAt;
    private readonly IReadOnlyDictionary<int, List<int>> loopsAt;
    private readonly KernelTiming timing;
    private readonly IReadOnlyDictionary<Variable, PortBinding> portAliases;
    private readonly IReadOnlyDictionary<int, int> processesAt;
    /// <summary>The IR functions of the method being rewritten: one, or one per specialisation of a generic method
    /// (the hooks then pick theirs at run time by the type arguments, see <see cref="Pick"/>).</summary>
    private IReadOnlyList<IrFunction>? current;

    private const string Specialisation = "accel_specialisation__";

    private KernelRewriter(SemanticModel model, IReadOnlyDictionary<int, IReadOnlyList<IrFunction>> functionsAt, IReadOnlyDictionary<int, List<int>> loopsAt,
        KernelTiming timing, IReadOnlyDictionary<Variable, PortBinding> portAliases, IReadOnlyDictionary<int, int> processesAt)
    {
        this.model = model;
        this.functionsAt = functionsAt;
        this.loopsAt = loopsAt;
        this.timing = timing;
        this.portAliases = portAliases;
        this.processesAt = processesAt;
    }

    /// <summary>The rewritten tree; trees that hold no kernel function come back unchanged.</summary>
    public static SyntaxTree Rewrite(SyntaxTree tree, SemanticModel model, IrKernel kernel, KernelTiming timing)
    {
        var functions = kernel.Functions.Where(f => f.SourceFile == tree.FilePath).GroupBy(f => f.Position)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<IrFunction>)g.ToList());
        if (functions.Count == 0) return tree;
        // A loop's ids in the order of its method's specialisations (one id for a method that is not generic).
        var loops = new Dictionary<int, List<int>>();
        foreach (var f in functions.Values.SelectMany(g => g)) LoopCollector.Collect(f.Body, loops);
        // Process k is the k-th process call of the IR's dataflow region (DataflowRegion), found by where it starts.
        var processes = kernel.Top.SourceFile == tree.FilePath
            ? DataflowRegion.ProcessCalls(kernel).Select((s, k) => (s.Position, k)).ToDictionary(p => p.Position, p => p.k)
            : new Dictionary<int, int>();
        var root = new KernelRewriter(model, functions, loops, timing, PortAliases.Of(kernel), processes).Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        if (!functionsAt.TryGetValue(node.SpanStart, out var functions) || node.Body is null) return node;
        current = functions;
        var body = (BlockSyntax)VisitBlock(node.Body)!;
        if (functions[0].IsTop && processesAt.Count > 0)
            body = DataflowProcesses(node.Body, body);
        long Cycles(IrFunction f) => timing.FunctionCycles.TryGetValue(f.Name, out var cycles) ? cycles : 0;
        if (functions.Any(f => Cycles(f) > 0))
            body = body.WithStatements(body.Statements.Insert(0, Hook($"Enter({Pick(f => Cycles(f).ToString(System.Globalization.CultureInfo.InvariantCulture))})")));
        if (functions.Count > 1)
            body = body.WithStatements(body.Statements.Insert(0, ParseStatement($"int {Specialisation} = {Selector(node, functions)};")));
        current = null;
        return node.WithBody(body);
    }

    /// <summary>Which specialisation runs, from the type arguments: typeof(T) == typeof(int) ? 0 : ... (folded by the JIT).</summary>
    private static string Selector(MethodDeclarationSyntax node, IReadOnlyList<IrFunction> functions)
    {
        var names = node.TypeParameterList!.Parameters.Select(p => p.Identifier.Text).ToList();
        string Matches(IrFunction f) => string.Join(" && ", names.Zip(f.TypeArguments, (t, a) => $"typeof({t}) == typeof({a})"));
        return string.Concat(functions.SkipLast(1).Select((f, k) => $"{Matches(f)} ? {k} : ")) + (functions.Count - 1);
    }

    /// <summary>A hook argument that differs between specialisations: the value itself for a method that is not
    /// generic, else chosen by the specialisation (spec == 0 ? a : spec == 1 ? b : c).</summary>
    private string Pick(Func<IrFunction, string> value) => Pick(current!.Select(value).ToList());

    private static string Pick(IReadOnlyList<string> values) => values.Distinct().Count() == 1
        ? values[0]
        : "(" + string.Concat(values.SkipLast(1).Select((v, k) => $"{Specialisation} == {k} ? {v} : ")) + values[^1] + ")";

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        WrapLoop(node, node.Statement, (ForStatementSyntax)base.VisitForStatement(node)!, (loop, body) => loop.WithStatement(body));

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        WrapLoop(node, node.Statement, (WhileStatementSyntax)base.VisitWhileStatement(node)!, (loop, body) => loop.WithStatement(body));

    /// <summary>{ Begin(id, name, trips); try { loop { Iteration(id); body } } catch when (Unwinding()) {}
    /// finally { End(id); } } for loops the trace times; unrolled loops stay as they are (their bodies are part of
    /// the enclosing code). The name and the trip count let a run past its budget name its loop and a trace that
    /// cannot fit be refused before it is recorded; the filter (never true) freezes that name before the exits unwind.</summary>
    private SyntaxNode WrapLoop<T>(T original, StatementSyntax originalBody, T visited, Func<T, StatementSyntax, T> withBody) where T : StatementSyntax
    {
        if (current is null || !loopsAt.TryGetValue(original.SpanStart, out var ids)) return visited;
        if (timing.Loops[ids[0]].Kind == LoopKind.Unrolled)
            return ids.All(i => timing.Loops[i].SideBySide) ? WrapCopies(visited, originalBody, withBody) : visited;
        var id = Pick(ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
        var loop = HookFirst(visited, originalBody, withBody, $"Iteration({id})");
        int line = timing.Loops[ids[0]].Line;
        var name = Pick(ids.Zip(current, (i, f) => SymbolDisplay.FormatLiteral($"'loop{i}_line{line}' at {Path.GetFileName(original.SyntaxTree.FilePath)}:{line} in {f.Name}", quote: true)).ToList());
        var trips = original is ForStatementSyntax counted ? LoopTrips.Expression(counted) : null;
        return Block(
            Hook($"LoopBegin({id}, {name}, {trips ?? "-1L"})"),
            TryStatement(Block(loop),
                SingletonList(CatchClause(CatchDeclaration(ParseTypeName("global::System.Exception")), CatchFilterClause(ParseExpression($"{Hooks}.Unwinding()")), Block(ParseStatement("throw;")))),
                FinallyClause(Block(Hook($"LoopEnd({id})")))));
    }

    /// <summary>{ CopiesBegin(); try { loop { NextCopy(); body } } finally { CopiesEnd(); } } for an unrolled loop whose
    /// copies of its pipelined loop run side by side: the session replays the copies together when the loop ends.</summary>
    private static SyntaxNode WrapCopies<T>(T visited, StatementSyntax originalBody, Func<T, StatementSyntax, T> withBody) where T : StatementSyntax
    {
        var loop = HookFirst(visited, originalBody, withBody, "NextCopy()");
        return Block(Hook("CopiesBegin()"), TryStatement(Block(loop), default, FinallyClause(Block(Hook("CopiesEnd()")))));
    }

    /// <summary>The loop with <paramref name="call"/> as the first statement of its body.</summary>
    private static T HookFirst<T>(T visited, StatementSyntax originalBody, Func<T, StatementSyntax, T> withBody, string call) where T : StatementSyntax
    {
        var body = visited switch { ForStatementSyntax f => f.Statement, WhileStatementSyntax w => w.Statement, _ => originalBody };
        var statements = body is BlockSyntax block ? block.Statements : SingletonList(body);
        return withBody(visited, Block(statements.Insert(0, Hook(call))));
    }

    /// <summary>arr[i] on a parameter that may be a port (a port of the top, or a parameter some call passes a
    /// port to) becomes arr[Touch(arr, i, kind)]: the hook records the access when arr is a port at run time and
    /// returns i unchanged. Parameters that never receive a port (tables, on-chip buffers) are left alone.</summary>
    public override SyntaxNode? VisitElementAccessExpression(ElementAccessExpressionSyntax node)
    {
        var visited = (ElementAccessExpressionSyntax)base.VisitElementAccessExpression(node)!;
        if (current is null) return visited;
        if (model.GetSymbolInfo(node.Expression).Symbol is not IParameterSymbol { Type: IArrayTypeSymbol } parameter) return visited;
        // Of a generic method: hooked when the parameter may be a port in any specialisation (Touch checks at run time).
        if (!current.Select(f => f.Parameters.FirstOrDefault(v => v.Name == parameter.Name))
                .Any(v => v is not null && (v.Port is not null || portAliases.ContainsKey(v)))) return visited;
        // image[i].R = v writes element i of a port of structs as image[i] = v would.
        var place = node.Parent is MemberAccessExpressionSyntax field && field.Expression == node ? field : (ExpressionSyntax)node;
        int kind = place.Parent switch
        {
            AssignmentExpressionSyntax a when a.Left == place => a.IsKind(SyntaxKind.SimpleAssignmentExpression) ? 1 : 2,
            PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax => 2,
            _ => 0,
        };
        if (visited.ArgumentList.Arguments.Count > 1) return MultiDimensionalTouch(visited, kind);
        var index = visited.ArgumentList.Arguments[0].Expression;
        var touch = ParseExpression($"{Hooks}.Touch({visited.Expression}, 0, {kind})") as InvocationExpressionSyntax;
        touch = touch!.WithArgumentList(touch.ArgumentList.WithArguments(touch.ArgumentList.Arguments.Replace(touch.ArgumentList.Arguments[1], Argument(index))));
        return visited.WithArgumentList(BracketedArgumentList(SingletonSeparatedList(Argument(touch))));
    }

    /// <summary>a[i, j] on a multi-dimensional port becomes Touch(a, (long)(i), (long)(j), kind), which records the
    /// access and returns the element by reference (the indices are evaluated once, as in the original).</summary>
    private static ExpressionSyntax MultiDimensionalTouch(ElementAccessExpressionSyntax access, int kind)
    {
        var indices = access.ArgumentList.Arguments.Select(a => $"(long)({a.Expression})");
        return ParseExpression($"{Hooks}.Touch({access.Expression}, {string.Join(", ", indices)}, {kind})").WithTriviaFrom(access);
    }

    /// <summary>Each process call of the dataflow top becomes BeginProcess(k); call; EndProcess(). The original
    /// statements give the positions (the visited ones are new nodes); the rewriter keeps one statement per statement.</summary>
    private BlockSyntax DataflowProcesses(BlockSyntax original, BlockSyntax visited)
    {
        var statements = new List<StatementSyntax>();
        for (int i = 0; i < original.Statements.Count; i++)
        {
            var s = visited.Statements[i];
            if (processesAt.TryGetValue(original.Statements[i].SpanStart, out int process)
                && s is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call })
            {
                statements.Add(Hook($"BeginProcess({process}, \"{call.Expression}\")"));
                statements.Add(s);
                statements.Add(Hook("EndProcess()"));
            }
            else statements.Add(s);
        }
        return visited.WithStatements(List(statements));
    }

    private static StatementSyntax Hook(string call) => ParseStatement($"{Hooks}.{call};");

    /// <summary>Loop ids by source position, for the loops of one function body.</summary>
    private static class LoopCollector
    {
        public static void Collect(IrStmt statement, Dictionary<int, List<int>> loops)
        {
            switch (statement)
            {
                case BlockStmt b: foreach (var s in b.Statements) Collect(s, loops); break;
                case IfStmt i: Collect(i.Then, loops); if (i.Else is not null) Collect(i.Else, loops); break;
                case ForStmt f: Add(f.Position, f.Id); Collect(f.Body, loops); break;
                case WhileStmt w: Add(w.Position, w.Id); Collect(w.Body, loops); break;
            }

            void Add(int position, int id)
            {
                if (!loops.TryGetValue(position, out var ids)) loops[position] = ids = [];
                ids.Add(id);
            }
        }
    }
}
