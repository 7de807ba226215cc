using System.Runtime.CompilerServices;

namespace Accel.Emulation;

/// <summary>
/// What the engine reports as it goes. The engine is generic over a struct implementing this, so with
/// <see cref="NoActivity"/> the JIT removes every call: tracing off costs nothing.
/// </summary>
internal interface IActivitySink
{
    void Stall(int process, long from, long to, StallKind kind);

    void Finished(int process, long cycle);

    void FifoWrite(int fifo, long cycle);

    void FifoRead(int fifo, long cycle);

    void BurstRequested(int lane, long cycle);

    void BurstCompleted(int lane, long cycle);

    void Beat(int lane, long startCycle, long doneCycle);
}

internal readonly struct NoActivity : IActivitySink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Stall(int process, long from, long to, StallKind kind) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Finished(int process, long cycle) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FifoWrite(int fifo, long cycle) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FifoRead(int fifo, long cycle) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BurstRequested(int lane, long cycle) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BurstCompleted(int lane, long cycle) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Beat(int lane, long startCycle, long doneCycle) { }
}

internal readonly struct RecordActivity(ActivityLog log) : IActivitySink
{
    public void Stall(int process, long from, long to, StallKind kind) =>
        log.Add(kind == StallKind.Input ? ActivityKind.StallOnInput : ActivityKind.StallOnOutput, process, from, to);

    public void Finished(int process, long cycle) => log.Add(ActivityKind.ProcessFinished, process, cycle, cycle);

    public void FifoWrite(int fifo, long cycle) => log.Add(ActivityKind.FifoWrite, fifo, cycle, cycle);

    public void FifoRead(int fifo, long cycle) => log.Add(ActivityKind.FifoRead, fifo, cycle, cycle);

    public void BurstRequested(int lane, long cycle) => log.Add(ActivityKind.BurstRequested, lane, cycle, cycle);

    public void BurstCompleted(int lane, long cycle) => log.Add(ActivityKind.BurstCompleted, lane, cycle, cycle);

    public void Beat(int lane, long startCycle, long doneCycle) => log.Add(ActivityKind.Beat, lane, startCycle, doneCycle);
}
