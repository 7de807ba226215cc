namespace Accel.Emulation.Kernels;

/// <summary>The copies of an unrolled loop whose one pipelined loop runs side by side (<see cref="LoopTiming.SideBySide"/>).
/// The run records the copies one after another; this holds each copy's loop by iteration and replays them as one
/// pipeline whose iteration k holds iteration k of every copy (in copy order), so their cycles count once. What a
/// copy records outside its loop goes before the replayed loop (before the loop) or after it (after the loop).
/// Buffers are kept between uses, so a group inside a loop allocates once.</summary>
internal sealed class SideBySideCopies
{
    private readonly List<List<TraceOp>> loops = new();     // each copy's loop ops
    private readonly List<List<int>> iterations = new();    // where each of its iterations starts
    private readonly List<TraceOp> after = new();
    private int copies;
    private LoopTiming? timing;

    public bool Active { get; private set; }
    /// <summary>The current copy is inside its pipelined loop: its ops go to that copy's iterations.</summary>
    public bool InLoop { get; private set; }
    private bool loopDone;

    public void Begin()
    {
        Active = true;
        copies = 0;
        after.Clear();
        timing = null;
    }

    public void NextCopy()
    {
        if (loops.Count == copies)
        {
            loops.Add(new List<TraceOp>());
            iterations.Add(new List<int>());
        }
        loops[copies].Clear();
        iterations[copies].Clear();
        copies++;
        InLoop = loopDone = false;
    }

    /// <summary>Whether a loop beginning now is the copy's side by side loop (the first pipelined one of the copy).</summary>
    public bool Captures(LoopTiming loop) => Active && copies > 0 && !InLoop && !loopDone && loop.Kind == LoopKind.Pipelined;

    public void BeginLoop(LoopTiming loop)
    {
        timing = loop;
        InLoop = true;
    }

    public void StartIteration() => iterations[copies - 1].Add(loops[copies - 1].Count);

    public void EndLoop() => (InLoop, loopDone) = (false, true);

    /// <summary>Takes an op when it belongs to a copy's loop or follows it (false: the caller records it in place).</summary>
    public bool Take(in TraceOp op)
    {
        if (!Active || !(InLoop || loopDone)) return false;
        if (InLoop) loops[copies - 1].Add(op);
        else after.Add(op);
        return true;
    }

    /// <summary>Records the copies' loops as one pipeline, then what followed them.</summary>
    public void End(TraceRecorder recorder)
    {
        Active = InLoop = false;
        if (timing is { } t)
        {
            recorder.BeginPipelinedLoop(t.II, t.Depth);
            int longest = 0;
            for (int c = 0; c < copies; c++) longest = Math.Max(longest, iterations[c].Count);
            for (int k = 0; k < longest; k++)
            {
                recorder.StartIteration();
                for (int c = 0; c < copies; c++)
                {
                    var starts = iterations[c];
                    if (k >= starts.Count) continue;
                    int end = k + 1 < starts.Count ? starts[k + 1] : loops[c].Count;
                    for (int i = starts[k]; i < end; i++) recorder.Append(loops[c][i]);
                }
            }
            recorder.EndLoop();
        }
        foreach (var op in after) recorder.Append(op);
    }
}
