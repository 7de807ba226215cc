using Accel.Codegen.Ir;

namespace Accel.Emulation.Kernels;

/// <summary>Latencies from the IR and the operator table. Assumptions, in one place:
/// an expression costs its critical path (operands in parallel, then the operator); statements in sequence add
/// up (chained combinational fractions, rounded up once per loop body or function); an unrolled loop's copies
/// run in parallel, so it costs one copy; a call costs the callee's body (inlined); reading an on-chip array or
/// table is a block-RAM read; a port access costs nothing here, because the engine times it from the trace.
/// A pipelined loop's depth is its body's latency, at least 2 (read at stage 0, write at the last stage);
/// a sequential loop's iteration costs its body plus one cycle of loop control.</summary>
public sealed class StaticTiming
{
    private readonly Dictionary<string, IrFunction> functions;
    private readonly OperatorLatencyTable table = OperatorLatencyTable.UltraScalePlus;
    private readonly double clockMhz;
    private readonly Dictionary<int, LoopTiming> loops = new();
    private readonly Dictionary<(string, bool), double> bodyCache = new();
    private bool inPipeline; // whether the expression being costed sits inside a pipelined loop body

    private readonly IReadOnlyDictionary<Variable, PortBinding> portAliases;

    private StaticTiming(IrKernel kernel, double clockMhz)
    {
        functions = kernel.Functions.ToDictionary(f => f.Name);
        this.clockMhz = clockMhz;
        portAliases = PortAliases.Of(kernel);
    }

    /// <summary>Loops of every function, and the straight-line cycles of the functions the trace enters on their
    /// own: the top and, in a dataflow top, each process (other calls are costed where they are made).</summary>
    public static KernelTiming Of(IrKernel kernel, double clockMhz)
    {
        var timing = new StaticTiming(kernel, clockMhz);
        var straight = new Dictionary<string, long>();
        foreach (var f in kernel.Functions)
        {
            long cycles = (long)Math.Ceiling(timing.Block(f.Body, insidePipeline: false, countLoops: false));
            if (f.IsTop || DataflowProcesses(kernel).Contains(f.Name)) straight[f.Name] = cycles;
        }
        return new KernelTiming(timing.loops, straight, clockMhz);
    }

    /// <summary>The functions a dataflow top calls as processes.</summary>
    public static IReadOnlyCollection<string> DataflowProcesses(IrKernel kernel) =>
        Directives.Find<DataflowDirective>(kernel.Top.Body) is null
            ? []
            : kernel.Top.Body.Statements.OfType<ExprStmt>().Select(s => s.Expression).OfType<CallExpr>().Select(c => c.Callee).ToHashSet();

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
        LocalDeclStmt d => d.Initializer is null ? 0 : Expr(d.Initializer),
        AssignStmt a => Math.Max(Expr(a.Value), a.Target is IndexExpr i ? Expr(i.Index) : 0) + (a.Target is IndexExpr { Array.Type: ArrayType or ArrayParamType } ? 1 : 0),
        ExprStmt e => Expr(e.Expression),
        IfStmt i => Expr(i.Condition) + Math.Max(Statement(i.Then, insidePipeline, countLoops), i.Else is null ? 0 : Statement(i.Else, insidePipeline, countLoops)),
        ReturnStmt r => r.Value is null ? 0 : Expr(r.Value),
        ForStmt f => Loop(f.Id, f.Line, f.Body, TripCount(f), insidePipeline, countLoops),
        WhileStmt w => Loop(w.Id, w.Line, w.Body, null, insidePipeline, countLoops),
        _ => 0,
    };

    private double Loop(int id, int line, BlockStmt body, long? tripCount, bool insidePipeline, bool countLoops)
    {
        var pipeline = Directives.Find<PipelineDirective>(body);
        var unroll = Directives.Find<UnrollDirective>(body);
        if (insidePipeline || unroll is { Factor: 0 })
        {
            bool outerUnrolled = inPipeline;
            inPipeline |= insidePipeline;
            // Inside a pipeline HLS unrolls inner loops; a fully unrolled loop's copies run side by side.
            // (A loop of a function also called outside pipelines keeps that classification: at run time the
            // trace ignores loop markers inside a pipeline anyway.)
            double copy = Block(body, insidePipeline, countLoops: true);
            inPipeline = outerUnrolled;
            loops.TryAdd(id, new LoopTiming(id, line, LoopKind.Unrolled, 0, 0, (long)Math.Ceiling(copy)));
            return copy;
        }
        bool outer = inPipeline;
        inPipeline = pipeline is not null;
        double bodyLatency = Block(body, pipeline is not null, countLoops: false); // nested traced loops time themselves
        inPipeline = outer;
        // Vitis schedules an m_axi read's latency into the pipeline: the data arrives (request latency, the beat,
        // one cycle to register it), then the body computes on it.
        int readLatency = PortReads.LatencyOf(body, portAliases);
        loops[id] = pipeline is not null
            ? new LoopTiming(id, line, LoopKind.Pipelined, pipeline.II, Math.Max(2, (int)Math.Ceiling(bodyLatency) + (readLatency > 0 ? readLatency + 2 : 0)), 0)
            : new LoopTiming(id, line, LoopKind.Sequential, 0, 0, (long)Math.Ceiling(bodyLatency) + 1);
        if (!countLoops) return 0;
        var timing = loops[id];
        long trips = tripCount ?? 1;
        return timing.Kind == LoopKind.Pipelined ? (trips - 1) * timing.II + timing.Depth : trips * timing.BodyCycles;
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

    private static long? TripCount(ForStmt f) =>
        f.Condition is BinaryExpr { Op: BinaryOp.Lt, Right: var bound } && Known(bound) is { } n ? n : null;

    private static long? Known(IrExpr e) => e switch
    {
        ConstExpr c => c.IntValue,
        ParamRefExpr p => p.Param.Value,
        NamedConstExpr n => n.Constant.Value,
        _ => null,
    };

    private double Expr(IrExpr e) => e switch
    {
        BinaryExpr b => Math.Max(Expr(b.Left), Expr(b.Right)) + Operator(b),
        UnaryExpr u => Expr(u.Operand) + (u.Op == UnaryOp.Neg ? Cost(OperatorKind.AddSub, u.Type) : 0),
        ConvertExpr c => Expr(c.Operand),
        ConditionalExpr c => Math.Max(Expr(c.Condition), Math.Max(Expr(c.WhenTrue), Expr(c.WhenFalse))) + Cost(OperatorKind.Mux, c.Type),
        IndexExpr i => Expr(i.Index) + (i.Array.Type is PortType ? 0 : Cost(OperatorKind.BramRead, i.Type)),
        CallExpr c => c.Arguments.Select(Expr).DefaultIfEmpty(0).Max() + Callee(c.Callee),
        IntrinsicExpr i => i.Arguments.Select(Expr).DefaultIfEmpty(0).Max() + Intrinsic(i),
        _ => 0,
    };

    /// <summary>A call inside a pipeline is inlined whole (HLS unrolls its loops); elsewhere it costs the callee's
    /// straight-line code, and the callee's loops are timed by the trace when they run.</summary>
    private double Callee(string name)
    {
        var key = (name, inPipeline);
        if (bodyCache.TryGetValue(key, out var cached)) return cached;
        bodyCache[key] = 0; // no recursion reaches here (the transpiler rejects it); guards the cache
        return bodyCache[key] = Block(functions[name].Body, insidePipeline: inPipeline, countLoops: inPipeline);
    }

    private double Operator(BinaryExpr b) => b.Op switch
    {
        BinaryOp.Add or BinaryOp.Sub => Cost(OperatorKind.AddSub, b.Left.Type),
        BinaryOp.Mul => Cost(OperatorKind.Multiply, b.Left.Type),
        BinaryOp.Div or BinaryOp.Rem => Cost(OperatorKind.Divide, b.Left.Type),
        BinaryOp.Shl or BinaryOp.Shr or BinaryOp.UShr => b.Right is ConstExpr or ParamRefExpr or NamedConstExpr ? 0 : Cost(OperatorKind.ShiftVariable, b.Left.Type),
        BinaryOp.And or BinaryOp.Or or BinaryOp.Xor or BinaryOp.LogicalAnd or BinaryOp.LogicalOr => Cost(OperatorKind.Mux, b.Left.Type),
        _ => Cost(OperatorKind.Compare, b.Left.Type),
    };

    private double Intrinsic(IntrinsicExpr i) => i.Intrinsic switch
    {
        Codegen.Ir.Intrinsic.RoundShift => Cost(OperatorKind.AddSub, IrType.Int64) + Cost(OperatorKind.ShiftVariable, IrType.Int64),
        Codegen.Ir.Intrinsic.MulRound => Cost(OperatorKind.Multiply, IrType.Int64) + Cost(OperatorKind.AddSub, IrType.Int64) + Cost(OperatorKind.ShiftVariable, IrType.Int64),
        Codegen.Ir.Intrinsic.Saturate or Codegen.Ir.Intrinsic.SaturateUnsigned => Cost(OperatorKind.Compare, IrType.Int64) + 2 * Cost(OperatorKind.Mux, IrType.Int64),
        Codegen.Ir.Intrinsic.LeadingZeros => 6 * Cost(OperatorKind.Mux, IrType.Int64),
        Codegen.Ir.Intrinsic.Abs => Cost(OperatorKind.AddSub, i.Type) + Cost(OperatorKind.Mux, i.Type),
        Codegen.Ir.Intrinsic.Min or Codegen.Ir.Intrinsic.Max => Cost(OperatorKind.Compare, i.Type) + Cost(OperatorKind.Mux, i.Type),
        _ => 0, // stream operations: timed by the engine from the trace
    };

    private double Cost(OperatorKind kind, IrType type) =>
        table.Cycles(kind, type switch { IntType t => t.Bits, FloatType f => f.Bits, _ => 1 }, clockMhz);
}
