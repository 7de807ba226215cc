namespace Accel.Emulation.Tests.Reference;

/// <summary>
/// A process trace flattened for the cycle-stepped reference: straight-line steps, and each pipelined loop
/// instance as a block of events sorted by (virtual cycle, iteration, op position, phase). Bursts are worked
/// out byte by byte, independently of the engine's coalescer.
/// </summary>
internal sealed class ReferenceProgram
{
    public readonly List<Step> Steps = [];

    public static ReferenceProgram Build(DesignSpec design, int process, ProcessTrace trace, ReferenceMemory memory)
    {
        var program = new ReferenceProgram();
        var ops = trace.Ops.ToArray();
        var single = SingleBeat(design, ops);
        var itemCounts = new Dictionary<(int Fifo, bool Write), int>();
        int depth = 0;
        int i = 0;
        while (i < ops.Length)
        {
            var op = ops[i];
            switch (op.Kind)
            {
                case TraceOpKind.Delay:
                    program.Steps.Add(new Step(StepKind.Delay, op.Cycles, 0, null));
                    i++;
                    break;
                case TraceOpKind.LoopBegin when op.IsPipelinedLoop:
                    memory.BreakBursts(process);
                    i = program.AddPipeline(ops, i, itemCounts, memory, process, single);
                    memory.BreakBursts(process);
                    break;
                case TraceOpKind.LoopBegin:
                    depth++;
                    memory.BreakBursts(process);
                    i++;
                    break;
                case TraceOpKind.LoopEnd:
                    depth--;
                    memory.BreakBursts(process);
                    i++;
                    break;
                case TraceOpKind.IterationStart:
                    i++;
                    break;
                default:
                    program.Steps.Add(IoStep(op, itemCounts, memory, process));
                    if (depth == 0)
                        memory.BreakBursts(process);
                    else if (single.Contains(i))
                        memory.BreakBurst(op);
                    i++;
                    break;
            }
        }
        memory.BreakBursts(process);
        return program;
    }

    private int AddPipeline(
        TraceOp[] ops, int begin, Dictionary<(int, bool), int> itemCounts, ReferenceMemory memory, int process, HashSet<int> single)
    {
        int ii = ops[begin].InitiationInterval, depth = ops[begin].Depth;
        var events = new List<PipeEvent>();
        int iteration = -1, i = begin + 1;
        for (; ops[i].Kind != TraceOpKind.LoopEnd; i++)
        {
            var op = ops[i];
            if (op.StartsIteration)
                iteration++;
            if (op.Kind == TraceOpKind.IterationStart)
            {
                iteration++;
                continue;
            }
            var step = IoStep(op, itemCounts, memory, process);
            if (single.Contains(i))
                memory.BreakBurst(op);
            long first = (long)iteration * ii, last = first + depth - 1;
            switch (op.Kind)
            {
                case TraceOpKind.FifoRead:
                    events.Add(new PipeEvent(first, iteration, i, 0, step, Phase.Whole));
                    break;
                case TraceOpKind.PortRead:
                    events.Add(new PipeEvent(first, iteration, i, 0, step, Phase.Request));
                    events.Add(new PipeEvent(last, iteration, i, 1, step, Phase.Consume));
                    break;
                default:
                    events.Add(new PipeEvent(last, iteration, i, 1, step, Phase.Whole));
                    break;
            }
        }
        long end = iteration < 0 ? 0 : (long)iteration * ii + depth;
        events.Sort((a, b) => (a.V, a.Iteration, a.Pos, a.PhaseOrder).CompareTo((b.V, b.Iteration, b.Pos, b.PhaseOrder)));
        Steps.Add(new Step(StepKind.Pipeline, end, 0, null) { Events = events });
        return i + 1;
    }

    /// <summary>Port accesses of a loop instance (its own ops) on a bundle direction that two of its ports use there:
    /// UG1399 gives such accesses no burst.</summary>
    private static HashSet<int> SingleBeat(DesignSpec design, TraceOp[] ops)
    {
        var single = new HashSet<int>();
        var open = new Stack<List<int>>();
        for (int i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            if (op.Kind == TraceOpKind.LoopBegin)
                open.Push([]);
            else if (op.Kind == TraceOpKind.LoopEnd)
            {
                var shared = open.Pop().Where(a => design.Ports[ops[a].Index].Bundle >= 0)
                    .GroupBy(a => (design.Ports[ops[a].Index].Bundle, ops[a].Kind))
                    .Where(g => g.Select(a => ops[a].Index).Distinct().Count() > 1);
                foreach (var group in shared)
                    single.UnionWith(group);
            }
            else if (op.Kind is TraceOpKind.PortRead or TraceOpKind.PortWrite && open.Count > 0)
                open.Peek().Add(i);
        }
        return single;
    }

    private static Step IoStep(TraceOp op, Dictionary<(int, bool), int> itemCounts, ReferenceMemory memory, int process)
    {
        switch (op.Kind)
        {
            case TraceOpKind.FifoRead:
            case TraceOpKind.FifoWrite:
            {
                bool write = op.Kind == TraceOpKind.FifoWrite;
                itemCounts.TryGetValue((op.Index, write), out int item);
                itemCounts[(op.Index, write)] = item + 1;
                return new Step(write ? StepKind.FifoWrite : StepKind.FifoRead, op.Index, item, null);
            }
            default:
            {
                bool write = op.Kind == TraceOpKind.PortWrite;
                var access = memory.Plan(process, op.Index, write, op.Address, op.Bytes);
                return new Step(write ? StepKind.PortWrite : StepKind.PortRead, op.Index, 0, access);
            }
        }
    }
}

internal enum StepKind { Delay, FifoRead, FifoWrite, PortRead, PortWrite, Pipeline }

internal enum Phase { Whole, Request, Consume }

/// <summary>Delay: A = cycles. FIFO: A = fifo, B = item. Pipeline: A = virtual end cycle.</summary>
internal sealed record Step(StepKind Kind, long A, int B, ReferenceAccess? Access)
{
    public List<PipeEvent> Events { get; init; } = [];
}

internal sealed record PipeEvent(long V, int Iteration, int Pos, int PhaseOrder, Step Step, Phase Phase);
