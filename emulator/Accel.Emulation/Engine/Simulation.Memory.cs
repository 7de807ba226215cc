namespace Accel.Emulation;

/// <summary>
/// Memory ports and channels. A burst needs one of the lane's outstanding slots: burst b may be requested
/// from the completion of burst b - outstanding. A read burst's beats are ready for the channel
/// latency cycles after the request; a write beat is ready in the cycle its last byte is written. A channel
/// serves one beat at a time, first the beat that became ready first (lower lane number on ties); a beat of
/// W bytes occupies it for W / (bandwidth / clock) cycles, and each lane starts at most one beat per cycle
/// (the port's width per cycle). A read beat's data is usable from the first whole cycle after it ends; a
/// read burst completes with its last beat, a write burst latency cycles after its last beat (the response).
/// </summary>
internal sealed partial class Simulation<TSink>
{
    /// <summary>Earliest cycle the access's new bursts may be requested (0 if it opens none), or -1 while a slot is held.</summary>
    private static long RequestReady(ref ProcessState ps, ProcessProgram program, in PortAccess access, PortLane lane)
    {
        if (access.NewBursts == 0)
            return 0;
        long lastSeq = program.Bursts[access.FirstNewBurst + access.NewBursts - 1].Seq;
        long ready = lane.SlotReady(lastSeq);
        if (ready < 0)
            Block(ref ps, WaitKind.BurstDone, lane.Index, lastSeq - lane.MaxOutstanding);
        return ready;
    }

    /// <summary>First cycle the access's read data is usable, or -1 while its last beat is not served.</summary>
    private static long DataReady(ref ProcessState ps, in PortAccess access, PortLane lane)
    {
        if (lane.BeatsServed > access.Beat)
            return lane.BeatDone[access.Beat];
        Block(ref ps, WaitKind.BeatDone, lane.Index, access.Beat);
        return -1;
    }

    private void RequestBursts(ProcessProgram program, in PortAccess access, PortLane lane, long cycle)
    {
        long ready = cycle + lane.LatencyCycles;
        for (int b = access.FirstNewBurst; b < access.FirstNewBurst + access.NewBursts; b++)
        {
            var plan = program.Bursts[b];
            long end = plan.FirstBeat + plan.Beats;
            lane.BeatReady.EnsureWindow(end);
            lane.BeatDone.EnsureWindow(end);
            for (long beat = plan.FirstBeat; beat < end; beat++)
                lane.BeatReady[beat] = ready;
            lane.BeatsProduced = end;
            lane.Request(end - 1);
            _sink.BurstRequested(lane.Index, cycle);
        }
    }

    private static void ConsumeRead(in PortAccess access, PortLane lane, int bytes)
    {
        lane.Bytes += bytes;
        // The next access may use the same beat (several elements per beat), so keep it.
        lane.BeatReady.Low = lane.BeatDone.Low = access.Beat;
    }

    private void WriteBeats(ProcessProgram program, in PortAccess access, PortLane lane, long cycle, int bytes)
    {
        for (int b = access.FirstNewBurst; b < access.FirstNewBurst + access.NewBursts; b++)
        {
            var plan = program.Bursts[b];
            lane.Request(plan.FirstBeat + plan.Beats - 1);
            _sink.BurstRequested(lane.Index, cycle);
        }
        long end = access.Beat + 1;
        lane.BeatReady.EnsureWindow(end);
        lane.BeatDone.EnsureWindow(end);
        for (long beat = lane.BeatsProduced; beat < end; beat++)
            lane.BeatReady[beat] = cycle;
        lane.BeatsProduced = Math.Max(lane.BeatsProduced, end);
        lane.Bytes += bytes;
    }

    /// <summary>
    /// Called when every unfinished process waits: serves beats in order of readiness until one wakes a
    /// process (true) or none is pending (false: deadlock).
    /// </summary>
    private bool ServeUntilWake()
    {
        while (true)
        {
            PortLane? next = null;
            long nextReady = long.MaxValue;
            foreach (var lane in _lanes)
            {
                if (!lane.HasPendingBeat)
                    continue;
                long ready = Math.Max(lane.BeatReady[lane.BeatsServed], lane.NextBeatCycle);
                if (ready < nextReady)
                {
                    next = lane;
                    nextReady = ready;
                }
            }
            if (next is null)
                return false;
            if (ServeBeat(next, nextReady))
                return true;
        }
    }

    private bool ServeBeat(PortLane lane, long ready)
    {
        var channel = _channels[lane.Channel];
        long unitsPerCycle = channel.UnitsPerCycle;
        long start = Math.Max(ready * unitsPerCycle, channel.FreeAtUnits);
        long end = start + lane.ServiceUnits;
        channel.FreeAtUnits = end;
        long startCycle = start / unitsPerCycle;
        long done = (end + unitsPerCycle - 1) / unitsPerCycle;
        lane.NextBeatCycle = startCycle + 1;

        long beat = lane.BeatsServed;
        lane.BeatDone[beat] = done;
        lane.BeatsServed = beat + 1;
        if (lane.IsWrite)
            lane.BeatReady.Low = lane.BeatDone.Low = beat + 1;
        _sink.Beat(lane.Index, startCycle, done);

        if (lane.EndsBurst(beat))
        {
            long completion = lane.IsWrite ? done + lane.LatencyCycles : done;
            lane.Complete(completion);
            _sink.BurstCompleted(lane.Index, completion);
        }

        ref var owner = ref _procs[lane.Owner];
        bool wakes = owner.WaitOn == lane.Index
            && ((owner.Wait == WaitKind.BeatDone && owner.WaitSeq < lane.BeatsServed)
                || (owner.Wait == WaitKind.BurstDone && owner.WaitSeq < lane.BurstsCompleted));
        if (wakes)
            Enqueue(lane.Owner);
        return wakes;
    }
}
