namespace Accel.Emulation;

internal enum WaitKind : byte
{
    None,
    FifoData,
    FifoSpace,
    BeatDone,
    BurstDone,
}

internal enum StallKind : byte
{
    Input,
    Output,
}

/// <summary>Position of one of a pipelined loop's two walks over its ops (see <see cref="Simulation{TSink}"/>).</summary>
internal struct PipelineCursor
{
    public int Pos;
    public long Iteration;
    public bool Done;
}

/// <summary>Run-time state of one process. Kept in an array and updated by reference.</summary>
internal struct ProcessState
{
    /// <summary>Next op to run (sequential mode) or the pipelined loop's LoopBegin (pipeline mode).</summary>
    public int Pos;

    /// <summary>The process's own clock: the first cycle at which its next op may happen.</summary>
    public long Cycle;

    public bool Finished;
    public bool Queued;

    /// <summary>A sequential port read whose bursts are already requested and that now waits for its data.</summary>
    public bool ReadRequested;

    public WaitKind Wait;
    public int WaitOn;
    public long WaitSeq;

    public long StalledOnInput;
    public long StalledOnOutput;

    public bool InPipeline;
    public long LoopStart;
    public long LoopStall;
    public int II;
    public int Depth;
    public PipelineCursor Issue;
    public PipelineCursor Retire;
}
