namespace Accel.Emulation;

/// <summary>
/// Appends timing events of one process to chunks of ops (<see cref="TraceOps"/>): one allocation per chunk,
/// nothing copied as the trace grows. Not thread-safe: one recorder per process. Structure (balanced loops, ops
/// only inside iterations, element ownership) is checked when the engine runs, with the op index in the message.
/// </summary>
public sealed class TraceRecorder
{
    private readonly List<TraceOp[]> _chunks = new();
    private TraceOp[] _chunk = [];
    private int _used;
    private int _count;

    // An iteration has started and its first op is not recorded yet: that op will carry the start.
    private bool _iterationPending;

    public int Count => _count;

    public void Delay(long cycles)
    {
        if (cycles < 0)
            throw new ArgumentOutOfRangeException(nameof(cycles), cycles, "expected a delay of at least 0 cycles");
        if (cycles > 0)
            Append(TraceOp.Delay(cycles));
    }

    /// <param name="initiationInterval">cycles between iteration issues; at least 1.</param>
    /// <param name="depth">cycles from an iteration's issue to its end (pipeline stages); at least 1.</param>
    public void BeginPipelinedLoop(int initiationInterval, int depth)
    {
        if (initiationInterval < 1)
            throw new ArgumentOutOfRangeException(nameof(initiationInterval), initiationInterval, "expected II >= 1");
        if (depth < 1)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "expected a pipeline depth >= 1");
        Append(TraceOp.PipelinedLoop(initiationInterval, depth));
    }

    public void BeginLoop() => Append(TraceOp.Loop());

    public void StartIteration() => Append(TraceOp.IterationStart());

    public void EndLoop() => Append(TraceOp.LoopEnd());

    public void WriteFifo(int fifo) => Append(TraceOp.FifoWrite(fifo));

    public void ReadFifo(int fifo) => Append(TraceOp.FifoRead(fifo));

    public void ReadPort(int port, long address, int bytes) => Append(TraceOp.PortRead(port, address, bytes));

    public void WritePort(int port, long address, int bytes) => Append(TraceOp.PortWrite(port, address, bytes));

    /// <summary>Records <paramref name="op"/>; an IterationStart is folded into the op that follows it.</summary>
    public void Append(in TraceOp op)
    {
        if (_iterationPending)
        {
            _iterationPending = false;
            if (op.Kind is not (TraceOpKind.IterationStart or TraceOpKind.LoopEnd) && !op.StartsIteration)
            {
                Store(op.StartingAnIteration());
                return;
            }
            Store(TraceOp.IterationStart());   // the iteration recorded nothing of its own
        }
        if (op.Kind == TraceOpKind.IterationStart)
            _iterationPending = true;
        else
            Store(op);
    }

    private void Store(in TraceOp op)
    {
        if (_used == _chunk.Length)
            NewChunk();
        _chunk[_used++] = op;
        _count++;
    }

    private void NewChunk()
    {
        if (_count > int.MaxValue - TraceOps.ChunkSize)
            throw new InvalidOperationException($"a process trace holds at most {int.MaxValue - TraceOps.ChunkSize:N0} ops");
        _chunk = new TraceOp[TraceOps.ChunkSize];
        _chunks.Add(_chunk);
        _used = 0;
    }

    /// <summary>Hands the recorded chunks to a trace without copying; the recorder starts again empty.</summary>
    public ProcessTrace Finish()
    {
        if (_iterationPending)
        {
            _iterationPending = false;
            Store(TraceOp.IterationStart());
        }
        var trace = new ProcessTrace(new TraceOps(_chunks.ToArray(), _count));
        _chunks.Clear();
        _chunk = [];
        _used = 0;
        _count = 0;
        return trace;
    }
}
