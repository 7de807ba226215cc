namespace Accel.Emulation;

/// <summary>
/// The event-driven timing engine. Every process keeps its own clock and runs ahead until it needs an event
/// that is not known yet (a FIFO write or read of its partner, a memory beat or burst completion); it is
/// queued again as soon as that event is recorded. When every unfinished process waits, the memory channels
/// place the pending beat that became ready first, which is safe because anything a process does later
/// happens after the event that wakes it. If nothing is pending either, the processes are deadlocked.
/// Files: this one (run loop, queue, wake-ups, report), .Sequential (straight-line ops), .Pipeline
/// (pipelined loops), .Memory (ports and channels).
/// </summary>
internal sealed partial class Simulation<TSink>
    where TSink : struct, IActivitySink
{
    private readonly DesignSpec _design;
    private readonly ProcessProgram[] _programs;
    private readonly ProcessState[] _procs;
    private readonly FifoState[] _fifos;
    private readonly PortLane[] _lanes;
    private readonly ChannelState[] _channels;
    private readonly PortLane[][] _writeLanesOf;
    private readonly int[] _queue;
    private int _queueHead;
    private int _queueCount;
    private int _finished;
    private TSink _sink;

    public Simulation(DesignSpec design, ProcessProgram[] programs, TSink sink)
    {
        _design = design;
        _programs = programs;
        _sink = sink;
        _procs = new ProcessState[programs.Length];
        _queue = new int[programs.Length];
        _fifos = [.. design.Fifos.Select(f => new FifoState(f))];
        _channels = [.. design.Channels.Select(c => new ChannelState(design.ClockHz, c.BandwidthBytesPerSecond))];
        _lanes = new PortLane[design.Ports.Count * 2];
        var sharedSlots = new Dictionary<(int Path, bool Write), BeatSlot>();
        for (int lane = 0; lane < _lanes.Length; lane++)
        {
            int port = Lanes.Port(lane);
            var spec = design.Ports[port];
            var slot = spec.DataPath < 0 ? new BeatSlot()
                : sharedSlots.TryGetValue((spec.DataPath, Lanes.IsWrite(lane)), out var shared) ? shared
                : sharedSlots[(spec.DataPath, Lanes.IsWrite(lane))] = new BeatSlot();
            _lanes[lane] = new PortLane(
                lane, spec, design.EffectiveLatencyCycles(port), _channels[spec.Channel].UnitsPerBeat(spec.BytesPerBeat), slot);
        }
        _writeLanesOf = [.. Enumerable.Range(0, programs.Length)
            .Select(p => _lanes.Where(l => l.IsWrite && l.Owner == p).ToArray())];
    }

    public TimingReport Run()
    {
        for (int p = 0; p < _procs.Length; p++)
            Enqueue(p);
        while (true)
        {
            while (_queueCount > 0)
                Advance(Dequeue());
            if (_finished == _procs.Length)
                break;
            if (!ServeUntilWake())
                throw DeadlockDiagnosis.Describe(_design, _procs, _fifos);
        }
        foreach (var fifo in _fifos)
            fifo.Finish();
        return BuildReport();
    }

    private void Advance(int p)
    {
        ref var ps = ref _procs[p];
        ps.Wait = WaitKind.None;
        while (true)
        {
            if (ps.InPipeline)
            {
                if (!RunPipeline(p, ref ps))
                    return;
            }
            else if (ps.Pos == _programs[p].Count)
            {
                TryFinish(p, ref ps);
                return;
            }
            else if (!RunSequential(p, ref ps))
            {
                return;
            }
        }
    }

    private void TryFinish(int p, ref ProcessState ps)
    {
        // A process ends when its last write is acknowledged, as an HLS function waits for its write responses.
        long end = ps.Cycle;
        foreach (var lane in _writeLanesOf[p])
        {
            if (lane.BurstsRequested == 0)
                continue;
            long last = lane.BurstsRequested - 1;
            if (lane.BurstsCompleted <= last)
            {
                Block(ref ps, WaitKind.BurstDone, lane.Index, last);
                return;
            }
            end = Math.Max(end, lane.CompletionCycle(last));
        }
        StallUntil(p, ref ps, end, StallKind.Output);
        ps.Finished = true;
        _finished++;
        _sink.Finished(p, ps.Cycle);
    }

    private static void Block(ref ProcessState ps, WaitKind wait, int on, long seq)
    {
        ps.Wait = wait;
        ps.WaitOn = on;
        ps.WaitSeq = seq;
    }

    /// <summary>Moves the process clock to <paramref name="cycle"/>, counting the gap as a stall.</summary>
    private void StallUntil(int p, ref ProcessState ps, long cycle, StallKind kind)
    {
        if (cycle <= ps.Cycle)
            return;
        AddStall(p, ref ps, ps.Cycle, cycle, kind);
        ps.Cycle = cycle;
    }

    private void AddStall(int p, ref ProcessState ps, long from, long to, StallKind kind)
    {
        if (kind == StallKind.Input)
            ps.StalledOnInput += to - from;
        else
            ps.StalledOnOutput += to - from;
        _sink.Stall(p, from, to, kind);
    }

    /// <summary>Earliest cycle a FIFO read or write of item may happen, or -1 (and the process set waiting on the
    /// FIFO) while its data or space is not there yet; kind is the stall a wait for it counts as.</summary>
    private long FifoReady(ref ProcessState ps, in TraceOp op, int item, out StallKind kind)
    {
        var fifo = _fifos[op.Index];
        bool write = op.Kind == TraceOpKind.FifoWrite;
        kind = write ? StallKind.Output : StallKind.Input;
        long ready = write ? fifo.WriteReady(item) : fifo.ReadReady(item);
        if (ready < 0)
            Block(ref ps, write ? WaitKind.FifoSpace : WaitKind.FifoData, op.Index, item);
        return ready;
    }

    /// <summary>A FIFO read or write happens at cycle at: recorded, traced, and the process across it woken.</summary>
    private void FireFifo(in TraceOp op, long at)
    {
        if (op.Kind == TraceOpKind.FifoWrite)
        {
            _fifos[op.Index].RecordWrite(at);
            _sink.FifoWrite(op.Index, at);
            WakeAfterFifoWrite(op.Index);
        }
        else
        {
            _fifos[op.Index].RecordRead(at);
            _sink.FifoRead(op.Index, at);
            WakeAfterFifoRead(op.Index);
        }
    }

    private void WakeAfterFifoWrite(int fifo)
    {
        var f = _fifos[fifo];
        ref var consumer = ref _procs[f.Consumer];
        if (consumer.Wait == WaitKind.FifoData && consumer.WaitOn == fifo && consumer.WaitSeq < f.Writes)
            Enqueue(f.Consumer);
    }

    private void WakeAfterFifoRead(int fifo)
    {
        var f = _fifos[fifo];
        ref var producer = ref _procs[f.Producer];
        if (producer.Wait == WaitKind.FifoSpace && producer.WaitOn == fifo && f.WriteReady((int)producer.WaitSeq) >= 0)
            Enqueue(f.Producer);
    }

    private void Enqueue(int p)
    {
        ref var ps = ref _procs[p];
        if (ps.Queued)
            return;
        ps.Queued = true;
        ps.Wait = WaitKind.None;
        _queue[(_queueHead + _queueCount) % _queue.Length] = p;
        _queueCount++;
    }

    private int Dequeue()
    {
        int p = _queue[_queueHead];
        _queueHead = (_queueHead + 1) % _queue.Length;
        _queueCount--;
        _procs[p].Queued = false;
        return p;
    }

    private TimingReport BuildReport()
    {
        long total = _procs.Length == 0 ? 0 : _procs.Max(p => p.Cycle);
        double seconds = total / (double)_design.ClockHz;
        var processes = _design.Processes.Select((spec, p) =>
        {
            var ps = _procs[p];
            return new ProcessTiming(spec.Name, ps.Cycle, ps.Cycle - ps.StalledOnInput - ps.StalledOnOutput,
                ps.StalledOnInput, ps.StalledOnOutput);
        }).ToArray();
        var fifos = _design.Fifos.Select((spec, i) =>
            new FifoTiming(spec.Name, spec.Depth, _fifos[i].MaxOccupancy, _fifos[i].Writes, _fifos[i].Reads)).ToArray();
        var ports = _design.Ports.Select((spec, port) =>
        {
            var read = _lanes[Lanes.Of(port, false)];
            var write = _lanes[Lanes.Of(port, true)];
            double gbps = seconds > 0 ? (read.Bytes + write.Bytes) / seconds / 1e9 : 0;
            return new PortTiming(spec.Name, _design.Channels[spec.Channel].Name, read.Bytes, write.Bytes,
                read.BurstsRequested, write.BurstsRequested, gbps);
        }).ToArray();
        return new TimingReport(total, _design.ClockMhz, processes, fifos, ports);
    }
}
