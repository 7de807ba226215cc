namespace Accel.Emulation;

/// <summary>
/// Checks one process trace against the trace rules and turns it into a <see cref="ProcessProgram"/>.
/// Rules: loops nest and close; every op inside a loop follows an IterationStart of its innermost loop; a
/// pipelined loop holds only FIFO and port ops (HLS unrolls inner loops of a pipelined loop and its depth
/// already counts the straight-line work); a pipelined loop that reads a port has depth >= 2 (request and
/// data in different stages); a process writes only FIFOs it produces, reads only FIFOs it consumes and
/// uses only ports it owns; an access opens at most as many bursts as the port may have outstanding.
/// </summary>
internal static class TraceCompiler
{
    public static ProcessProgram Compile(DesignSpec design, int process, ProcessTrace trace)
    {
        string name = design.Processes[process].Name;
        var ops = trace.Buffer;
        int count = trace.Count;
        var seq = new int[count];
        var fifoWrites = new int[design.Fifos.Count];
        var fifoReads = new int[design.Fifos.Count];
        var coalescer = new BurstCoalescer(design);
        var loops = new Stack<LoopFrame>();

        for (int i = 0; i < count; i++)
        {
            var op = ops[i];
            TraceFormatException Error(string message) => new(name, i, $"{op}: {message}");

            bool inLoop = loops.Count > 0;
            if (inLoop && op.Kind is not (TraceOpKind.IterationStart or TraceOpKind.LoopEnd) && !loops.Peek().SawIteration)
                throw Error($"an op inside the loop opened at op {loops.Peek().Begin} comes before its first IterationStart");
            bool inPipeline = inLoop && loops.Peek().Pipelined;

            switch (op.Kind)
            {
                case TraceOpKind.Delay:
                    if (op.Cycles < 0)
                        throw Error("expected a delay of at least 0 cycles");
                    if (inPipeline)
                        throw Error("a pipelined loop's depth already counts its straight-line work; Delay is not allowed inside one");
                    break;
                case TraceOpKind.LoopBegin:
                    if (inPipeline)
                        throw Error("HLS unrolls loops nested in a pipelined loop; record their ops as part of the iteration");
                    if (op.InitiationInterval < 0 || (op.IsPipelinedLoop && op.Depth < 1))
                        throw Error("expected II >= 1 and depth >= 1 for a pipelined loop, II = 0 for a plain loop");
                    loops.Push(new LoopFrame(i, op.IsPipelinedLoop, op.Depth));
                    coalescer.CloseAll();
                    break;
                case TraceOpKind.IterationStart:
                    if (!inLoop)
                        throw Error("IterationStart outside any loop");
                    loops.Push(loops.Pop() with { SawIteration = true });
                    break;
                case TraceOpKind.LoopEnd:
                    if (!inLoop)
                        throw Error("LoopEnd without a matching LoopBegin");
                    loops.Pop();
                    coalescer.CloseAll();
                    break;
                case TraceOpKind.FifoWrite:
                case TraceOpKind.FifoRead:
                {
                    bool write = op.Kind == TraceOpKind.FifoWrite;
                    if ((uint)op.Index >= (uint)design.Fifos.Count)
                        throw Error($"expected a FIFO index below {design.Fifos.Count}");
                    var fifo = design.Fifos[op.Index];
                    int side = write ? fifo.Producer : fifo.Consumer;
                    if (side != process)
                        throw Error($"FIFO '{fifo.Name}' is {(write ? "written" : "read")} by process '{design.Processes[side].Name}', not this one");
                    seq[i] = write ? fifoWrites[op.Index]++ : fifoReads[op.Index]++;
                    break;
                }
                case TraceOpKind.PortRead:
                case TraceOpKind.PortWrite:
                {
                    bool write = op.Kind == TraceOpKind.PortWrite;
                    if ((uint)op.Index >= (uint)design.Ports.Count)
                        throw Error($"expected a port index below {design.Ports.Count}");
                    var port = design.Ports[op.Index];
                    if (port.Owner != process)
                        throw Error($"port '{port.Name}' belongs to process '{design.Processes[port.Owner].Name}'");
                    if (op.Bytes < 1 || op.Address < 0)
                        throw Error("expected at least 1 byte at an address >= 0");
                    if (!write && inPipeline && loops.Peek().Depth < 2)
                        throw Error("a pipelined loop that reads a port needs depth >= 2 (request and data in different stages)");
                    seq[i] = coalescer.AccessCount;
                    int opened = coalescer.Add(op.Index, write, op.Address, op.Bytes);
                    if (opened > port.MaxOutstanding)
                        throw Error($"the access spans {opened} bursts but port '{port.Name}' allows {port.MaxOutstanding} outstanding; split it");
                    if (!inLoop)
                        coalescer.CloseAll();
                    break;
                }
                default:
                    throw Error("unknown op kind");
            }
        }

        if (loops.Count > 0)
            throw new TraceFormatException(name, count, $"the loop opened at op {loops.Peek().Begin} is never closed");
        coalescer.CloseAll();
        return new ProcessProgram(ops, count, seq, coalescer.Accesses(), coalescer.Bursts());
    }

    private readonly record struct LoopFrame(int Begin, bool Pipelined, int Depth, bool SawIteration = false);
}
