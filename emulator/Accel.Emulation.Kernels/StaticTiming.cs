using Accel.Codegen;
using Accel.Codegen.Passes;
using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Accel.Emulation.Kernels.Schedule;

namespace Accel.Emulation.Kernels;

/// <summary>Latencies and loop schedules from the IR and the operator table, by UG1399's rules. Assumptions, in
/// one place: an expression costs its critical path (operands in parallel, then the operator); statements in
/// sequence add up (chained combinational fractions, rounded up once per loop body or function); an unrolled
/// loop's copies run in parallel, so it costs one copy; a call costs the callee's body (inlined); reading an
/// on-chip array or table is a block-RAM read; a port access costs nothing here, because the engine times it
/// from the trace. A pipelined loop's II is the larger of what it asks and what its recurrences and resources
/// allow (<see cref="PipelineConstraints"/>); its depth is its body's latency, at least 2 (read at stage 0,
/// write at the last stage); a sequential loop's iteration costs its body plus one cycle of loop control.</summary>
public sealed class StaticTiming : IIrExprVisitor<double>
{
    /// <summary>Vitis's default `config_compile -pipeline_loops`: innermost loops of more iterations (or an
    /// unknown count) are pipelined without a directive.</summary>
    public const int AutoPipelineThreshold = 64;

    private readonly Dictionary<string, IrFunction> functions;
    private readonly OperatorCosts costs;
    private readonly MemoryRoots roots;
    private readonly IReadOnlyDictionary<Variable, long> constants;
    private readonly Dictionary<int, LoopTiming> loops = new();
    private readonly Dictionary<(string, bool), double> bodyCache = new();
    private readonly Dictionary<string, bool> innermostCache = new();
    private readonly IReadOnlyDictionary<Variable, PortBinding> portAliases;
    private IrFunction current = null!;
    private bool inPipeline; // whether the expression being costed sits inside a pipelined loop body or function
    private readonly List<string> findings = new();
    private readonly Dictionary<string, bool> pipelinedFunctions = new();
    private string? wholeFunctionPipeline; // the function-level pipeline being costed, when that is why loops unroll
    private SideBySide? sideBySide; // the unrolled loop being costed, when its copies of a loop inside run side by side

    private StaticTiming(IrKernel kernel, double clockMhz)
    {
        functions = kernel.Functions.ToDictionary(f => f.Name);
        costs = new OperatorCosts(clockMhz);
        roots = new MemoryRoots(kernel);
        constants = ConstantArguments.Of(kernel);
        portAliases = PortAliases.Of(kernel);
    }

    /// <summary>Loops of every function, and the straight-line cycles of the functions the trace enters on their
    /// own: the top and, in a dataflow top, each process (other calls are costed where they are made).</summary>
    public static KernelTiming Of(IrKernel kernel, double clockMhz)
    {
        var timing = new StaticTiming(kernel, clockMhz);
        var processes = DataflowProcesses(kernel);
        var straight = new Dictionary<string, long>();
        foreach (var f in kernel.Functions)
        {
            bool pipelined = timing.PipelinedFunction(f);
            long cycles = (long)Math.Ceiling(timing.FunctionBody(f, inside: pipelined, wholeFunction: pipelined));
            if (f.IsTop || processes.Contains(f.Name)) straight[f.Name] = cycles;
        }
        return new KernelTiming(timing.loops, straight, clockMhz) { Findings = [.. NonCanonicalDataflow(kernel), .. timing.findings] };
    }

    /// <summary>A function whose body asks for Hls.Pipeline outside any loop is one pipeline (UG1399, "Pipelining
    /// functions"): Vitis unrolls every loop inside, so a call costs the whole unrolled body and no loop of it is
    /// timed on its own. A loop inside without a constant trip count cannot be unrolled: the directive is then not
    /// honoured (reported once), and the loops are timed as written. Which loops those are, the walk of a pipelined
    /// loop's body decides (it follows calls and the counters of enclosing unrolled loops).</summary>
    private bool PipelinedFunction(IrFunction f)
    {
        if (Directives.Find<PipelineDirective>(f.Body) is not { } pipeline) return false;
        if (pipelinedFunctions.TryGetValue(f.Name, out var known)) return known;
        string file = Path.GetFileName(f.SourceFile);
        var uncounted = VariableBoundLoops(Context(f.Body, f.Body, file));
        if (uncounted.Count > 0)
            findings.Add($"{f.Name} at {file}:{f.Line}: II={pipeline.II} requested for the whole function, not pipelined: the loop at " +
                         $"{string.Join(", ", uncounted.Select(l => $"{file}:{l}"))} has no constant trip count, so it cannot be unrolled; its loops are timed as written");
        return pipelinedFunctions[f.Name] = uncounted.Count == 0;
    }

    /// <summary>The loops of a pipeline body that cannot be unrolled; a body too large to walk whole reports the ones
    /// it has not reached as none (as a pipelined loop's constraints do).</summary>
    private static List<int> VariableBoundLoops(IterationContext context)
    {
        try
        {
            return IterationWalk.Run(context, WalkMode.Accesses).VariableBoundLoops.Distinct().ToList();
        }
        catch (AnalysisTooLongException)
        {
            return [];
        }
    }

    /// <summary>A function body's latency, inside a pipeline (its loops unrolled) or not; <paramref name="wholeFunction"/>
    /// when the function's own directive is why.</summary>
    private double FunctionBody(IrFunction f, bool inside, bool wholeFunction)
    {
        var (caller, outerPipeline, outerWhole) = (current, inPipeline, wholeFunctionPipeline);
        current = f;
        inPipeline = inside;
        if (wholeFunction) wholeFunctionPipeline = f.Name;
        var latency = Block(f.Body, insidePipeline: inside, countLoops: inside);
        (current, inPipeline, wholeFunctionPipeline) = (caller, outerPipeline, outerWhole);
        return latency;
    }

    /// <summary>A canonical dataflow region holds only channel declarations and process calls (UG1399, "Canonical
    /// Forms"); Vitis warns about anything else and may not overlap the processes. The emulator runs such
    /// statements in the top's own process, before the processes they precede.</summary>
    private static IEnumerable<string> NonCanonicalDataflow(IrKernel kernel)
    {
        var top = kernel.Top;
        if (!DataflowRegion.IsDataflow(top)) yield break;
        string file = Path.GetFileName(top.SourceFile);
        foreach (var s in top.Body.Statements)
        {
            bool canonical = s is DirectiveStmt
                || s is LocalDeclStmt { Variable.Type: StreamType or ArrayType }
                || s is ExprStmt { Expression: CallExpr };
            if (!canonical)
                yield return $"non-canonical dataflow in {top.Name}: the statement at {file}:{s.Line} is not a process call or a channel declaration; Vitis may not run the region's processes concurrently";
        }
    }

    /// <summary>The functions a dataflow top calls as processes.</summary>
    public static IReadOnlyCollection<string> DataflowProcesses(IrKernel kernel) =>
        DataflowRegion.ProcessCalls(kernel).Select(s => DataflowRegion.Call(s).Callee).ToHashSet();

    /// <summary>The latency of a block; loops are classified on the way. <paramref name="countLoops"/> is false
    /// for a function's straight-line code, whose loops the trace times on their own.</summary>
    private double Block(BlockStmt block, bool insidePipeline, bool countLoops)
    {
        double total = 0;
        foreach (var s in block.Statements) total += Statement(s, insidePipeline, countLoops);
        return total;
    }

    private double Statement(IrStmt s, bool insidePipeline, bool countLoops) => s switch
    {
        BlockStmt b => Block(b, insidePipeline, countLoops),
        LocalDeclStmt { Variable.Type: ArrayType } d => Fill(d.Variable),
        LocalDeclStmt d => d.Initializer is null ? 0 : Expr(d.Initializer),
        AssignStmt a => Math.Max(Expr(a.Value), a.Target is IndexExpr i ? Expr(i.Index) : 0) + (a.Target is IndexExpr t && !IsPort(t.Array) ? 1 : 0),
        ExprStmt e => Expr(e.Expression),
        IfStmt i => Expr(i.Condition) + Math.Max(Statement(i.Then, insidePipeline, countLoops), i.Else is null ? 0 : Statement(i.Else, insidePipeline, countLoops)),
        ReturnStmt r => r.Value is null ? 0 : Expr(r.Value),
        ForStmt f => Loop(f, f.Id, f.Line, f.Body, insidePipeline, countLoops),
        WhileStmt w => Loop(w, w.Id, w.Line, w.Body, insidePipeline, countLoops),
        DirectiveStmt or BreakStmt or ContinueStmt => 0,   // directives shape the schedule; jumps are the loop's own control
        _ => throw new InternalCompilerException($"the schedule has no cost for a {s.GetType().Name} (line {s.Line})"),
    };

    /// <summary>The generated `T a[n] = {}` is a loop writing every word on every call, one word per bank a
    /// cycle (a reshaped array's words hold several elements; registers all at once); nothing when the function writes every element first
    /// (<see cref="LocalArrayFill"/>, which also decides whether the C++ has the fill).</summary>
    private double Fill(Variable array)
    {
        if (!LocalArrayFill.Needed(current, array, functions) || roots.Of(new VarRefExpr(array), _ => null) is not { } root) return 0;
        if (root.Kind == Schedule.MemoryKind.Registers) return 1;
        long length = ((ArrayType)array.Type).LengthValue;
        return Math.Ceiling((double)length / root.ElementsPerWordCycle) + 1; // + loop control
    }

    private double Loop(IrStmt statement, int id, int line, BlockStmt body, bool insidePipeline, bool countLoops)
    {
        var pipeline = Directives.Find<PipelineDirective>(body);
        var unroll = Directives.Find<UnrollDirective>(body);
        int factor = unroll is { Factor: > 1 } u ? u.Factor : 1;
        long? trips = statement is ForStmt f ? Counted(f)?.Trips : null;
        string file = Path.GetFileName(current.SourceFile);
        if (insidePipeline || unroll is { Factor: 0 })
            return Unrolled(statement, id, line, body, insidePipeline, countLoops, trips, file);
        var copies = sideBySide is { } plan && ReferenceEquals(plan.Inner, statement) ? plan : null;

        bool auto = pipeline is null && unroll is null && trips is not (<= AutoPipelineThreshold) && Innermost(body);
        int? requested = pipeline?.II ?? (auto ? 1 : null);
        int ii = 0;
        string? reason = auto ? $"pipelined automatically: Vitis pipelines innermost loops of more than {AutoPipelineThreshold} iterations or an unknown count (config_compile -pipeline_loops {AutoPipelineThreshold})" : null;
        bool unmet = false, caution = false;
        if (requested is { } asked)
        {
            var constraints = PipelineConstraints.Of(Context(statement, body, file, statement is ForStmt ? factor : 1, copies), Independent(body));
            if (constraints.VariableBoundLoops.Count > 0)
            {
                string where = string.Join(", ", constraints.VariableBoundLoops.Distinct().Select(l => $"{file}:{l}"));
                reason = $"II={asked} requested, not pipelined: the loop at {where} inside has no constant trip count, so it cannot be unrolled into the pipeline; Vitis pipelines the loops inside instead, as timed here";
                unmet = pipeline is not null;
                pipeline = null;
                auto = false;
            }
            else
            {
                ii = Math.Max(asked, constraints.Bounds.Select(b => b.II).DefaultIfEmpty(1).Max());
                if (ii > asked)
                {
                    reason = $"II={asked} requested, achieved {ii}: " + string.Join("; ", constraints.Bounds.Where(b => b.II == ii).Select(b => b.Reason).Distinct());
                    unmet = pipeline is not null;
                }
                if (constraints.TruncatedLoops.Count > 0)
                    reason = Also(reason, $"the unrolled loop at {file}:{constraints.TruncatedLoops[0]} was analysed on its first 4,096 copies");
                foreach (var note in constraints.Cautions) reason = Also(reason, note);
                caution = pipeline is not null && constraints.Cautions.Count > 0;
                if (!constraints.Complete)
                    reason = Also(reason, $"the unrolled body is too large to analyse whole ({IterationContext.MaxSteps:N0} statements walked): the II bounds that need the rest were not checked");
            }
        }
        bool pipelined = requested is not null && (pipeline is not null || auto);
        if (pipelined && copies is not null)
            reason = Also(reason, $"{copies.Copies} copies side by side (the unrolled loop at {file}:{copies.Line}): one pipeline issues an iteration of every copy, at the II their accesses together allow");
        if (!pipelined && unroll is { Factor: > 1 } partial)
            reason = Also(reason, $"unrolled by {partial.Factor}: {partial.Factor} iterations share one pass of the body");

        bool outer = inPipeline;
        inPipeline = pipelined;
        double bodyLatency = Block(body, pipelined, countLoops: false); // nested traced loops time themselves
        inPipeline = outer;
        // Vitis schedules an m_axi read's latency into the pipeline: the data arrives (request latency, the beat,
        // one cycle to register it), then the body computes on it, in one stage at least (storing it into a stream
        // or a register is that stage: the RTL back end's pipelines, cycle-exact with these figures, need it).
        int readLatency = PortReads.LatencyOf(body, portAliases);
        int depth = readLatency > 0 ? Math.Max(1, (int)Math.Ceiling(bodyLatency)) + readLatency + 2 : (int)Math.Ceiling(bodyLatency);
        var timing = pipelined
            ? new LoopTiming(id, line, LoopKind.Pipelined, ii, Math.Max(Math.Max(2, ii), depth), 0)
            : new LoopTiming(id, line, LoopKind.Sequential, 0, 0, (long)Math.Ceiling(bodyLatency) + 1);
        loops[id] = timing = timing with
        {
            Function = current.Name, File = file, RequestedII = requested, AutoPipelined = auto, TripCount = trips,
            UnrollFactor = factor, Reason = reason, Unmet = unmet, Caution = caution,
        };
        if (!countLoops) return 0;
        long n = trips ?? 1;
        long passes = (n + factor - 1) / factor;
        return timing.Kind == LoopKind.Pipelined ? (passes - 1) * timing.II + timing.Depth : passes * timing.BodyCycles;
    }

    private static string Also(string? reason, string more) => reason is null ? more : $"{reason}; {more}";

    /// <summary>Inside a pipeline HLS unrolls inner loops; a fully unrolled loop's copies run side by side. A
    /// pipelined loop that is the one timed loop of an unrolled body runs its copies side by side too (<see cref="SideBySide"/>:
    /// the trace replays them as one pipeline); other timed loops inside an unrolled one are timed by the trace once
    /// per copy, one copy after another.</summary>
    private double Unrolled(IrStmt statement, int id, int line, BlockStmt body, bool insidePipeline, bool countLoops, long? trips, string file)
    {
        var (plan, whyNot) = !insidePipeline && statement is ForStmt f ? SideBySide.Of(f, Counted(f), functions, line) : (null, null);
        var (outerUnrolled, outerPlan) = (inPipeline, sideBySide);
        inPipeline |= insidePipeline;
        sideBySide = plan;
        double copy = Block(body, insidePipeline, countLoops: insidePipeline || countLoops);
        (inPipeline, sideBySide) = (outerUnrolled, outerPlan);
        bool together = plan is not null && loops[plan.InnerId].Kind == LoopKind.Pipelined;
        loops.TryAdd(id, new LoopTiming(id, line, LoopKind.Unrolled, 0, 0, (long)Math.Ceiling(copy))
            { Function = current.Name, File = file, TripCount = trips, Reason = UnrolledReason(plan, together, whyNot, body, insidePipeline, file), SideBySide = together });
        return copy;
    }

    private string? UnrolledReason(SideBySide? plan, bool together, string? whyNot, BlockStmt body, bool insidePipeline, string file)
    {
        if (together)
            return $"its {plan!.Copies} copies of the pipelined loop at {file}:{plan.Inner.Line} run side by side, as one pipeline issuing an iteration of every copy";
        if (!insidePipeline && !Innermost(body))
        {
            string why = whyNot ?? (plan is null
                ? "Vitis runs them side by side when their memories allow; the emulator does so for one pipelined loop alone in the body"
                : "the loop inside is not pipelined");
            return $"its copies of the loops inside run one after another here ({why})";
        }
        return insidePipeline && wholeFunctionPipeline is { } function
            ? $"{function} is pipelined as a whole (Hls.Pipeline outside any loop), and Vitis unrolls every loop of a pipelined function"
            : null;
    }

    /// <summary>A loop the schedule can replay body by body (the counter alone in its init and step), read with the
    /// parameters every call fixes and other variables as symbols, so a bound relative to them still counts.</summary>
    private CountedLoop? Counted(ForStmt f) =>
        CountedLoop.Of(f, v => constants.TryGetValue(v, out var c) ? AffineIndex.Of(c) : AffineIndex.Symbol(v)) is { CounterAlone: true } loop ? loop : null;

    /// <param name="copies">the loop's partial unroll factor: a loop unrolled by f and pipelined issues f iterations
    /// at a time (Vitis unrolls, then pipelines)</param>
    /// <param name="sideBySide">the copies of an unrolled loop the loop runs side by side with</param>
    private IterationContext Context(IrStmt statement, BlockStmt body, string file, int copies = 1, SideBySide? sideBySide = null)
    {
        var counter = statement is ForStmt f ? Counted(f) : null;
        return new()
        {
            Body = body,
            Copies = copies,
            SideBySide = sideBySide,
            Induction = counter?.Counter,
            InductionStep = (counter?.Step ?? 0) * copies,
            Varying = IterationContext.AssignedIn(body),
            Roots = roots,
            Constants = constants,
            Costs = costs,
            Functions = functions,
            File = file,
            Allocations = Allocations(current.Body, body),
        };
    }

    /// <summary>The Hls.Allocation limits of the function and of the loop (the loop's own win).</summary>
    private static Dictionary<string, int> Allocations(BlockStmt function, BlockStmt loop)
    {
        var limits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in Directives.Leading(function).Concat(Directives.Leading(loop)).OfType<AllocationDirective>()) limits[a.Function] = a.Limit;
        return limits;
    }

    private static IReadOnlyCollection<DependenceDirective> Independent(BlockStmt body) =>
        Directives.Leading(body).OfType<DependenceDirective>().ToList();

    /// <summary>No loop inside that stays a loop (fully unrolled ones do not), in the body or a function it calls.</summary>
    private bool Innermost(BlockStmt body) => !new LoopFinder(this).HasLoop(body);

    private sealed class LoopFinder(StaticTiming owner) : Codegen.Passes.IrWalker
    {
        private bool found;

        public bool HasLoop(BlockStmt body)
        {
            body.Accept(this);
            return found;
        }

        public override void VisitFor(ForStmt s) => Loop(s.Body);
        public override void VisitWhile(WhileStmt s) => Loop(s.Body);

        private void Loop(BlockStmt body)
        {
            if (Directives.Find<UnrollDirective>(body) is { Factor: 0 }) body.Accept(this);
            else found = true;
        }

        public override bool VisitCall(CallExpr e)
        {
            if (owner.functions.TryGetValue(e.Callee, out var callee))
            {
                if (!owner.innermostCache.TryGetValue(e.Callee, out var innermost))
                {
                    owner.innermostCache[e.Callee] = true; // no recursion reaches here; guards the cache
                    owner.innermostCache[e.Callee] = innermost = owner.Innermost(callee.Body);
                }
                found |= !innermost;
            }
            return base.VisitCall(e);
        }
    }

    /// <summary>The largest request latency of the ports a loop body reads (0 when it reads none).</summary>
    private sealed class PortReads(IReadOnlyDictionary<Variable, PortBinding> aliases) : Codegen.Passes.IrWalker
    {
        private int latency;

        public static int LatencyOf(BlockStmt body, IReadOnlyDictionary<Variable, PortBinding> aliases)
        {
            var walker = new PortReads(aliases);
            body.Accept(walker);
            return walker.latency;
        }

        public override void VisitAssign(AssignStmt s)
        {
            if (s.Target is IndexExpr target) Walk(target.Index); // writing a port element is not a read
            else Walk(s.Target);
            Walk(s.Value);
        }

        public override bool VisitIndex(IndexExpr e)
        {
            if (e.Array is VarRefExpr { Variable: var v } && (v.Port ?? aliases.GetValueOrDefault(v)) is { } port)
                latency = Math.Max(latency, port.LatencyCycles);
            return base.VisitIndex(e);
        }
    }

    /// <summary>An expression's latency: its longest operand chain plus its own operator. Every IR expression has
    /// a case below (the visitor interface makes a new kind of node a build error, not a silent 0).</summary>
    private double Expr(IrExpr e) => e.Accept(this);

    // Constants, parameters, variables (registers) and table names are wires: no cycles of their own.
    double IIrExprVisitor<double>.VisitConst(ConstExpr e) => 0;
    double IIrExprVisitor<double>.VisitParamRef(ParamRefExpr e) => 0;
    double IIrExprVisitor<double>.VisitNamedConst(NamedConstExpr e) => 0;
    double IIrExprVisitor<double>.VisitVarRef(VarRefExpr e) => 0;
    double IIrExprVisitor<double>.VisitTableRef(TableRefExpr e) => 0;
    double IIrExprVisitor<double>.VisitIndex(IndexExpr e) => Expr(e.Index) + (IsPort(e.Array) ? 0 : costs.BramRead(e.Type));

    /// <summary>A port, also when a function reaches it through an array parameter: its latency is the port's, counted
    /// by the loop's depth, not a block RAM's.</summary>
    private bool IsPort(IrExpr array) => array.Type is PortType || roots.Of(array, _ => null)?.Kind == Schedule.MemoryKind.Port;
    double IIrExprVisitor<double>.VisitUnary(UnaryExpr e) => Expr(e.Operand) + costs.Unary(e).Cycles;
    double IIrExprVisitor<double>.VisitBinary(BinaryExpr e) => Math.Max(Expr(e.Left), Expr(e.Right)) + costs.Binary(e).Cycles;
    double IIrExprVisitor<double>.VisitConvert(ConvertExpr e) => Expr(e.Operand) + costs.Convert(e).Cycles;
    double IIrExprVisitor<double>.VisitConditional(ConditionalExpr e) =>
        Math.Max(Expr(e.Condition), Math.Max(Expr(e.WhenTrue), Expr(e.WhenFalse))) + costs.Mux(e.Type);
    double IIrExprVisitor<double>.VisitCall(CallExpr e) => e.Arguments.Select(Expr).DefaultIfEmpty(0).Max() + Callee(e.Callee);
    double IIrExprVisitor<double>.VisitIntrinsic(IntrinsicExpr e) => e.Arguments.Select(Expr).DefaultIfEmpty(0).Max() + costs.Intrinsic(e).Cycles;

    /// <summary>A call inside a pipeline is inlined whole (HLS unrolls its loops); elsewhere it costs the callee's
    /// straight-line code, and the callee's loops are timed by the trace when they run.</summary>
    private double Callee(string name)
    {
        var callee = functions[name];
        bool inside = inPipeline || PipelinedFunction(callee);
        var key = (name, inside);
        if (bodyCache.TryGetValue(key, out var cached)) return cached;
        bodyCache[key] = 0; // no recursion reaches here (the transpiler rejects it); guards the cache
        return bodyCache[key] = FunctionBody(callee, inside, wholeFunction: inside && !inPipeline);
    }
}
