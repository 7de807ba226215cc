using System.Collections.Immutable;
using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>The top function as a state machine with the schedule's timing. Straight-line code takes no cycle of
/// its own: it runs on the clock edge that leaves the previous timed state, and the schedule's cycles for it are
/// spent where the emulator spends them (a function's at its entry, a sequential loop's at the start of each
/// iteration) in wait states. A pipelined loop is one state that issues an iteration every II cycles and runs
/// its body at stage Depth - 1. So the circuit takes the emulator's cycles, and the values come from the IR.
/// A dataflow top has one such machine per process (its own state and wait registers, its state names prefixed),
/// as the emulator gives each process its own clock.</summary>
internal sealed class RtlStateMachine
{
    private abstract record Frame;
    private sealed record Rest(IReadOnlyList<IrStmt> Statements, int Index, VerilogScope Scope) : Frame;
    private sealed record AfterIteration(ForStmt Loop, VerilogScope Scope) : Frame;

    public sealed record State(string Name, IReadOnlyList<string> Lines);
    public sealed record Pipeline(int Id, int Depth, IReadOnlyList<Variable> ReadPorts);

    private readonly IrKernel kernel;
    private readonly IrFunction function;
    private readonly string stateVar, waitVar, statePrefix;
    private readonly IRtlSchedule schedule;
    private readonly VerilogPrinter printer;
    private readonly RtlRejections rejections;
    private readonly VerilogScope top;
    private readonly List<(string Name, Action Body)> pending = new();
    private readonly Dictionary<(int, string), string> loopStates = new();
    private readonly Dictionary<IrStmt, VerilogScope> callScopes = new();
    private readonly Dictionary<string, IrFunction> functions;
    private readonly List<Pipeline> pipelines;
    private readonly IReadOnlyList<Variable> writePorts;

    /// <param name="function">the function this machine runs: the top, or a dataflow process</param>
    /// <param name="top">the scope <paramref name="function"/>'s body is printed in</param>
    /// <param name="stateVar">its state register; <paramref name="statePrefix"/> starts its state names</param>
    /// <param name="writePorts">the ports it writes: their open bursts close where its pipelined loops end</param>
    /// <param name="pipelines">where its pipelined loops are listed (shared by the machines of one module)</param>
    /// <param name="slots">each port's access slots (shared by the machines of one module)</param>
    public RtlStateMachine(IrKernel kernel, IrFunction function, IRtlSchedule schedule, VerilogPrinter printer, RtlRejections rejections, VerilogScope top,
        string stateVar, string waitVar, string statePrefix, IReadOnlyList<Variable> writePorts, List<Pipeline> pipelines, PortSlots slots)
    {
        (this.kernel, this.function, this.schedule, this.printer, this.rejections, this.top) = (kernel, function, schedule, printer, rejections, top);
        (this.stateVar, this.waitVar, this.statePrefix, this.writePorts, this.pipelines, Slots) = (stateVar, waitVar, statePrefix, writePorts, pipelines, slots);
        functions = kernel.Functions.ToDictionary(f => f.Name);
    }

    /// <summary>Each port's access slots: the most accesses an iteration of one of the pipelines makes.</summary>
    public PortSlots Slots { get; }

    /// <summary>The code of the idle state's start edge, then every state it reaches, in the order first reached.</summary>
    public (IReadOnlyList<string> Start, IReadOnlyList<State> States) Build()
    {
        var body = ImmutableStack<Frame>.Empty.Push(new Rest(function.Body.Statements, 0, top));
        var start = printer.Capture(5, () =>
        {
            long entry = schedule.EntryCycles(function.Name);
            if (entry > 0) Wait(Register($"{statePrefix}ENTRY", () => AfterWait(() => Continue(body))), entry);
            else Continue(body);
        });
        var states = new List<State>();
        for (int i = 0; i < pending.Count; i++)
            states.Add(new State(pending[i].Name, printer.Capture(4, pending[i].Body)));
        return (start, states);
    }

    private string Register(string name, Action body)
    {
        pending.Add((name, body));
        return name;
    }

    /// <summary>A wait state's body: count down what <see cref="Wait"/> set, then run what follows.</summary>
    private void AfterWait(Action then)
    {
        printer.Open($"if ({waitVar} == 0) begin");
        then();
        printer.Close("end else begin");
        printer.Emit($"  {waitVar} = {waitVar} - 1;");
        printer.Emit("end");
    }

    private void Wait(string state, long cycles)
    {
        printer.Emit($"{stateVar} = {state};");
        printer.Emit($"{waitVar} = {cycles - 1};");
    }

    private bool Timed(IrStmt s) => s switch
    {
        ForStmt f => schedule.Loop(f.Id).Kind != RtlLoopKind.Unrolled || Timed(f.Body),
        WhileStmt => true,
        BlockStmt b => b.Statements.Any(Timed),
        IfStmt i => Timed(i.Then) || (i.Else is not null && Timed(i.Else)),
        ExprStmt { Expression: CallExpr call } => functions[call.Callee].Body.Statements.Any(Timed),
        _ => false,
    };

    /// <summary>The key of a loop's state: the loop, and the inlined call it runs in (a function called from two
    /// places has two copies of its loops).</summary>
    private (int, string) Key(ForStmt f) => (f.Id, printer.Scope.Prefix);

    private static string StateName(string prefix, ForStmt f) => prefix == "v_" ? $"{f.Id}" : $"{f.Id}_{prefix.TrimEnd('_')}";

    /// <summary>A call whose callee has timed loops, inlined into the state machine: the arguments into the
    /// callee's registers (or, for arrays, its bindings), then the callee's body as the next frame.</summary>
    private VerilogScope CallScope(ExprStmt statement, CallExpr call)
    {
        var callee = functions[call.Callee];
        if (!callScopes.TryGetValue(statement, out var scope))
            callScopes[statement] = scope = new VerilogScope(printer.NextInlinePrefix(callee.Name));
        printer.BindArguments(callee, scope, call.Arguments);
        return scope;
    }

    /// <summary>Prints what runs from here until the next timed state (or the end of the kernel).</summary>
    private void Continue(ImmutableStack<Frame> k)
    {
        while (!k.IsEmpty)
        {
            var frame = k.Peek();
            k = k.Pop();
            if (frame is AfterIteration iterated)
            {
                printer.Scope = iterated.Scope;
                foreach (var s in iterated.Loop.Step) printer.Statement(s);
                printer.Open($"if ({printer.Expr(iterated.Loop.Condition!)}) begin");
                Wait(loopStates[Key(iterated.Loop)], schedule.Loop(iterated.Loop.Id).BodyCycles);
                printer.Close("end else begin");
                printer.Indent();
                Continue(k);
                printer.Close();
                return;
            }
            var rest = (Rest)frame;
            printer.Scope = rest.Scope;
            for (int j = rest.Index; j < rest.Statements.Count; j++)
            {
                var s = rest.Statements[j];
                if (!Timed(s))
                {
                    printer.Statement(s);
                    continue;
                }
                var after = k.Push(new Rest(rest.Statements, j + 1, rest.Scope));
                printer.Line = s.Line;
                switch (s)
                {
                    case BlockStmt b: Continue(after.Push(new Rest(b.Statements, 0, rest.Scope))); return;
                    case ExprStmt { Expression: CallExpr call } e:
                        Continue(after.Push(new Rest(functions[call.Callee].Body.Statements, 0, CallScope(e, call))));
                        return;
                    case IfStmt i:
                        printer.Open($"if ({printer.Expr(i.Condition)}) begin");
                        Continue(after.Push(new Rest([i.Then], 0, rest.Scope)));
                        printer.Close("end else begin");
                        printer.Indent();
                        Continue(i.Else is null ? after : after.Push(new Rest([i.Else], 0, rest.Scope)));
                        printer.Close();
                        return;
                    case ForStmt { Condition: not null } f when schedule.Loop(f.Id).Kind == RtlLoopKind.Sequential:
                        Sequential(f, after);
                        return;
                    case ForStmt { Condition: not null } f when schedule.Loop(f.Id).Kind == RtlLoopKind.Pipelined:
                        new RtlPipeline(this, f, schedule.Loop(f.Id)).Enter(after);
                        return;
                    default:
                        rejections.Report(s.Line, s is WhileStmt ? "a while loop" : "a loop without a condition, or a timed loop inside an unrolled one");
                        return;
                }
            }
        }
        printer.Emit($"{stateVar} = S_FINISH;");
    }

    private void Sequential(ForStmt f, ImmutableStack<Frame> after)
    {
        foreach (var s in f.Init) printer.Statement(s);
        var scope = printer.Scope;
        if (!loopStates.ContainsKey(Key(f)))
        {
            var iteration = after.Push(new AfterIteration(f, scope)).Push(new Rest(f.Body.Statements, 0, scope));
            loopStates[Key(f)] = Register($"{statePrefix}LOOP{StateName(scope.Prefix, f)}", () => AfterWait(() => Continue(iteration)));
        }
        printer.Open($"if ({printer.Expr(f.Condition!)}) begin");
        Wait(loopStates[Key(f)], schedule.Loop(f.Id).BodyCycles);
        printer.Close("end else begin");
        printer.Indent();
        Continue(after);
        printer.Close();
    }

    /// <summary>A pipelined loop: entry code, one state, and the exit into what follows it.</summary>
    private sealed class RtlPipeline(RtlStateMachine m, ForStmt f, RtlLoop timing)
    {
        private string P => $"p{StateName(scope.Prefix, f)}";
        private readonly VerilogScope scope = m.printer.Scope;
        private IssueSlice slice = null!;
        private VerilogPrinter Printer => m.printer;

        public void Enter(ImmutableStack<Frame> after)
        {
            var printer = Printer;
            if (timing.Depth < 2 || timing.Depth > 4096 || timing.II < 1)
                m.rejections.Report(f.Line, $"a pipeline of depth {timing.Depth} and II {timing.II}");
            var issueScope = new VerilogScope(scope.Prefix, scope);
            foreach (var v in InductionVariables()) issueScope.Bind(v.Name, printer.Register($"{scope.Prefix}{v.Name}__i", v.Type));
            var computed = AssignedIn.Of(f.Body);
            foreach (var v in InductionVariables()) computed.Remove(v.Name);
            slice = IssueSlice.Of(f.Body, computed, printer, m.rejections);
            foreach (var v in slice.Variables) issueScope.Bind(v.Name, printer.Register($"{scope.Prefix}{v.Name}__i", v.Type));
            computed.ExceptWith(slice.Names);

            foreach (var s in f.Init) printer.Statement(s);
            // The request side's copies of the counters that live across iterations start where the loop does.
            foreach (var v in slice.Carried) printer.Emit($"{scope.Prefix}{v.Name}__i = {printer.Name(v)};");
            string more = WithIssueScope(issueScope, () =>
            {
                foreach (var s in f.Init) printer.Statement(s);
                return printer.Expr(f.Condition!);
            });
            var state = $"{m.statePrefix}PIPE{StateName(scope.Prefix, f)}";
            var readPorts = new List<Variable>();
            printer.Open($"if ({more}) begin");
            printer.Emit($"{m.stateVar} = {state};");
            printer.Emit($"{P}_more = 1'b1;");
            printer.Emit($"{P}_valid = 0;");
            printer.Emit($"{P}_ii = 0;");
            if (m.loopStates.TryAdd(m.Key(f), state))
            {
                m.Register(state, () => Run(issueScope, computed, readPorts, after));
                m.pipelines.Add(new Pipeline(f.Id, timing.Depth, readPorts));
            }
            printer.Close("end else begin");
            printer.Indent();
            m.Continue(after);
            printer.Close();
            printer.Register($"{P}_more", IrType.Bool);
            printer.Declare($"{P}_valid", $"reg [{timing.Depth - 2}:0] {P}_valid;");
            printer.Declare($"{P}_ii", $"reg [15:0] {P}_ii;");
            printer.Register($"{P}_stall", IrType.Bool);
            printer.Register($"{P}_issue", IrType.Bool);
        }

        private void Run(VerilogScope issueScope, ISet<string> computed, List<Variable> readPorts, ImmutableStack<Frame> after)
        {
            var printer = Printer;
            printer.Scope = scope;
            int top = timing.Depth - 2;
            // The request side first, into a scratch list: it tells which ports the last stage waits on.
            var issue = new IssuePorts(printer, m.Slots, P, m.rejections);
            var issueLines = printer.Capture(6, () => WithIssueScope(issueScope, () =>
            {
                printer.Ports = issue;
                printer.InPipeline = true;
                try
                {
                    new IssueSide(printer, m.rejections, slice, m.functions).Print(f.Body, computed);
                    foreach (var s in f.Step) printer.Statement(s);
                    printer.Emit($"{P}_more = {printer.Expr(f.Condition!)};");
                }
                finally { printer.Ports = null; printer.InPipeline = false; }
                return 0;
            }));
            readPorts.AddRange(issue.ReadPorts.Select(name => m.kernel.Top.Parameters.Single(p => p.Name == name)));
            printer.Scope = scope;

            // Whether an iteration asked for a word on each read slot travels with it, as valid does.
            var requested = readPorts.SelectMany(port => Enumerable.Range(0, issue.Sites(port.Name)).Select(slot => (Port: port, Slot: slot))).ToList();
            foreach (var (port, slot) in requested)
            {
                var bits = RtlNames.Requested(P, port, slot);
                printer.Declare(bits, $"reg [{timing.Depth - 2}:0] {bits};");
                printer.Declare(bits + "_new", $"reg {bits}_new;");
            }
            // The last stage first, into a list: it tells which FIFOs an iteration reads and writes.
            StreamOps.RejectConditional(f.Body, printer, m.rejections);
            var exec = new ExecPorts(printer, m.Slots, P, timing.Depth);
            var execLines = printer.CaptureNested(2, () =>
            {
                printer.Ports = exec;
                printer.InPipeline = true;
                try
                {
                    printer.Block(f.Body.Statements);
                    foreach (var s in f.Step) printer.Statement(s);
                }
                finally { printer.Ports = null; printer.InPipeline = false; }
            });
            printer.Scope = scope;

            printer.Emit($"{P}_stall = 1'b0;");
            foreach (var (port, slot) in requested)
                printer.Emit($"if ({P}_valid[{top}] && {RtlNames.Requested(P, port, slot)}[{top}] && {RtlNames.QueueTail(port, slot)} == {RtlNames.QueueHead(port, slot)}) {P}_stall = 1'b1;");
            // FIFO reads happen at stage 0 (an iteration issues only once its words are there), FIFO writes at
            // the last stage (only into free slots): the emulator's stages, and the whole pipeline stalls.
            foreach (var (stream, reads) in exec.StreamReads)
                printer.Emit($"if ({P}_more && {P}_ii == 0 && {RtlNames.StreamCount(stream)} < {reads}) {P}_stall = 1'b1;");
            foreach (var (stream, writes) in exec.StreamWrites)
                printer.Emit($"if ({P}_valid[{top}] && {RtlNames.StreamCount(stream)} > {stream.Depth - writes}) {P}_stall = 1'b1;");
            printer.Open($"if (!{P}_stall) begin");
            printer.Open($"if ({P}_valid[{top}]) begin");
            printer.EmitLines(execLines);
            printer.Close();
            printer.Emit($"{P}_issue = 1'b0;");
            foreach (var (port, slot) in requested) printer.Emit($"{RtlNames.Requested(P, port, slot)}_new = 1'b0;");
            printer.Open($"if ({P}_more && {P}_ii == 0) begin");
            printer.Emit($"{P}_issue = 1'b1;");
            printer.EmitLines(issueLines);
            // The words an iteration reads from a FIFO travel with it to the last stage.
            foreach (var (stream, reads) in exec.StreamReads)
                for (int site = 0; site < reads; site++)
                {
                    printer.Emit($"{RtlNames.Carried(P, stream, site)}_new = {RtlNames.Stream(stream)}[{RtlNames.StreamHead(stream)}];");
                    printer.Emit($"{RtlNames.StreamHead(stream)} = {RtlNames.Next(stream, RtlNames.StreamHead(stream))};");
                    printer.Emit($"{RtlNames.StreamPop(stream)} = {RtlNames.StreamPop(stream)} + 1'b1;");
                }
            printer.Close();
            printer.Emit(timing.II > 1 ? $"{P}_ii = ({P}_ii == {timing.II - 1}) ? 16'd0 : {P}_ii + 1'b1;" : $"{P}_ii = 16'd0;");
            printer.Emit($"{P}_valid = ({P}_valid << 1) | {P}_issue;");
            foreach (var (port, slot) in requested)
                printer.Emit($"{RtlNames.Requested(P, port, slot)} = ({RtlNames.Requested(P, port, slot)} << 1) | {RtlNames.Requested(P, port, slot)}_new;");
            foreach (var (stream, reads) in exec.StreamReads)
                for (int site = 0; site < reads; site++)
                {
                    var carried = RtlNames.Carried(P, stream, site);
                    printer.Emit(timing.Depth > 2 ? $"{carried} = {{{carried}[{stream.Bits * (timing.Depth - 2) - 1}:0], {carried}_new}};" : $"{carried} = {carried}_new;");
                }
            // The loop ends when nothing is left to issue and its last iteration has left the last stage;
            // its open write bursts close there, as in the emulator.
            printer.Open($"if (!{P}_more && {P}_valid == 0) begin");
            foreach (var port in m.writePorts) printer.Emit($"{port.Name}_wr_flush = 1'b1;");
            m.Continue(after);
            printer.Close();
            printer.Close();
        }

        private T WithIssueScope<T>(VerilogScope scope, Func<T> body)
        {
            var saved = Printer.Scope;
            Printer.Scope = scope;
            try { return body(); }
            finally { Printer.Scope = saved; }
        }

        private IEnumerable<Variable> InductionVariables() =>
            f.Init.Concat(f.Step).Select(s => s switch
            {
                LocalDeclStmt d => d.Variable,
                AssignStmt { Target: VarRefExpr v } => v.Variable,
                _ => null,
            }).OfType<Variable>().Distinct();
    }
}
