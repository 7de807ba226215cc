namespace Accel.Emulation;

/// <summary>
/// Checks one process trace against the trace rules and turns it into a <see cref="ProcessProgram"/>.
/// Rules: loops nest and close; every op inside a loop follows an IterationStart of its innermost loop (or starts
/// an iteration itself); a pipelined loop holds only FIFO and port ops (HLS unrolls inner loops of a pipelined
/// loop and its depth already counts the straight-line work); a pipelined loop that reads a port has depth >= 2
/// (request and data in different stages); a process writes only FIFOs it produces, reads only FIFOs it consumes
/// and uses only ports it owns; an access opens at most as many bursts as the port may have outstanding. Accesses
/// that share a bundle in a loop are not burst (<see cref="SharedBundles"/>).
/// </summary>
internal static class TraceCompiler
{
    public static ProcessProgram Compile(DesignSpec design, int process, ProcessTrace trace)
    {
        string name = design.ProcessArray[process].Name;
        var fifos = design.FifoArray;
        var ports = design.PortArray;
        var ops = trace.Ops;
        int count = trace.Count;
        var seq = new int[count];
        var fifoWrites = new int[fifos.Length];
        var fifoReads = new int[fifos.Length];
        var coalescer = new BurstCoalescer(design, CountPortOps(ops));
        var singleBeat = SharedBundles.SingleBeatAccesses(design, ops);
        var loops = new LoopFrame[8];
        int depth = 0;

        for (int i = 0; i < count; i++)
        {
            ref readonly var op = ref ops[i];
            bool inLoop = depth > 0;
            if (op.StartsIteration)
            {
                if (!inLoop)
                    throw Error(name, i, op, "an op starts an iteration outside any loop");
                loops[depth - 1].SawIteration = true;
            }
            if (inLoop && !loops[depth - 1].SawIteration && op.Kind is not (TraceOpKind.IterationStart or TraceOpKind.LoopEnd))
                throw Error(name, i, op, $"an op inside the loop opened at op {loops[depth - 1].Begin} comes before its first IterationStart");
            bool inPipeline = inLoop && loops[depth - 1].Pipelined;

            switch (op.Kind)
            {
                case TraceOpKind.Delay:
                    if (op.Cycles < 0)
                        throw Error(name, i, op, "expected a delay of at least 0 cycles");
                    if (inPipeline)
                        throw Error(name, i, op, "a pipelined loop's depth already counts its straight-line work; Delay is not allowed inside one");
                    break;
                case TraceOpKind.LoopBegin:
                    if (inPipeline)
                        throw Error(name, i, op, "HLS unrolls loops nested in a pipelined loop; record their ops as part of the iteration");
                    if (op.InitiationInterval < 0 || (op.IsPipelinedLoop && op.Depth < 1))
                        throw Error(name, i, op, "expected II >= 1 and depth >= 1 for a pipelined loop, II = 0 for a plain loop");
                    if (depth == loops.Length)
                        Array.Resize(ref loops, depth * 2);
                    loops[depth++] = new LoopFrame(i, op.IsPipelinedLoop, op.Depth, SawIteration: false);
                    coalescer.CloseAll();
                    break;
                case TraceOpKind.IterationStart:
                    if (!inLoop)
                        throw Error(name, i, op, "IterationStart outside any loop");
                    loops[depth - 1].SawIteration = true;
                    break;
                case TraceOpKind.LoopEnd:
                    if (!inLoop)
                        throw Error(name, i, op, "LoopEnd without a matching LoopBegin");
                    depth--;
                    coalescer.CloseAll();
                    break;
                case TraceOpKind.FifoWrite:
                case TraceOpKind.FifoRead:
                {
                    bool write = op.Kind == TraceOpKind.FifoWrite;
                    if ((uint)op.Index >= (uint)fifos.Length)
                        throw Error(name, i, op, $"expected a FIFO index below {fifos.Length}");
                    var fifo = fifos[op.Index];
                    int side = write ? fifo.Producer : fifo.Consumer;
                    if (side != process)
                        throw Error(name, i, op, $"FIFO '{fifo.Name}' is {(write ? "written" : "read")} by process '{design.ProcessArray[side].Name}', not this one");
                    seq[i] = write ? fifoWrites[op.Index]++ : fifoReads[op.Index]++;
                    break;
                }
                case TraceOpKind.PortRead:
                case TraceOpKind.PortWrite:
                {
                    bool write = op.Kind == TraceOpKind.PortWrite;
                    if ((uint)op.Index >= (uint)ports.Length)
                        throw Error(name, i, op, $"expected a port index below {ports.Length}");
                    var port = ports[op.Index];
                    if (port.Owner != process)
                        throw Error(name, i, op, $"port '{port.Name}' belongs to process '{design.ProcessArray[port.Owner].Name}'");
                    if (op.Bytes < 1 || op.Address < 0)
                        throw Error(name, i, op, "expected at least 1 byte at an address >= 0");
                    if (!write && inPipeline && loops[depth - 1].Depth < 2)
                        throw Error(name, i, op, "a pipelined loop that reads a port needs depth >= 2 (request and data in different stages)");
                    seq[i] = coalescer.AccessCount;
                    int opened = coalescer.Add(op.Index, write, op.Address, op.Bytes);
                    if (opened > port.MaxOutstanding)
                        throw Error(name, i, op, $"the access spans {opened} bursts but port '{port.Name}' allows {port.MaxOutstanding} outstanding; split it");
                    if (!inLoop)
                        coalescer.CloseAll();
                    else if (singleBeat is not null && singleBeat[i])
                        coalescer.Close(op.Index, write);
                    break;
                }
                default:
                    throw Error(name, i, op, "unknown op kind");
            }
        }

        if (depth > 0)
            throw new TraceFormatException(name, count, $"the loop opened at op {loops[depth - 1].Begin} is never closed");
        coalescer.CloseAll();
        return new ProcessProgram(ops, seq, coalescer.Accesses(), coalescer.Bursts());
    }

    private static int CountPortOps(in TraceOps ops)
    {
        int ports = 0;
        for (int i = 0; i < ops.Count; i++)
        {
            if (ops[i].Kind is TraceOpKind.PortRead or TraceOpKind.PortWrite)
                ports++;
        }
        return ports;
    }

    private static TraceFormatException Error(string process, int index, in TraceOp op, string message) =>
        new(process, index, $"{op}: {message}");

    private record struct LoopFrame(int Begin, bool Pipelined, int Depth, bool SawIteration);
}
