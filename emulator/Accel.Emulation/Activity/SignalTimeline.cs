namespace Accel.Emulation;

internal enum SignalKind : byte
{
    /// <summary>0 finished, 1 active, 2 stalled on input, 3 stalled on output.</summary>
    ProcessState,
    FifoOccupancy,
    OutstandingBursts,

    /// <summary>1 while a beat of the lane is on its channel.</summary>
    BeatActive,
}

internal readonly record struct Signal(SignalKind Kind, int Subject, string Scope, string Name, int Width);

/// <summary>
/// Turns an activity log (recorded out of time order) into time-ordered value changes of per-element signals,
/// shared by the waveform and trace writers.
/// </summary>
internal sealed class SignalTimeline
{
    public const int Finished = 0, Active = 1, StalledOnInput = 2, StalledOnOutput = 3;

    private readonly List<(long Cycle, long Order, int Signal, int Value, bool IsDelta)> _changes = [];

    public SignalTimeline(ActivityLog log)
    {
        var design = log.RequireDesign();
        var signalOf = new Dictionary<(SignalKind, int), int>();
        int Add(SignalKind kind, int subject, string scope, string name, int width)
        {
            signalOf[(kind, subject)] = Signals.Count;
            Signals.Add(new Signal(kind, subject, scope, name, width));
            return Signals.Count - 1;
        }

        for (int p = 0; p < design.Processes.Count; p++)
            _changes.Add((0, -1, Add(SignalKind.ProcessState, p, "processes", design.Processes[p].Name, 2), Active, false));
        for (int f = 0; f < design.Fifos.Count; f++)
            Add(SignalKind.FifoOccupancy, f, "fifos", design.Fifos[f].Name, BitsFor(design.Fifos[f].Depth));
        for (int lane = 0; lane < design.Ports.Count * 2; lane++)
        {
            var port = design.Ports[Lanes.Port(lane)];
            string name = port.Name + (Lanes.IsWrite(lane) ? "_write" : "_read");
            Add(SignalKind.OutstandingBursts, lane, "ports", name + "_outstanding", BitsFor(port.MaxOutstanding));
            Add(SignalKind.BeatActive, lane, "ports", name + "_beat", 1);
        }

        var events = log.Events;
        for (int i = 0; i < events.Length; i++)
        {
            var e = events[i];
            void Set(long cycle, SignalKind kind, int value) => _changes.Add((cycle, i, signalOf[(kind, e.Subject)], value, false));
            void Step(long cycle, SignalKind kind, int delta) => _changes.Add((cycle, i, signalOf[(kind, e.Subject)], delta, true));
            switch (e.Kind)
            {
                case ActivityKind.StallOnInput:
                case ActivityKind.StallOnOutput:
                    Set(e.Cycle, SignalKind.ProcessState, e.Kind == ActivityKind.StallOnInput ? StalledOnInput : StalledOnOutput);
                    Set(e.EndCycle, SignalKind.ProcessState, Active);
                    break;
                case ActivityKind.ProcessFinished:
                    Set(e.Cycle, SignalKind.ProcessState, Finished);
                    break;
                case ActivityKind.FifoWrite:
                case ActivityKind.FifoRead:
                    Step(e.Cycle, SignalKind.FifoOccupancy, e.Kind == ActivityKind.FifoWrite ? +1 : -1);
                    break;
                case ActivityKind.BurstRequested:
                case ActivityKind.BurstCompleted:
                    Step(e.Cycle, SignalKind.OutstandingBursts, e.Kind == ActivityKind.BurstRequested ? +1 : -1);
                    break;
                case ActivityKind.Beat:
                    Step(e.Cycle, SignalKind.BeatActive, +1);
                    Step(e.EndCycle, SignalKind.BeatActive, -1);
                    break;
            }
        }
        // Within a cycle, keep each element's own recording order (it is chronological per element).
        _changes.Sort((a, b) => a.Cycle != b.Cycle ? a.Cycle.CompareTo(b.Cycle) : a.Order.CompareTo(b.Order));
    }

    public List<Signal> Signals { get; } = [];

    /// <summary>
    /// Each signal's value at the end of every cycle in which it changed, in time order; every signal appears
    /// at cycle 0 (processes start active, counters at 0).
    /// </summary>
    public IEnumerable<(long Cycle, int Signal, long Value)> Changes()
    {
        var level = new long[Signals.Count];
        var shown = new long[Signals.Count];
        Array.Fill(shown, -1);
        var dirty = new SortedSet<int>(Enumerable.Range(0, Signals.Count));
        int i = 0;
        // Process-state entries at cycle 0 always exist, so the first group is cycle 0 and shows every signal.
        while (i < _changes.Count)
        {
            long cycle = _changes[i].Cycle;
            for (; i < _changes.Count && _changes[i].Cycle == cycle; i++)
            {
                var c = _changes[i];
                level[c.Signal] = c.IsDelta ? level[c.Signal] + c.Value : c.Value;
                dirty.Add(c.Signal);
            }
            foreach (int s in dirty)
            {
                long value = Displayed(s, level[s]);
                if (value != shown[s])
                {
                    shown[s] = value;
                    yield return (cycle, s, value);
                }
            }
            dirty.Clear();
        }

        long Displayed(int s, long raw) => Signals[s].Kind == SignalKind.BeatActive ? Math.Min(raw, 1) : raw;
    }

    private static int BitsFor(int maxValue) => Math.Max(1, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue));
}
