using Accel.Emulation;
using Accel.Omap.Host;

namespace Accel.Omap.Timing;

/// <summary>
/// Times a batch of oblivious-map requests on a U55C with the cycle-level engine (Accel.Emulation). Two dataflow
/// processes joined by a FIFO of flush commands:
/// <list type="bullet">
/// <item><c>controller</c> (HBM[2]): per request its dependent HBM reads, one at a time, and its posted writes, then
/// one command into the FIFO;</item>
/// <item><c>page_dma</c> (PCIe Gen3 x16 host link): one pipelined loop (II 1, depth = link latency + 2, so reads
/// stream) that takes each command and moves that request's host transfers in order, 64-byte beat by beat:
/// pages (or buckets) read, then written back.</item>
/// </list>
/// Reads and writes of host pages share the link's 12 GB/s, as the engine models one channel per direction-shared
/// figure. Not modelled: AES-GCM and the merge (assumed at line rate), the forwarding a real design needs when two
/// requests in flight touch the same page, and host-side software.
/// </summary>
public sealed class OmapTimingModel(double clockMhz = OmapTimingModel.DefaultClockMhz)
{
    public const double DefaultClockMhz = 300;

    /// <summary>Requests the controller may run ahead of the page transfers (flush commands in flight).</summary>
    public const int CommandFifoDepth = 8;

    private const int BeatBytes = 64;
    private const int PortBits = BeatBytes * 8;

    /// <summary>Cycles to run <paramref name="accesses"/> back to back; the report's TotalCycles.</summary>
    public TimingReport RunBatch(IReadOnlyList<OmapAccessCost> accesses)
    {
        ArgumentNullException.ThrowIfNull(accesses);
        if (accesses.Count == 0) throw new ArgumentException("a batch needs at least one request", nameof(accesses));
        var builder = new DesignBuilder(clockMhz);
        int controller = builder.AddProcess("controller");
        int dma = builder.AddProcess("page_dma");
        int commands = builder.AddFifo("flush_commands", CommandFifoDepth, controller, dma);
        int state = builder.AddPort("state", controller, builder.AddChannel(MemoryPresets.U55cHbmPseudoChannel("HBM[2]")), PortBits);
        int host = builder.AddChannel(MemoryPresets.PcieGen3x16Host("HOST[0]"));
        int pageRead = builder.AddPort("page_read", dma, host, PortBits);
        int pageWrite = builder.AddPort("page_write", dma, host, PortBits);
        var design = builder.Build();

        var control = new TraceRecorder();
        long address = 0;
        foreach (var access in accesses)
        {
            // Reads outside a loop each wait for their data: the controller's dependence chain.
            for (int r = 0; r < access.HbmReads; r++, address += 2 * BeatBytes)
                control.ReadPort(state, address, sizeof(ulong));
            for (int w = 0; w < access.HbmWrites; w++, address += 2 * BeatBytes)
                control.WritePort(state, address, sizeof(ulong));
            control.WriteFifo(commands);
        }

        var pages = new TraceRecorder();
        pages.BeginPipelinedLoop(1, design.EffectiveLatencyCycles(pageRead) + 2);
        foreach (var access in accesses)
        {
            pages.StartIteration();
            pages.ReadFifo(commands);
            bool first = true;
            foreach (var transfer in access.HostTransfers)
            {
                int port = transfer.Kind == HostAccessKind.Read ? pageRead : pageWrite;
                for (long at = transfer.Offset, end = transfer.Offset + transfer.Bytes; at < end;)
                {
                    // Beat-aligned pieces, so each iteration moves at most one beat.
                    long next = Math.Min(end, (at / BeatBytes + 1) * BeatBytes);
                    if (!first) pages.StartIteration();
                    first = false;
                    if (port == pageRead) pages.ReadPort(port, at, (int)(next - at));
                    else pages.WritePort(port, at, (int)(next - at));
                    at = next;
                }
            }
        }
        pages.EndLoop();
        return TimingEngine.Run(design, [control.Finish(), pages.Finish()]);
    }

    /// <summary>
    /// Cycles of a bulk build: the device writes every sealed page (or bucket) to host memory in order over PCIe,
    /// while the trusted state is written to its HBM banks, one stream per bank in parallel.
    /// </summary>
    /// <param name="hostBytes">all sealed pages or buckets, written once.</param>
    /// <param name="hbmBytesPerBank">bytes of trusted state per HBM bank (table, item records, loads, values).</param>
    public TimingReport RunBuild(long hostBytes, IReadOnlyList<long> hbmBytesPerBank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hostBytes);
        ArgumentNullException.ThrowIfNull(hbmBytesPerBank);
        var builder = new DesignBuilder(clockMhz);
        var traces = new List<ProcessTrace>();
        int hostWriter = builder.AddProcess("host_pages");
        int hostPort = builder.AddPort("pages_out", hostWriter, builder.AddChannel(MemoryPresets.PcieGen3x16Host("HOST[0]")), PortBits);
        traces.Add(Stream(hostPort, hostBytes));
        for (int bank = 0; bank < hbmBytesPerBank.Count; bank++)
        {
            int writer = builder.AddProcess($"hbm_state_{bank}");
            int port = builder.AddPort($"state_out_{bank}", writer, builder.AddChannel(MemoryPresets.U55cHbmPseudoChannel($"HBM[{bank}]")), PortBits);
            traces.Add(Stream(port, hbmBytesPerBank[bank]));
        }
        return TimingEngine.Run(builder.Build(), traces);
    }

    /// <summary>A pipelined loop writing <paramref name="bytes"/> from address 0, one beat per iteration.</summary>
    private static ProcessTrace Stream(int port, long bytes)
    {
        var trace = new TraceRecorder();
        if (bytes == 0) return trace.Finish();
        trace.BeginPipelinedLoop(1, 2);
        for (long at = 0; at < bytes; at += BeatBytes)
        {
            trace.StartIteration();
            trace.WritePort(port, at, (int)Math.Min(BeatBytes, bytes - at));
        }
        trace.EndLoop();
        return trace.Finish();
    }
}
