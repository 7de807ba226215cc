namespace Accel.Emulation;

/// <summary>
/// A checked trace plus what the engine needs that does not depend on timing: the item index of each FIFO
/// op and the burst plan of each port access (<see cref="BurstCoalescer"/>).
/// </summary>
internal sealed class ProcessProgram(TraceOps ops, int[] seq, PortAccess[] accesses, BurstPlan[] bursts)
{
    public readonly TraceOps Ops = ops;
    public readonly int Count = ops.Count;

    /// <summary>FIFO ops: the item index (k-th write or read of that FIFO). Port ops: index into <see cref="Accesses"/>.</summary>
    public readonly int[] Seq = seq;

    public readonly PortAccess[] Accesses = accesses;
    public readonly BurstPlan[] Bursts = bursts;
}

/// <summary>Lane = one direction of one port: <c>port * 2</c> for reads, <c>port * 2 + 1</c> for writes.</summary>
internal static class Lanes
{
    public static int Of(int port, bool write) => port * 2 + (write ? 1 : 0);

    public static int Port(int lane) => lane >> 1;

    public static bool IsWrite(int lane) => (lane & 1) != 0;
}

/// <summary>The burst plan of one access (16 bytes: there is one per port op). Lane and bytes come from the op.</summary>
internal struct PortAccess
{
    /// <summary>Index into <see cref="ProcessProgram.Bursts"/> of the first burst this access opens, or -1.</summary>
    public int FirstNewBurst;

    public int NewBursts;

    /// <summary>
    /// Reads: the lane beat carrying the access's last byte (the read waits for it). Writes: every lane beat up
    /// to this one is complete once this access is written (a partly written beat waits for the access that
    /// fills it or closes its burst).
    /// </summary>
    public long Beat;
}

internal struct BurstPlan
{
    /// <summary>Burst number within its lane (lanes count requests from 0).</summary>
    public long Seq;

    public long FirstBeat;
    public int Beats;
}
