namespace Accel.Emulation.Tests;

/// <summary>Small helpers that keep hand-built traces readable.</summary>
internal static class TraceBuilding
{
    public static ProcessTrace Record(Action<TraceRecorder> body)
    {
        var recorder = new TraceRecorder();
        body(recorder);
        return recorder.Finish();
    }

    /// <summary>A pipelined loop of <paramref name="iterations"/> iterations, each recorded by <paramref name="iteration"/>.</summary>
    public static void Pipelined(this TraceRecorder t, int ii, int depth, int iterations, Action<int> iteration)
    {
        t.BeginPipelinedLoop(ii, depth);
        for (int k = 0; k < iterations; k++)
        {
            t.StartIteration();
            iteration(k);
        }
        t.EndLoop();
    }

    /// <summary>A plain (not pipelined) loop.</summary>
    public static void Plain(this TraceRecorder t, int iterations, Action<int> iteration)
    {
        t.BeginLoop();
        for (int k = 0; k < iterations; k++)
        {
            t.StartIteration();
            iteration(k);
        }
        t.EndLoop();
    }
}
