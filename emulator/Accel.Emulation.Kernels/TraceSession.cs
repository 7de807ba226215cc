using System.Runtime.CompilerServices;
using Accel.Codegen.Frontend;
using Accel.Codegen.Ir.Analysis;
using Accel.Hw;
using Accel.Codegen.Reference;

namespace Accel.Emulation.Kernels;

/// <summary>Records one run of a hooked kernel: a trace per process, which ports and FIFOs each process
/// touched. Contiguous accesses of one port inside one iteration are merged before they are recorded (the
/// engine would coalesce them into the same burst anyway), which keeps traces small.</summary>
internal sealed class TraceSession : StreamObserver
{
    private readonly KernelTiming timing;
    private readonly List<TraceRecorder> recorders = new();
    private readonly List<string> processNames = new();
    private readonly Stack<LoopFrame> loops = new();
    private readonly TraceRoom room = new();
    private readonly object[] portArrays;
    private readonly int[] portElementBytes;
    /// <summary>Per port: its elements are structs, whose fields C# reads and writes one at a time.</summary>
    private readonly bool[] portOfStructs;
    /// <summary>Per port of structs: the elements touched in <see cref="structEpoch"/> (the epoch of the map) and the
    /// directions already charged for each (1 read, 2 write).</summary>
    private readonly (Dictionary<long, int> Charged, long Epoch)[] structTouches;
    /// <summary>Advanced at every loop iteration and loop boundary: within one, the fields of one struct element that
    /// the kernel reads (or writes) are one access of the aggregated element, as Vitis reads (writes) the wide word
    /// once; the README's "Ports of structs" says why.</summary>
    private long structEpoch;
    private readonly List<object> fifos = new();
    private readonly IReadOnlyList<object> axisStreams;
    private readonly Dictionary<int, int> fifoOps = new(); // kernel-side operations per axis FIFO
    private readonly SideBySideCopies copies = new();
    private int process;
    private int pipelines;

    // The pending merged port access of the current process.
    private int pendingPort = -1, pendingKind, pendingBytes;
    private long pendingAddress;


    /// <param name="pingPongs">the region's ping-pong buffers: channels 0..n-1, before the streams the run creates</param>
    /// <param name="axis">the top's [Axis] streams: the channels after the ping-pong buffers, each with an outside
    /// end (<see cref="AxisPorts"/>)</param>
    public TraceSession(KernelTiming timing, IReadOnlyList<Array> ports, string topName, IReadOnlyList<PingPongBuffer> pingPongs, IReadOnlyList<object> axis)
    {
        PingPongs = pingPongs;
        foreach (var buffer in pingPongs)
        {
            fifos.Add(buffer);
            Fifos.Add((PingPongBuffer.Depth, buffer.Producer + 1, buffer.Consumer + 1));
        }
        axisStreams = axis;
        foreach (var stream in axis)
        {
            fifos.Add(stream);
            Fifos.Add((AxisPorts.RegisterSliceDepth, -1, -1));
        }
        this.timing = timing;
        portArrays = ports.Cast<object>().ToArray();
        portElementBytes = ports.Select(ElementBytes).ToArray();
        portOfStructs = ports.Select(p => StructBytes.IsStruct(p.GetType().GetElementType()!)).ToArray();
        structTouches = ports.Select(_ => (new Dictionary<long, int>(), -1L)).ToArray();
        recorders.Add(new TraceRecorder());
        processNames.Add(topName);
        PortOwners = Enumerable.Repeat(-1, ports.Count).ToArray();
    }

    /// <summary>An element's bytes on the bus: an ap value's container, a struct's padded width, as Vitis packs the port.</summary>
    private static int ElementBytes(Array port) => port.GetType().GetElementType() switch
    {
        { } e when Accel.Hw.ApBits.IsTyped(e) => Accel.Hw.ApBits.Format(e).ContainerBits / 8,
        { } e when StructBytes.IsStruct(e) => StructBytes.ElementBytes(e),
        _ => Buffer.ByteLength(port) / Math.Max(1, port.Length),
    };

    public bool IsDataflow { get; private set; }
    /// <summary>The channels 0..n-1: ping-pong buffers of the dataflow region.</summary>
    public IReadOnlyList<PingPongBuffer> PingPongs { get; }
    public int[] PortOwners { get; }
    public IReadOnlyList<string> ProcessNames => processNames;
    public List<(int Depth, int Producer, int Consumer)> Fifos { get; } = new();

    private TraceRecorder Recorder => recorders[process];

    public void Enter(long cycles)
    {
        // 0: a specialisation of a generic method without straight-line cycles of its own (another one has some).
        if (pipelines > 0 || cycles <= 0) return;
        Flush();
        Record(TraceOp.Delay(cycles));
    }

    public void LoopBegin(int loop, string name, long trips)
    {
        structEpoch++;
        var t = timing.Loops[loop];
        bool traced = pipelines == 0;
        RunActivity.InLoop(name);
        if (traced)
        {
            if (trips > 0) room.Require(name, trips, recorders);
            Flush();
        }
        bool captured = traced && copies.Captures(t);
        if (captured) copies.BeginLoop(t);
        else if (traced && t.Kind == LoopKind.Pipelined) Recorder.BeginPipelinedLoop(t.II, t.Depth);
        else if (traced) Recorder.BeginLoop();
        bool pipelined = traced && t.Kind == LoopKind.Pipelined;
        if (pipelined) pipelines++;
        loops.Push(new LoopFrame(t, traced, pipelined, captured, name));
    }

    /// <summary>A loop instance running now: its timing (looked up once, not per iteration) and iterations so far.</summary>
    /// <param name="captured">a side by side copy's loop, held until the copies are replayed together</param>
    private sealed class LoopFrame(LoopTiming timing, bool traced, bool pipelined, bool captured, string name)
    {
        public LoopTiming Timing { get; } = timing;
        public bool Traced { get; } = traced;
        public bool Pipelined { get; } = pipelined;
        public bool Captured { get; } = captured;
        public string Name { get; } = name;
        public long Iterations { get; set; }
    }

    public void Iteration()
    {
        structEpoch++;
        var frame = loops.Peek();
        if (!frame.Traced) return;
        var t = frame.Timing;
        if (t.UnrollFactor > 1 && frame.Iterations++ % t.UnrollFactor != 0) return; // a partially unrolled loop: a group of iterations is one pass
        Flush();
        if (frame.Captured) copies.StartIteration();
        else Recorder.StartIteration();
        if (t.Kind == LoopKind.Sequential && t.BodyCycles > 0) Recorder.Delay(t.BodyCycles);
    }

    public void LoopEnd()
    {
        structEpoch++;
        var frame = loops.Pop();
        RunActivity.InLoop(loops.Count > 0 ? loops.Peek().Name : null);
        if (!frame.Traced) return;
        Flush();
        if (frame.Captured) copies.EndLoop();
        else Recorder.EndLoop();
        if (frame.Pipelined) pipelines--;
    }

    /// <summary>An unrolled loop whose copies of its pipelined loop run side by side begins.</summary>
    public void CopiesBegin()
    {
        Flush();
        copies.Begin();
    }

    public void NextCopy()
    {
        Flush();
        copies.NextCopy();
    }

    public void CopiesEnd()
    {
        Flush();
        copies.End(Recorder);
    }

    public void BeginProcess(int index, string name)
    {
        Flush();
        IsDataflow = true;
        // Process 0 is the top; dataflow processes follow in call order.
        while (recorders.Count <= index + 1) { recorders.Add(new TraceRecorder()); processNames.Add(""); }
        processNames[index + 1] = $"{index}:{name}";
        process = index + 1;
        RunActivity.InProcess(processNames[process]);
        for (int b = 0; b < PingPongs.Count; b++)
            if (PingPongs[b].Consumer == index) Recorder.ReadFifo(b); // starts once its producer has finished the block
    }

    public void EndProcess()
    {
        Flush();
        for (int b = 0; b < PingPongs.Count; b++)
            if (PingPongs[b].Producer == process - 1) Recorder.WriteFifo(b); // the block is handed over when the process ends
        process = 0;
        RunActivity.InProcess(null);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Touch(object array, int index, int kind)
    {
        int port = -1;
        for (int i = 0; i < portArrays.Length; i++)
            if (ReferenceEquals(portArrays[i], array)) { port = i; break; }
        if (port < 0) return; // an on-chip array passed down: not off-chip traffic
        if (PortOwners[port] != process) ClaimPort(port);
        int bytes = portElementBytes[port];
        long address = (long)index * bytes;
        if (portOfStructs[port] && (kind = UnchargedKind(port, address, kind)) < 0) return;
        if (port == pendingPort && kind == pendingKind && address == pendingAddress + pendingBytes)
        {
            pendingBytes += bytes;
            return;
        }
        StartAccess(port, kind, address, bytes);
    }

    /// <summary>The part of a touch of a struct element not yet charged in this epoch (as the schedule counts one read
    /// and one write of an element an iteration, whatever fields it reads and writes): its kind, or -1 for none.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int UnchargedKind(int port, long address, int kind)
    {
        int directions = (kind != 1 ? 1 : 0) | (kind != 0 ? 2 : 0);
        ref var touches = ref structTouches[port];
        if (touches.Epoch != structEpoch)
        {
            touches.Charged.Clear();
            touches.Epoch = structEpoch;
        }
        int charged = touches.Charged.GetValueOrDefault(address);
        touches.Charged[address] = charged | directions;
        return (directions & ~charged) switch { 0 => -1, 1 => 0, 2 => 1, _ => 2 };
    }

    // Out of the hot path above, so that it stays small enough to inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ClaimPort(int port)
    {
        if (PortOwners[port] < 0) PortOwners[port] = process;
        else throw new InvalidOperationException($"port {port} is used by two dataflow processes ({processNames[PortOwners[port]]} and {processNames[process]}); give each process its own m_axi port");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void StartAccess(int port, int kind, long address, int bytes)
    {
        Flush();
        (pendingPort, pendingKind, pendingAddress, pendingBytes) = (port, kind, address, bytes);
    }

    private void Flush()
    {
        if (pendingPort < 0) return;
        if (pendingKind != 1) Record(TraceOp.PortRead(pendingPort, pendingAddress, pendingBytes));
        if (pendingKind != 0) Record(TraceOp.PortWrite(pendingPort, pendingAddress, pendingBytes));
        pendingPort = -1;
    }

    /// <summary>An op of the current process, held back while it belongs to side by side copies.</summary>
    private void Record(in TraceOp op)
    {
        if (!copies.Take(op)) Recorder.Append(op);
    }

    public override void Created(object stream, int depth)
    {
        fifos.Add(stream);
        Fifos.Add((depth, -1, -1));
    }

    public override void Written(object stream) => Crossed(stream, write: true);

    public override void Read(object stream) => Crossed(stream, write: false);

    /// <summary>A word into or out of a FIFO: the first process that writes it is its producer, the first that reads
    /// it its consumer.</summary>
    private void Crossed(object stream, bool write)
    {
        int fifo = FifoIndex(stream);
        Flush();
        var f = Fifos[fifo];
        Fifos[fifo] = write
            ? f with { Producer = f.Producer < 0 ? process : f.Producer }
            : f with { Consumer = f.Consumer < 0 ? process : f.Consumer };
        Record(write ? TraceOp.FifoWrite(fifo) : TraceOp.FifoRead(fifo));
        CountAxis(fifo);
    }

    private int FifoIndex(object stream)
    {
        for (int i = 0; i < fifos.Count; i++) if (ReferenceEquals(fifos[i], stream)) return i;
        throw new InvalidOperationException("a stream that was not created during this run");
    }

    private void CountAxis(int fifo)
    {
        if (fifo >= PingPongs.Count && fifo < PingPongs.Count + axisStreams.Count) fifoOps[fifo] = fifoOps.GetValueOrDefault(fifo) + 1;
    }

    /// <summary>The traces, with one outside process per axis port appended: it moves as many words as the kernel did.</summary>
    public IReadOnlyList<ProcessTrace> Finish(IReadOnlyList<string> axisNames)
    {
        Flush();
        for (int i = 0; i < axisStreams.Count; i++)
        {
            int fifo = PingPongs.Count + i;
            bool kernelReads = Fifos[fifo].Consumer >= 0;
            processNames.Add(AxisPorts.ProcessName(axisNames[i]));
            recorders.Add(AxisPorts.Trace(fifo, fifoOps.GetValueOrDefault(fifo), kernelReads));
            int outside = recorders.Count - 1;
            Fifos[fifo] = kernelReads ? Fifos[fifo] with { Producer = outside } : Fifos[fifo] with { Consumer = outside };
        }
        return recorders.Select(r => r.Finish()).ToList();
    }
}
