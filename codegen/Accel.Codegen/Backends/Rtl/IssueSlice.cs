using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Accel.Codegen.Passes;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>The part of a pipelined loop body the request side computes for itself: the scalars the body assigns
/// that a port read's address or condition depends on (a tile's row and column counters), with every assignment
/// to them and what those depend on in turn. The request side keeps its own copies (it runs Depth - 1 iterations
/// ahead of the last stage), starting from the values the loop is entered with. A slice that would need a value
/// read from a port or an on-chip memory is reported: the request side has no such value.</summary>
internal sealed class IssueSlice
{
    private readonly HashSet<IrStmt> statements = new();
    private readonly Dictionary<string, Variable> variables = new();
    private readonly HashSet<string> declared = new();

    /// <summary>Names of the sliced variables.</summary>
    public HashSet<string> Names { get; } = new();

    public bool Contains(IrStmt s) => statements.Contains(s);

    public IEnumerable<Variable> Variables => Names.Order(StringComparer.Ordinal).Select(n => variables[n]);

    /// <summary>Sliced variables that live across iterations (declared before the loop): copied at its entry.</summary>
    public IEnumerable<Variable> Carried => Variables.Where(v => !declared.Contains(v.Name));

    /// <param name="computed">names the body assigns (not the induction variables)</param>
    public static IssueSlice Of(BlockStmt body, ISet<string> computed, VerilogPrinter printer, RtlRejections rejections)
    {
        var slice = new IssueSlice();
        var walk = new Walk(printer);
        walk.Statement(body, []);
        foreach (var v in walk.Variables) slice.variables.TryAdd(v.Name, v);
        var needed = new HashSet<string>(walk.Uses.Where(computed.Contains));
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var a in walk.Assignments.Where(a => needed.Contains(a.Name)))
                foreach (var name in a.Uses.Where(computed.Contains))
                    grew |= needed.Add(name);
        }
        foreach (var a in walk.Assignments.Where(a => needed.Contains(a.Name)))
        {
            slice.statements.Add(a.Statement);
            if (a.Statement is LocalDeclStmt) slice.declared.Add(a.Name);
            if (a.ReadsMemory)
                rejections.Report(a.Statement.Line, $"a port read whose address or condition depends on {a.Name}, computed in the same pipelined loop from a memory read or a call");
        }
        slice.Names.UnionWith(needed);
        return slice;
    }

    private sealed record Assignment(string Name, IrStmt Statement, List<string> Uses, bool ReadsMemory);

    /// <summary>One pass over the body: what port reads (and calls given a port) use, with their enclosing
    /// conditions, and every scalar assignment with what it uses.</summary>
    private sealed class Walk(VerilogPrinter printer)
    {
        public readonly List<string> Uses = new();
        public readonly List<Assignment> Assignments = new();
        public readonly List<Variable> Variables = new();

        public void Statement(IrStmt s, List<IrExpr> conditions)
        {
            switch (s)
            {
                case BlockStmt b: foreach (var x in b.Statements) Statement(x, conditions); break;
                case IfStmt i:
                    if (printer.Known(i.Condition) is { } k)
                    {
                        if (k != 0) Statement(i.Then, conditions);
                        else if (i.Else is not null) Statement(i.Else, conditions);
                        break;
                    }
                    List<IrExpr> inner = [.. conditions, i.Condition];
                    Reads(i.Condition, conditions);
                    Statement(i.Then, inner);
                    if (i.Else is not null) Statement(i.Else, inner);
                    break;
                case ForStmt f: Statement(f.Body, conditions); break; // unrolled: its variable is a constant per copy
                case LocalDeclStmt { Initializer: { } init } d when d.Variable.Type is IntType or BoolType:
                    Variables.Add(d.Variable);
                    Assign(d.Variable.Name, s, init, conditions);
                    break;
                case AssignStmt { Target: VarRefExpr { Variable: var v } } a when v.Type is IntType or BoolType:
                    Variables.Add(v);
                    Assign(v.Name, s, a.Value, conditions);
                    break;
                case AssignStmt { Target: IndexExpr target } a:
                    Reads(target.Index, conditions);
                    Reads(a.Value, conditions);
                    break;
                case ExprStmt e: Reads(e.Expression, conditions); break;
            }
        }

        private void Assign(string name, IrStmt s, IrExpr value, List<IrExpr> conditions)
        {
            var uses = NamesOf(value, printer);
            foreach (var c in conditions) uses.AddRange(NamesOf(c, printer));
            Assignments.Add(new Assignment(name, s, uses, MemoryReads.In(value, printer)));
            Reads(value, conditions);
        }

        /// <summary>The names a port read's address and conditions use, and a call's arguments when it is given a port.</summary>
        private void Reads(IrExpr e, List<IrExpr> conditions)
        {
            foreach (var (uses, _) in PortUses.Of(e, printer))
            {
                Uses.AddRange(uses);
                foreach (var c in conditions) Uses.AddRange(NamesOf(c, printer));
            }
        }
    }

    /// <summary>Names a port-using node of an expression depends on: a port read's index and the ?: conditions it
    /// sits under, or the arguments of a call that is given a port.</summary>
    private sealed class PortUses(VerilogPrinter printer) : IrWalker
    {
        private readonly List<(List<string>, IrExpr)> found = new();
        private readonly List<IrExpr> guards = new();

        public static List<(List<string> Uses, IrExpr Node)> Of(IrExpr e, VerilogPrinter printer)
        {
            var walker = new PortUses(printer);
            e.Accept(walker);
            return walker.found;
        }

        private void Add(IrExpr node, IEnumerable<IrExpr> parts)
        {
            var uses = new List<string>();
            foreach (var p in parts.Concat(guards)) uses.AddRange(NamesOf(p, printer));
            found.Add((uses, node));
        }

        public override bool VisitIndex(IndexExpr e)
        {
            if (printer.TryResolve(e.Array) is PortTarget) Add(e, [e.Index]);
            return base.VisitIndex(e);
        }

        public override bool VisitCall(CallExpr e)
        {
            if (e.Arguments.Any(a => a.Type is PortType || printer.TryResolve(a) is PortTarget)) Add(e, e.Arguments);
            return base.VisitCall(e);
        }

        public override bool VisitConditional(ConditionalExpr e)
        {
            Walk(e.Condition);
            if (printer.Known(e.Condition) is { } k)
            {
                Walk(k != 0 ? e.WhenTrue : e.WhenFalse);
                return true;
            }
            guards.Add(e.Condition);
            Walk(e.WhenTrue);
            Walk(e.WhenFalse);
            guards.RemoveAt(guards.Count - 1);
            return true;
        }
    }

    /// <summary>Whether an expression reads a port or an on-chip memory (lookup tables are constants), on a side of
    /// a ?: that can be taken, or calls a function (whose body the slice does not follow).</summary>
    private sealed class MemoryReads(VerilogPrinter printer) : IrWalker
    {
        private bool found;

        public static bool In(IrExpr e, VerilogPrinter printer)
        {
            var walker = new MemoryReads(printer);
            e.Accept(walker);
            return walker.found;
        }

        public override bool VisitIndex(IndexExpr e)
        {
            found |= printer.TryResolve(e.Array) is not RomTarget;
            return base.VisitIndex(e);
        }

        public override bool VisitCall(CallExpr e)
        {
            found = true;
            return true;
        }

        public override bool VisitConditional(ConditionalExpr e)
        {
            if (printer.Known(e.Condition) is not { } k) return base.VisitConditional(e);
            Walk(e.Condition);
            Walk(k != 0 ? e.WhenTrue : e.WhenFalse);
            return true;
        }
    }

    /// <summary>Variable names an expression reads, skipping the untaken side of a ?: whose condition is known.</summary>
    private static List<string> NamesOf(IrExpr e, VerilogPrinter printer) => VariablesIn.Of(e, printer.Known).ConvertAll(v => v.Name);
}
