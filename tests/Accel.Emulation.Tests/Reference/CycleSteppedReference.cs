namespace Accel.Emulation.Tests.Reference;

internal sealed record ReferenceResult(
    bool Deadlocked,
    long TotalCycles,
    long[] Finish,
    long[] Active,
    long[] StalledOnInput,
    long[] StalledOnOutput,
    int[] FifoMaxOccupancy,
    long[] PortBytes,
    long[] PortRequests);

/// <summary>
/// The timing model stepped one cycle at a time, written for plainness rather than speed: in every cycle each
/// process tries its current op (all ops of the current virtual cycle inside a pipelined loop, which happen
/// together or not at all), then each channel places the beats that may start in that cycle. Histories are
/// kept whole. Cross-process effects always take at least one cycle, so the order of processes within a
/// cycle does not matter. Deadlock = nothing happens for <c>idleLimit</c> cycles.
/// </summary>
internal static class CycleSteppedReference
{
    public static ReferenceResult Run(DesignSpec design, IReadOnlyList<ProcessTrace> traces, int idleLimit = 5000)
    {
        var memory = new ReferenceMemory(design);
        var programs = traces.Select((trace, p) => ReferenceProgram.Build(design, p, trace, memory)).ToArray();
        memory.FinishPlanning();
        var machine = new Machine(design, programs, memory);

        int idle = 0;
        for (long t = 0; ; t++)
        {
            bool progress = false;
            foreach (var proc in machine.Procs)
                progress |= machine.Step(proc, t);
            for (int c = 0; c < design.Channels.Count; c++)
                progress |= machine.Serve(c, t);
            machine.RecordOccupancy();
            if (machine.Procs.All(p => p.Finished))
                break;
            idle = progress ? 0 : idle + 1;
            if (idle > idleLimit)
                return machine.Result(deadlocked: true);
        }
        return machine.Result(deadlocked: false);
    }

    private sealed class Proc(int index, ReferenceProgram program)
    {
        public readonly int Index = index;
        public readonly ReferenceProgram Program = program;
        public int Pc;
        public long BusyUntil;
        public bool ReadRequested;
        public bool InPipeline;
        public long V;
        public int NextEvent;
        public bool Finished;
        public long Finish, Active, StallIn, StallOut;
    }

    private sealed class Machine(DesignSpec design, ReferenceProgram[] programs, ReferenceMemory memory)
    {
        public readonly Proc[] Procs = [.. programs.Select((program, p) => new Proc(p, program))];
        private readonly List<long>[] _writes = [.. design.Fifos.Select(_ => new List<long>())];
        private readonly List<long>[] _reads = [.. design.Fifos.Select(_ => new List<long>())];
        private readonly int[] _maxOccupancy = new int[design.Fifos.Count];
        private readonly long[] _channelFree = new long[design.Channels.Count];
        private readonly int[] _completedBursts = new int[memory.Lanes.Length];

        /// <summary>One cycle of one process; true when something happened.</summary>
        public bool Step(Proc proc, long t)
        {
            if (proc.Finished)
                return false;
            var steps = proc.Program.Steps;
            while (true)
            {
                if (proc.BusyUntil > t)
                {
                    proc.Active++;
                    return true;
                }
                if (proc.Pc == steps.Count)
                    return TryFinish(proc, t);
                var step = steps[proc.Pc];
                switch (step.Kind)
                {
                    case StepKind.Delay:
                        proc.BusyUntil = t + step.A;
                        proc.Pc++;
                        continue;
                    case StepKind.Pipeline:
                        if (!proc.InPipeline)
                        {
                            proc.InPipeline = true;
                            proc.V = 0;
                            proc.NextEvent = 0;
                        }
                        if (proc.V == step.A)
                        {
                            proc.InPipeline = false;
                            proc.Pc++;
                            continue;
                        }
                        return StepPipeline(proc, step.Events, t);
                    case StepKind.PortRead:
                    {
                        var access = step.Access!;
                        bool requestedNow = false;
                        if (!proc.ReadRequested)
                        {
                            if (!SlotsFree(access, t))
                                return Stall(proc, input: true);
                            Request(access, t);
                            proc.ReadRequested = requestedNow = true;
                        }
                        if (!DataReady(access, t))
                        {
                            Stall(proc, input: true);
                            return requestedNow;
                        }
                        Consume(access);
                        proc.ReadRequested = false;
                        proc.Pc++;
                        proc.Active++;
                        return true;
                    }
                    default:
                        if (!CanFire(step, Phase.Whole, t))
                            return Stall(proc, input: step.Kind == StepKind.FifoRead);
                        Fire(step, Phase.Whole, t);
                        proc.Pc++;
                        proc.Active++;
                        return true;
                }
            }
        }

        private bool StepPipeline(Proc proc, List<PipeEvent> events, long t)
        {
            int end = proc.NextEvent;
            while (end < events.Count && events[end].V == proc.V)
                end++;
            for (int e = proc.NextEvent; e < end; e++)
            {
                var ev = events[e];
                if (!CanFire(ev.Step, ev.Phase, t))
                    return Stall(proc, input: ev.Step.Kind is StepKind.FifoRead or StepKind.PortRead);
            }
            for (int e = proc.NextEvent; e < end; e++)
                Fire(events[e].Step, events[e].Phase, t);
            proc.NextEvent = end;
            proc.V++;
            proc.Active++;
            return true;
        }

        private bool TryFinish(Proc proc, long t)
        {
            foreach (var lane in memory.Lanes.Where(l => l.IsWrite && l.Spec.Owner == proc.Index && l.BurstCompletion.Count > 0))
            {
                if (lane.BurstCompletion[^1] is not long done || done > t)
                    return Stall(proc, input: false);
            }
            proc.Finished = true;
            proc.Finish = t;
            return true;
        }

        private static bool Stall(Proc proc, bool input)
        {
            if (input)
                proc.StallIn++;
            else
                proc.StallOut++;
            return false;
        }

        private bool CanFire(Step step, Phase phase, long t)
        {
            switch (step.Kind)
            {
                case StepKind.FifoRead:
                {
                    var spec = design.Fifos[(int)step.A];
                    var writes = _writes[step.A];
                    return step.B < writes.Count && writes[step.B] + spec.ReadLatency <= t;
                }
                case StepKind.FifoWrite:
                {
                    var spec = design.Fifos[(int)step.A];
                    var reads = _reads[step.A];
                    int freeing = step.B - spec.Depth;
                    return freeing < 0 || (freeing < reads.Count && reads[freeing] + 1 <= t);
                }
                case StepKind.PortRead when phase == Phase.Consume:
                    return DataReady(step.Access!, t);
                default:
                    return SlotsFree(step.Access!, t);
            }
        }

        private void Fire(Step step, Phase phase, long t)
        {
            switch (step.Kind)
            {
                case StepKind.FifoRead:
                    _reads[step.A].Add(t);
                    break;
                case StepKind.FifoWrite:
                    _writes[step.A].Add(t);
                    break;
                case StepKind.PortRead when phase == Phase.Request:
                    Request(step.Access!, t);
                    break;
                case StepKind.PortRead:
                    Consume(step.Access!);
                    break;
                default:
                {
                    var access = step.Access!;
                    access.Lane.Requested += access.NewBursts.Count;
                    foreach (int beat in access.CompletedBeats)
                        access.Lane.BeatReady[beat] = t;
                    access.Lane.Bytes += access.Bytes;
                    break;
                }
            }
        }

        private static bool SlotsFree(ReferenceAccess access, long t) =>
            access.NewBursts.All(b => access.Lane.SlotFreeFor(b, t));

        private static void Request(ReferenceAccess access, long t)
        {
            var lane = access.Lane;
            foreach (int burst in access.NewBursts)
            {
                for (int beat = lane.BurstFirstBeat[burst]; beat <= lane.BurstLastBeat[burst]; beat++)
                    lane.BeatReady[beat] = t + lane.Latency;
                lane.Requested++;
            }
        }

        private static bool DataReady(ReferenceAccess access, long t) =>
            access.Lane.BeatDone[access.LastBeat] is long done && done <= t;

        private static void Consume(ReferenceAccess access) => access.Lane.Bytes += access.Bytes;

        /// <summary>
        /// Places beats on channel <paramref name="c"/> that start in cycle t. Time is counted in units of
        /// 1/bandwidth cycle, so a cycle is `bandwidth` units and a beat of W bytes W * clockHz units.
        /// </summary>
        public bool Serve(int c, long t)
        {
            long unitsPerCycle = design.Channels[c].BandwidthBytesPerSecond;
            var lanes = memory.Lanes.Select((lane, index) => (lane, index)).Where(x => x.lane.Spec.Channel == c).ToList();
            bool any = false;
            while (_channelFree[c] < (t + 1) * unitsPerCycle)
            {
                (ReferenceLane Lane, int Index)? next = null;
                long nextReady = long.MaxValue;
                foreach (var (lane, index) in lanes)
                {
                    if (lane.Served >= lane.BeatReady.Count || lane.BeatReady[lane.Served] is not long ready)
                        continue;
                    long effective = Math.Max(ready, lane.NextBeatCycle);
                    if (effective <= t && effective < nextReady)
                    {
                        next = (lane, index);
                        nextReady = effective;
                    }
                }
                if (next is not var (chosen, laneIndex))
                    break;
                long start = Math.Max(_channelFree[c], t * unitsPerCycle);
                long end = start + chosen.Spec.BytesPerBeat * design.ClockHz;
                _channelFree[c] = end;
                chosen.NextBeatCycle = start / unitsPerCycle + 1;
                long done = (end + unitsPerCycle - 1) / unitsPerCycle;
                int beat = chosen.Served++;
                chosen.BeatDone[beat] = done;
                int burst = _completedBursts[laneIndex];
                if (chosen.BurstLastBeat[burst] == beat)
                {
                    chosen.BurstCompletion[burst] = chosen.IsWrite ? done + chosen.Latency : done;
                    _completedBursts[laneIndex]++;
                }
                any = true;
            }
            return any;
        }

        public void RecordOccupancy()
        {
            for (int f = 0; f < _maxOccupancy.Length; f++)
                _maxOccupancy[f] = Math.Max(_maxOccupancy[f], _writes[f].Count - _reads[f].Count);
        }

        public ReferenceResult Result(bool deadlocked) => new(
            deadlocked,
            Procs.Max(p => p.Finish),
            [.. Procs.Select(p => p.Finish)],
            [.. Procs.Select(p => p.Active)],
            [.. Procs.Select(p => p.StallIn)],
            [.. Procs.Select(p => p.StallOut)],
            _maxOccupancy,
            [.. design.Ports.Select((_, port) => memory.Lanes[2 * port].Bytes + memory.Lanes[2 * port + 1].Bytes)],
            [.. design.Ports.Select((_, port) => (long)memory.Lanes[2 * port].Requested + memory.Lanes[2 * port + 1].Requested)]);
    }
}
