namespace Accel.Emulation;

/// <summary>
/// Pipelined loops. The loop keeps a virtual clock that counts the cycles in which the pipeline advances:
/// iteration k issues at virtual cycle k*II, and the loop ends at virtual (N-1)*II + depth. Each op of an
/// iteration happens at one stage: FIFO reads and port read requests at stage 0 (the issue cycle); FIFO
/// writes, port writes and the use of port read data at stage depth-1 (the last stage). The pipeline stalls
/// as a whole: all ops of a virtual cycle happen in the same real cycle, the first in which every one of them
/// can, and each stalled cycle delays everything after it. Real cycle = loop start + virtual cycle + stalls
/// so far. A stalled cycle is blamed on the first op (iteration order, then program order) that cannot yet
/// happen in it.
/// Two cursors walk the loop's ops: Issue visits the stage-0 ops, Retire the last-stage ops, so ops are met
/// in virtual-time order without materialising iterations.
/// </summary>
internal sealed partial class Simulation<TSink>
{
    private (long From, long To, StallKind Kind)[] _blame = new (long, long, StallKind)[8];

    private static void EnterPipeline(ref ProcessState ps, ProcessProgram program, in TraceOp loop)
    {
        ps.InPipeline = true;
        ps.LoopStart = ps.Cycle;
        ps.LoopStall = 0;
        ps.II = loop.InitiationInterval;
        ps.Depth = loop.Depth;
        ps.Issue = new PipelineCursor { Pos = ps.Pos + 1, Iteration = -1 };
        ps.Retire = ps.Issue;
        SkipTo(program.Ops, ref ps.Issue, issue: true);
        SkipTo(program.Ops, ref ps.Retire, issue: false);
    }

    /// <summary>Advances the loop until it ends (true) or an op waits for an unknown event (false).</summary>
    private bool RunPipeline(int p, ref ProcessState ps)
    {
        var program = _programs[p];
        while (true)
        {
            long vIssue = ps.Issue.Done ? long.MaxValue : ps.Issue.Iteration * ps.II;
            long vRetire = ps.Retire.Done ? long.MaxValue : ps.Retire.Iteration * ps.II + ps.Depth - 1;
            long v = Math.Min(vIssue, vRetire);
            if (v == long.MaxValue)
            {
                long iterations = ps.Issue.Iteration + 1;
                long span = iterations == 0 ? 0 : (iterations - 1) * ps.II + ps.Depth;
                ps.Cycle = ps.LoopStart + ps.LoopStall + span;
                ps.Pos = ps.Retire.Pos + 1;
                ps.InPipeline = false;
                return true;
            }

            long earliest = ps.LoopStart + v + ps.LoopStall;
            ps.Cycle = earliest;
            var issue = ps.Issue;
            var retire = ps.Retire;
            long at = earliest;
            int blames = 0;
            while (NextEvent(program.Ops, ref issue, ref retire, v, ps.II, ps.Depth, out int pos, out bool isIssue))
            {
                long ready = EventReady(ref ps, program, pos, isIssue, out var kind);
                if (ready < 0)
                    return false;
                if (ready > at)
                {
                    if (blames == _blame.Length)
                        Array.Resize(ref _blame, blames * 2);
                    _blame[blames++] = (at, ready, kind);
                    at = ready;
                }
            }

            for (int i = 0; i < blames; i++)
                AddStall(p, ref ps, _blame[i].From, _blame[i].To, _blame[i].Kind);
            ps.LoopStall += at - earliest;
            while (NextEvent(program.Ops, ref ps.Issue, ref ps.Retire, v, ps.II, ps.Depth, out int pos, out bool isIssue))
                FireEvent(program, pos, isIssue, at);
        }
    }

    /// <summary>Next op happening at virtual cycle <paramref name="v"/>, in iteration order then program order.</summary>
    private static bool NextEvent(
        in TraceOps ops, ref PipelineCursor issue, ref PipelineCursor retire, long v, int ii, int depth,
        out int pos, out bool isIssue)
    {
        bool issueHere = !issue.Done && issue.Iteration * ii == v;
        bool retireHere = !retire.Done && retire.Iteration * ii + depth - 1 == v;
        // Both can meet only when retire's iteration is older, or (depth 1) the same one.
        isIssue = issueHere && (!retireHere || (retire.Iteration == issue.Iteration && issue.Pos <= retire.Pos));
        if (isIssue)
        {
            pos = issue.Pos++;
            SkipTo(ops, ref issue, issue: true);
            return true;
        }
        if (retireHere)
        {
            pos = retire.Pos++;
            SkipTo(ops, ref retire, issue: false);
            return true;
        }
        pos = -1;
        return false;
    }

    /// <summary>Moves a cursor to its next op (stage 0 ops for Issue, last-stage ops for Retire), counting iterations.
    /// Each position is visited once per walk (a cursor moves on from an op once it has happened), so an op that
    /// starts an iteration counts it once.</summary>
    private static void SkipTo(in TraceOps ops, ref PipelineCursor cursor, bool issue)
    {
        while (true)
        {
            ref readonly var op = ref ops[cursor.Pos];
            if (op.StartsIteration)
                cursor.Iteration++;
            var kind = op.Kind;
            if (kind == TraceOpKind.PortRead
                || (issue ? kind == TraceOpKind.FifoRead : kind is TraceOpKind.FifoWrite or TraceOpKind.PortWrite))
                return;
            if (kind == TraceOpKind.IterationStart)
            {
                cursor.Iteration++;
            }
            else if (kind == TraceOpKind.LoopEnd)
            {
                cursor.Done = true;
                return;
            }
            cursor.Pos++;
        }
    }

    /// <summary>Earliest cycle the op may happen, or -1 (and the process's wait set) while that is unknown.</summary>
    private long EventReady(ref ProcessState ps, ProcessProgram program, int pos, bool isIssue, out StallKind kind)
    {
        var op = program.Ops[pos];
        int seq = program.Seq[pos];
        switch (op.Kind)
        {
            case TraceOpKind.FifoRead:
            case TraceOpKind.FifoWrite:
                return FifoReady(ref ps, op, seq, out kind);
            case TraceOpKind.PortRead:
            {
                kind = StallKind.Input;
                ref readonly var access = ref program.Accesses[seq];
                var lane = _lanes[Lanes.Of(op.Index, write: false)];
                return isIssue ? RequestReady(ref ps, program, access, lane) : DataReady(ref ps, access, lane);
            }
            default:
            {
                kind = StallKind.Output;
                ref readonly var access = ref program.Accesses[seq];
                return RequestReady(ref ps, program, access, _lanes[Lanes.Of(op.Index, write: true)]);
            }
        }
    }

    private void FireEvent(ProcessProgram program, int pos, bool isIssue, long at)
    {
        var op = program.Ops[pos];
        int seq = program.Seq[pos];
        switch (op.Kind)
        {
            case TraceOpKind.FifoRead:
            case TraceOpKind.FifoWrite:
                FireFifo(op, at);
                break;
            case TraceOpKind.PortRead:
            {
                ref readonly var access = ref program.Accesses[seq];
                var lane = _lanes[Lanes.Of(op.Index, write: false)];
                if (isIssue)
                    RequestBursts(program, access, lane, at);
                else
                    ConsumeRead(access, lane, op.Bytes);
                break;
            }
            default:
            {
                ref readonly var access = ref program.Accesses[seq];
                WriteBeats(program, access, _lanes[Lanes.Of(op.Index, write: true)], at, op.Bytes);
                break;
            }
        }
    }
}
