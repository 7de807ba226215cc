using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>What one walk of a pipelined iteration follows.</summary>
internal enum WalkMode
{
    /// <summary>Every memory access, to count ports per iteration.</summary>
    Accesses,
    /// <summary>Dependences from one scalar's value at the start of the iteration.</summary>
    Scalar,
    /// <summary>Dependences from reads of one on-chip array to writes of it.</summary>
    Array,
    /// <summary>When each value is ready from the start of the iteration, for the exit tests.</summary>
    Timing,
}

/// <summary>A pipelined loop whose unrolled body is too large to walk within the budget.</summary>
internal sealed class AnalysisTooLongException : Exception;

/// <summary>The element writes of an array that a walk follows: those at one index, or every write (null).</summary>
internal sealed record ArrayElement(MemoryRoot Root, AffineIndex? Element)
{
    public bool Matches(AffineIndex? write) =>
        Element is null || write is not null && write.SameAs(Element);
}

/// <summary>One memory access of an iteration: its memory, direction and index (null: data-dependent).</summary>
internal sealed record MemoryAccess(MemoryRoot Root, bool Write, AffineIndex? Index, int Line);

/// <summary>Walks one iteration of a pipelined loop as Vitis schedules it: loops inside with a constant trip
/// count are unrolled (walked once per copy, their variable a constant in each), calls are inlined, both arms
/// of an if are built and a multiplexer picks the result.</summary>
internal sealed class IterationWalk
{
    private const int MaxCopies = 4096;
    private const int MaxCallDepth = 32;

    private readonly IterationContext context;
    private readonly WalkMode mode;
    private readonly object? tracked; // the scalar Variable, or the ArrayElement
    private Frame frame;
    private int innerLoops; // loops of the iteration entered (a break there leaves them, not the pipeline)
    private int callDepth;

    public List<MemoryAccess> Accesses { get; } = new();
    public Dictionary<string, int> StreamReads { get; } = new();
    /// <summary>Calls an iteration makes, unrolled copies included, by callee.</summary>
    public Dictionary<string, int> Calls { get; } = new();
    public Dictionary<string, int> StreamWrites { get; } = new();
    public List<AffineIndex?> TrackedReads { get; } = new();
    /// <summary>Writes of the tracked array whose value depends on a read of it: latency, distance, line.</summary>
    public List<(Dep Value, long Distance, int Line)> CarriedWrites { get; } = new();
    public List<(Dep Condition, int Line)> Exits { get; } = new();
    public List<int> VariableBoundLoops { get; } = new();
    public List<int> TruncatedLoops { get; } = new();
    public bool TrackedWritten { get; private set; }
    public int TrackedLine { get; private set; }
    public Dep TrackedEnd => tracked is Variable v ? EndOf(v) : Dep.None;

    /// <summary>How a variable's value at the end of the iteration depends on what the walk follows (the latest of
    /// the side by side copies, each of which has its own).</summary>
    public Dep EndOf(Variable v) => ends.GetValueOrDefault(v, Dep.None);

    private readonly Dictionary<Variable, Dep> ends = new();

    private IterationWalk(IterationContext context, WalkMode mode, object? tracked)
    {
        this.context = context;
        this.mode = mode;
        this.tracked = tracked;
        frame = Fresh();
    }

    public static IterationWalk Run(IterationContext context, WalkMode mode, object? tracked = null)
    {
        var walk = new IterationWalk(context, mode, tracked);
        long copyStep = context.InductionStep / Math.Max(1, context.Copies);
        var sideBySide = context.SideBySide;
        for (int r = 0; r < (sideBySide?.Copies ?? 1); r++)
        {
            // each side by side copy has its own registers, and the unrolled loop's counter as a constant
            if (r > 0) walk.frame = walk.Fresh();
            if (sideBySide is not null) walk.frame.Forms[sideBySide.Counter] = AffineIndex.Of(sideBySide.Start + r * sideBySide.Step);
            for (int k = 0; k < context.Copies; k++)
            {
                // copy k of a partially unrolled loop sees the counter k steps on, and the values copy k - 1 left
                if (k > 0 && context.Induction is { } counter) walk.frame.Forms[counter] = AffineIndex.Add(AffineIndex.Symbol(counter), AffineIndex.Of(k * copyStep));
                walk.Statement(context.Body);
            }
            foreach (var (v, d) in walk.frame.Deps)
                walk.ends[v] = walk.ends.TryGetValue(v, out var other) && other.Depends && other.Latency > d.Latency ? other : d;
        }
        return walk;
    }

    private Frame Fresh()
    {
        var fresh = new Frame();
        if (tracked is Variable v) fresh.Deps[v] = Dep.Start;
        return fresh;
    }

    private sealed class Frame
    {
        public Dictionary<Variable, Dep> Deps = new();
        public Dictionary<Variable, AffineIndex?> Forms = new();
        public Dictionary<Variable, Variable> Arrays = new();
        public Dep Control = Dep.None;
        public Dep Return = Dep.None;

        public Frame Copy() => new()
        {
            Deps = new(Deps),
            Forms = new(Forms),
            Arrays = Arrays,
            Control = Control,
            Return = Return,
        };
    }

    private void Statement(IrStmt s)
    {
        if (++context.Steps > IterationContext.MaxSteps) throw new AnalysisTooLongException();
        switch (s)
        {
            case BlockStmt b:
                foreach (var x in b.Statements) Statement(x);
                break;
            case LocalDeclStmt { Initializer: { } init } d:
                Assign(d.Variable, Expr(init), Form(init), d.Line);
                break;
            case AssignStmt { Target: VarRefExpr { Variable: var v } } a:
                Assign(v, Expr(a.Value), Form(a.Value), a.Line);
                break;
            case AssignStmt { Target: IndexExpr target } a:
                var value = Dep.Max(Dep.Max(Expr(a.Value), Expr(target.Index)), frame.Control);
                Access(target, write: true, value, a.Line);
                break;
            case ExprStmt e:
                Expr(e.Expression);
                break;
            case IfStmt i:
                If(i);
                break;
            case ForStmt f:
                For(f);
                break;
            case WhileStmt w:
                VariableBoundLoops.Add(w.Line);
                innerLoops++;
                Expr(w.Condition);
                Statement(w.Body);
                innerLoops--;
                break;
            case BreakStmt when innerLoops == 0 && callDepth == 0:
                Exits.Add((frame.Control, s.Line));
                break;
            case ReturnStmt r:
                var result = r.Value is null ? Dep.None : Expr(r.Value);
                frame.Return = Dep.Max(frame.Return, result);
                if (callDepth == 0) Exits.Add((frame.Control, r.Line));
                break;
        }
    }

    private void Assign(Variable v, Dep value, AffineIndex? form, int line)
    {
        frame.Deps[v] = value; // inside an if arm the merge adds the condition and the multiplexer
        frame.Forms[v] = form;
        if (ReferenceEquals(v, tracked))
        {
            TrackedWritten = true;
            TrackedLine = line;
        }
    }

    /// <summary>Both arms from the same state; a variable either arm sets comes out of a multiplexer that waits
    /// for the condition too.</summary>
    private void If(IfStmt i)
    {
        // A condition fixed by the configuration (a [Variant] flag, a lane past a constant bound) leaves one arm:
        // the other is not hardware.
        if (AffineIndex.Of(i.Condition, Lookup) is { IsConstant: true } known)
        {
            if (known.Constant != 0) Statement(i.Then);
            else if (i.Else is not null) Statement(i.Else);
            return;
        }
        var condition = Expr(i.Condition);
        var before = frame;
        var control = Dep.Max(before.Control, condition);
        frame = before.Copy();
        frame.Control = control;
        Statement(i.Then);
        var then = frame;
        frame = before.Copy();
        frame.Control = control;
        if (i.Else is not null) Statement(i.Else);
        var otherwise = frame;
        frame = before;
        frame.Return = Dep.Max(then.Return, otherwise.Return);
        foreach (var v in then.Deps.Keys.Union(otherwise.Deps.Keys))
        {
            var a = then.Deps.GetValueOrDefault(v, Dep.None);
            var b = otherwise.Deps.GetValueOrDefault(v, Dep.None);
            var old = before.Deps.GetValueOrDefault(v, Dep.None);
            if (a == old && b == old) continue;
            bool declaredHere = !before.Deps.ContainsKey(v) && !ReferenceEquals(v, tracked);
            // `if (c) sum += x` on integers is sum + (c ? x : 0) to Vitis: the carried value still meets one adder.
            bool stillAccumulates = old.Accumulates && (a == old || a.Accumulates && a.Base == old.Base) && (b == old || b.Accumulates && b.Base == old.Base);
            frame.Deps[v] = declaredHere ? Dep.Max(a, b)
                : stillAccumulates ? (a.Latency >= b.Latency ? a : b)
                // one arm keeps the value: a register with an enable, no multiplexer on the path
                : a == old || b == old ? Dep.Max(Dep.Max(a, b), condition)
                : Dep.Max(Dep.Max(a, b), condition).Then(context.Costs.Mux(v.Type), "multiplexer");
            var fa = then.Forms.GetValueOrDefault(v);
            var fb = otherwise.Forms.GetValueOrDefault(v);
            frame.Forms[v] = fa is not null && fb is not null && fa.SameAs(fb) ? fa : null;
        }
    }

    private void For(ForStmt f)
    {
        innerLoops++;
        foreach (var s in f.Init) Statement(s);
        // only a loop whose step moves the counter alone can be replayed body by body
        if (CountedLoop.Of(f, Lookup) is not { CounterAlone: true, Trips: long trips, Counter: var variable, Step: var step })
        {
            VariableBoundLoops.Add(f.Line);
            if (f.Condition is not null) Expr(f.Condition);
            Statement(f.Body);
        }
        else
        {
            var start = frame.Forms.GetValueOrDefault(variable) ?? AffineIndex.Of(0);
            long copies = Math.Min(trips, MaxCopies);
            if (copies < trips) TruncatedLoops.Add(f.Line);
            for (long k = 0; k < copies; k++)
            {
                frame.Forms[variable] = AffineIndex.Add(start, AffineIndex.Of(step * k));
                frame.Deps[variable] = mode == WalkMode.Timing ? Dep.Ready : Dep.None;
                Statement(f.Body);
            }
        }
        innerLoops--;
    }

    private AffineIndex? Lookup(Variable v) =>
        frame.Forms.TryGetValue(v, out var form) ? form
        : context.Constants.TryGetValue(v, out var constant) ? AffineIndex.Of(constant)
        : AffineIndex.Symbol(v); // a value the body changes stands for its value as this iteration starts

    private AffineIndex? Form(IrExpr e) => e.Type is IntType ? AffineIndex.Of(e, Lookup, context.Opaque) : null;

    private Dep Leaf => mode == WalkMode.Timing ? Dep.Ready : Dep.None;

    private Dep Expr(IrExpr e)
    {
        switch (e)
        {
            case VarRefExpr { Variable: var v }:
                return frame.Deps.TryGetValue(v, out var d) ? d : Leaf;
            case IndexExpr i:
                return Access(i, write: false, Expr(i.Index), 0);
            case UnaryExpr u:
                var (uc, un) = context.Costs.Unary(u);
                return Expr(u.Operand).Then(uc, un);
            case BinaryExpr b:
                return Binary(b);
            case ConvertExpr c:
                var operand = Expr(c.Operand);
                var (cc, cn) = context.Costs.Convert(c);
                return cc == 0 ? operand : operand.Then(cc, cn);
            case ConditionalExpr c when AffineIndex.Of(c.Condition, Lookup) is { IsConstant: true } known:
                return Expr(known.Constant != 0 ? c.WhenTrue : c.WhenFalse);
            case ConditionalExpr c:
                var chosen = Dep.Max(Expr(c.Condition), Dep.Max(Expr(c.WhenTrue), Expr(c.WhenFalse)));
                return chosen.Then(context.Costs.Mux(c.Type), "multiplexer");
            case CallExpr c:
                return Call(c);
            case IntrinsicExpr i:
                var args = Dep.None;
                foreach (var a in i.Arguments) args = Dep.Max(args, Expr(a));
                if (i.Intrinsic is Intrinsic.StreamRead or Intrinsic.StreamWrite && i.Arguments[0] is VarRefExpr { Variable: var stream })
                {
                    var counts = i.Intrinsic == Intrinsic.StreamRead ? StreamReads : StreamWrites;
                    var name = (frame.Arrays.GetValueOrDefault(stream) ?? stream).Name;
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                    if (i.Intrinsic == Intrinsic.StreamRead) return Leaf;
                }
                var (ic, iname) = context.Costs.Intrinsic(i);
                return args.Then(ic, iname);
            default:
                return Leaf; // constants, parameters, tables as values
        }
    }

    private Dep Binary(BinaryExpr b)
    {
        var left = Expr(b.Left);
        var right = Expr(b.Right);
        var (cycles, name) = context.Costs.Binary(b);
        if (b.Type is IntType && b.Op is BinaryOp.Add or BinaryOp.Sub && left.Depends != right.Depends)
        {
            var carried = left.Depends ? left : right;
            if (carried.Accumulates) return carried.Accumulated(cycles);
        }
        return Dep.Max(left, right).Then(cycles, name);
    }

    /// <summary>A read (its value) or a write of an array element.</summary>
    private Dep Access(IndexExpr access, bool write, Dep index, int line)
    {
        var root = context.Roots.Of(access.Array, v => frame.Arrays.GetValueOrDefault(v));
        if (root is null) return index;
        var form = Form(access.Index);
        if (mode == WalkMode.Accesses) Accesses.Add(new MemoryAccess(root, write, form, line));
        var element = tracked as ArrayElement;
        bool isTracked = element is not null && ReferenceEquals(root, element.Root);
        if (write)
        {
            if (isTracked && index.Depends && element!.Matches(form) && Distance(form) is { } distance) CarriedWrites.Add((index, distance, line));
            return Dep.None;
        }
        double read = root.Kind switch
        {
            MemoryKind.Registers => 0,
            MemoryKind.Port => mode == WalkMode.Timing ? root.Port!.LatencyCycles + 2 : 0,
            _ => context.Costs.BramRead(root.Element),
        };
        // A read that may see the tracked element as a later iteration wrote it starts the chain.
        if (isTracked && (element!.Element is null || form is null || LoopDistance(form, element.Element) is not null))
        {
            TrackedReads.Add(form);
            return root.Kind == MemoryKind.Registers ? Dep.Start : new Dep(read, double.NaN, "block RAM read", read);
        }
        return Dep.Max(index, Leaf).Then(read, root.Kind == MemoryKind.Port ? "m_axi read" : "block RAM read");
    }

    /// <summary>How many iterations later a read of the tracked array meets this write's element: the smallest
    /// over the reads so far, or null when none can (same iteration only, or elements apart). An index the walk
    /// cannot follow meets every read, as Vitis assumes.</summary>
    private long? Distance(AffineIndex? write)
    {
        long? best = null;
        foreach (var read in TrackedReads)
        {
            long? d = LoopDistance(read, write);
            if (d is { } x && (best is null || x < best)) best = x;
        }
        return best;
    }

    private long? LoopDistance(AffineIndex? read, AffineIndex? write)
    {
        if (read is null || write is null || !read.SameTerms(write) || write.Terms.Keys.Any(context.IsVarying)) return 1;
        long step = context.Induction is { } iv ? write.Coefficient(iv) * context.InductionStep : 0;
        long gap = write.Constant - read.Constant;
        if (step == 0) return gap == 0 ? 1 : null;
        return gap != 0 && gap % step == 0 && gap / step > 0 ? gap / step : null;
    }

    private Dep Call(CallExpr c)
    {
        if (!context.Functions.TryGetValue(c.Callee, out var callee) || callDepth >= MaxCallDepth) return Leaf;
        Calls[c.Callee] = Calls.GetValueOrDefault(c.Callee) + 1;
        var inner = new Frame { Control = frame.Control };
        for (int i = 0; i < c.Arguments.Count && i < callee.Parameters.Count; i++)
        {
            var parameter = callee.Parameters[i];
            if (parameter.Type is ArrayParamType or PortType or StreamType)
            {
                if (c.Arguments[i] is VarRefExpr { Variable: var array })
                    inner.Arrays[parameter] = frame.Arrays.GetValueOrDefault(array) ?? array;
                continue;
            }
            inner.Deps[parameter] = Expr(c.Arguments[i]);
            inner.Forms[parameter] = Form(c.Arguments[i]);
        }
        var outer = frame;
        frame = inner;
        callDepth++;
        Statement(callee.Body);
        callDepth--;
        frame = outer;
        return inner.Return.Depends ? inner.Return : Leaf;
    }
}
