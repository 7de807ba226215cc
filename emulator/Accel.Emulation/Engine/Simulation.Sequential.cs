namespace Accel.Emulation;

/// <summary>
/// Straight-line code and plain (non-pipelined) loops. Loop markers cost nothing, so a plain loop costs the
/// sum of its iterations' ops. A Delay of c cycles costs c; a FIFO or port op takes one cycle, the cycle in
/// which it happens, after any wait. A port read requests its bursts (when it opens any) and then waits for
/// the beat holding its last byte; its cycle is the first in which that data is usable.
/// </summary>
internal sealed partial class Simulation<TSink>
{
    /// <summary>Runs ops until the process blocks (false), reaches a pipelined loop or its end (true).</summary>
    private bool RunSequential(int p, ref ProcessState ps)
    {
        var program = _programs[p];
        var ops = program.Ops;
        var seq = program.Seq;
        while (ps.Pos < program.Count)
        {
            ref readonly var op = ref ops[ps.Pos];
            switch (op.Kind)
            {
                case TraceOpKind.Delay:
                    ps.Cycle += op.Cycles;
                    break;
                case TraceOpKind.LoopBegin:
                    if (op.IsPipelinedLoop)
                    {
                        EnterPipeline(ref ps, program, op);
                        return true;
                    }
                    break;
                case TraceOpKind.IterationStart:
                case TraceOpKind.LoopEnd:
                    break;
                case TraceOpKind.FifoRead:
                case TraceOpKind.FifoWrite:
                {
                    long ready = FifoReady(ref ps, op, seq[ps.Pos], out var stall);
                    if (ready < 0)
                        return false;
                    StallUntil(p, ref ps, ready, stall);
                    FireFifo(op, ps.Cycle);
                    ps.Cycle++;
                    break;
                }
                case TraceOpKind.PortRead:
                {
                    ref readonly var access = ref program.Accesses[seq[ps.Pos]];
                    var lane = _lanes[Lanes.Of(op.Index, write: false)];
                    if (!ps.ReadRequested)
                    {
                        long slot = RequestReady(ref ps, program, access, lane);
                        if (slot < 0)
                            return false;
                        StallUntil(p, ref ps, slot, StallKind.Input);
                        RequestBursts(program, access, lane, ps.Cycle);
                        ps.ReadRequested = true;
                    }
                    long data = DataReady(ref ps, access, lane);
                    if (data < 0)
                        return false;
                    StallUntil(p, ref ps, data, StallKind.Input);
                    ConsumeRead(access, lane, op.Bytes);
                    ps.ReadRequested = false;
                    ps.Cycle++;
                    break;
                }
                case TraceOpKind.PortWrite:
                {
                    ref readonly var access = ref program.Accesses[seq[ps.Pos]];
                    var lane = _lanes[Lanes.Of(op.Index, write: true)];
                    long slot = RequestReady(ref ps, program, access, lane);
                    if (slot < 0)
                        return false;
                    StallUntil(p, ref ps, slot, StallKind.Output);
                    WriteBeats(program, access, lane, ps.Cycle, op.Bytes);
                    ps.Cycle++;
                    break;
                }
            }
            ps.Pos++;
        }
        return true;
    }
}
