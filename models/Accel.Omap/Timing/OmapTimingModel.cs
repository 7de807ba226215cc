using Accel.Emulation;
using Accel.Omap.Host;

namespace Accel.Omap.Timing;

/// <summary>
/// Times a batch of BOLT requests on a U55C with the cycle-level engine (Accel.Emulation). Two dataflow
/// processes joined by a FIFO of flush commands:
/// <list type="bullet">
/// <item><c>controller</c> (HBM[2]): per request its dependent HBM bursts, one at a time, and its posted writes,
/// then one command into the FIFO;</item>
/// <item><c>page_path</c> (PCIe Gen3 x16 to host memory): per request, the host round trip of each flushed page:
/// read it and wait for it, authenticate and decrypt it with AES-GCM, then per page merge the queued items, re-seal
/// it with AES-GCM and write it back (posted). Pages are read one after the other, each waiting for its data (a
/// dependent round trip per page, as the artifact does).</item>
/// </list>
/// AES-GCM runs at <see cref="GcmBytesPerCycle"/> = 16 bytes per cycle (one 128-bit block per cycle, the stream
/// width of the Vitis Security Library's aes256GcmEncrypt/Decrypt; that library's benchmark lists 4.7 GB/s for an
/// AES-256 kernel at 286 MHz, and 16 B x 300 MHz = 4.8 GB/s) after <see cref="GcmLatencyCycles"/> of pipeline fill
/// (14 AES-256 rounds, 2 cycles each, plus the GHASH multiply). Not modelled: forwarding when two requests in flight
/// touch the same page, and host-side software (the artifact's host only starts the kernel).
/// </summary>
public sealed class OmapTimingModel(double clockMhz = OmapTimingModel.DefaultClockMhz)
{
    public const double DefaultClockMhz = 300;

    /// <summary>Requests the controller may run ahead of the page path (flush commands in flight).</summary>
    public const int CommandFifoDepth = 8;

    public const int GcmBytesPerCycle = 16;
    public const int GcmLatencyCycles = 32;

    private const int BeatBytes = 64;
    private const int PortBits = BeatBytes * 8;

    /// <summary>Cycles to authenticate-and-decrypt (or encrypt-and-tag) one sealed page of <paramref name="bytes"/>.</summary>
    public static long GcmCycles(int bytes) => GcmLatencyCycles + (bytes + GcmBytesPerCycle - 1) / GcmBytesPerCycle;

    /// <summary>Cycles to merge queued items into a page: one 64-byte beat per cycle.</summary>
    public static long MergeCycles(int bytes) => (bytes + BeatBytes - 1) / BeatBytes;

    /// <summary>Cycles to run <paramref name="accesses"/> back to back; the report's TotalCycles.</summary>
    public TimingReport RunBatch(IReadOnlyList<OmapAccessCost> accesses)
    {
        ArgumentNullException.ThrowIfNull(accesses);
        if (accesses.Count == 0) throw new ArgumentException("a batch needs at least one request", nameof(accesses));
        var builder = new DesignBuilder(clockMhz);
        int controller = builder.AddProcess("controller");
        int path = builder.AddProcess("page_path");
        int commands = builder.AddFifo("flush_commands", CommandFifoDepth, controller, path);
        int state = builder.AddPort("state", controller, builder.AddChannel(MemoryPresets.U55cHbmPseudoChannel("HBM[2]")), PortBits);
        int host = builder.AddChannel(MemoryPresets.PcieGen3x16Host("HOST[0]"));
        int pageRead = builder.AddPort("page_read", path, host, PortBits);
        int pageWrite = builder.AddPort("page_write", path, host, PortBits);
        var design = builder.Build();

        var control = new TraceRecorder();
        long address = 0;
        foreach (var access in accesses)
        {
            // Reads outside a loop each wait for their data: the controller's dependence chain.
            foreach (int bytes in access.HbmReadBursts)
            {
                control.ReadPort(state, address, bytes);
                address += Aligned(bytes) + BeatBytes; // a gap, so dependent accesses never merge into one burst
            }
            foreach (int bytes in access.HbmWriteBursts)
            {
                control.WritePort(state, address, bytes);
                address += Aligned(bytes) + BeatBytes; // a gap, so dependent accesses never merge into one burst
            }
            control.WriteFifo(commands);
        }

        var pages = new TraceRecorder();
        foreach (var access in accesses)
        {
            pages.ReadFifo(commands);
            var reads = access.HostTransfers.Where(t => t.Kind == HostAccessKind.Read).ToArray();
            var writes = access.HostTransfers.Where(t => t.Kind == HostAccessKind.Write).ToArray();
            foreach (var read in reads)
            {
                pages.ReadPort(pageRead, read.Offset, read.Bytes);
                pages.Delay(GcmCycles(read.Bytes));
            }
            foreach (var write in writes)
            {
                pages.Delay(MergeCycles(write.Bytes) + GcmCycles(write.Bytes));
                pages.WritePort(pageWrite, write.Offset, write.Bytes);
            }
        }
        return TimingEngine.Run(design, [control.Finish(), pages.Finish()]);
    }

    /// <summary>
    /// Cycles of a bulk build: the device writes every sealed page (or bucket) to host memory in order over PCIe,
    /// sealing each with AES-GCM on the way, while the trusted state is written to its HBM banks, one stream per
    /// bank in parallel.
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
        // AES-GCM seals 16 bytes a cycle, so a 64-byte beat leaves every 4 cycles at most (II = 4).
        traces.Add(Stream(hostPort, hostBytes, BeatBytes / GcmBytesPerCycle));
        for (int bank = 0; bank < hbmBytesPerBank.Count; bank++)
        {
            int writer = builder.AddProcess($"hbm_state_{bank}");
            int port = builder.AddPort($"state_out_{bank}", writer, builder.AddChannel(MemoryPresets.U55cHbmPseudoChannel($"HBM[{bank}]")), PortBits);
            traces.Add(Stream(port, hbmBytesPerBank[bank], 1));
        }
        return TimingEngine.Run(builder.Build(), traces);
    }

    private static long Aligned(int bytes) => (bytes + BeatBytes - 1) / BeatBytes * BeatBytes;

    /// <summary>A pipelined loop writing <paramref name="bytes"/> from address 0, one beat per iteration.</summary>
    private static ProcessTrace Stream(int port, long bytes, int initiationInterval)
    {
        var trace = new TraceRecorder();
        if (bytes == 0) return trace.Finish();
        trace.BeginPipelinedLoop(initiationInterval, 2);
        for (long at = 0; at < bytes; at += BeatBytes)
        {
            trace.StartIteration();
            trace.WritePort(port, at, (int)Math.Min(BeatBytes, bytes - at));
        }
        trace.EndLoop();
        return trace.Finish();
    }
}
