using Accel.Omap.Host;

namespace Accel.Omap.Timing;

/// <summary>
/// One request as the timing model sees it: the controller's dependent HBM reads (bytes of each burst, in order,
/// each waiting for the one before), its posted HBM write bursts, then the host pages the data path flushes over
/// PCIe (read, authenticate and merge, re-seal, write back).
/// </summary>
public sealed record OmapAccessCost(IReadOnlyList<int> HbmReadBursts, IReadOnlyList<int> HbmWriteBursts, IReadOnlyList<HostAccess> HostTransfers);

/// <summary>
/// Controller costs read off the omap_controller kernel's code (hw/Accel.Kernels/Omap/OmapController.cs). Its
/// request loop is not pipelined (every request starts from the state the previous one left), so each HBM read
/// waits its full latency before the next. Per request:
/// <list type="bullet">
/// <item>reads: the operation (4 bytes) and the key (8); one 256-byte bucket burst per probed bucket (the lookup,
/// plus a delete's backward-shift scan); the item's 16-byte record when the key was found; a free id (4) when a new
/// key is added;</item>
/// <item>no reads for randomness (the counter-based generator's words do not depend on the state, so they are made
/// ahead on chip) and none for loads and queue lengths (on chip for the batch);</item>
/// <item>posted writes: the 36-byte decision record; a staying item's 16-byte record; a new key's 16-byte table
/// record; for a delete, its table record (and each record shifted back) and the freed id.</item>
/// </list>
/// The value itself (V bytes, in its own HBM bank; the data path's, which has no kernel) is charged as the
/// controller would wait for it: a get of an item whose value is in HBM (an HBM bin or the eviction queue) reads
/// it after the item record (its address is the record's slot), a dependent read; every staying item's value is
/// written back to HBM (to its HBM bin, or to the queue until its page is flushed), posted. A value in a host page
/// comes with the flushed page, which the page path already pays for.
/// </summary>
public static class OmapAccessCosts
{
    public const int BucketBytes = 256;
    public const int RecordBytes = 16;

    /// <param name="valueReadBytes">V when a get's value is read from HBM, else 0.</param>
    /// <param name="valueWriteBytes">V when a staying item's value is written to HBM, else 0.</param>
    public static OmapAccessCost BoltController(bool found, bool stays, int probes, IReadOnlyList<HostAccess> host,
        int valueReadBytes = 0, int valueWriteBytes = 0)
    {
        var reads = new List<int> { sizeof(int), sizeof(ulong) };
        for (int b = 0; b < probes; b++) reads.Add(BucketBytes);
        if (found) reads.Add(RecordBytes);
        if (valueReadBytes > 0) reads.Add(valueReadBytes);
        if (stays && !found) reads.Add(sizeof(int));
        var writes = new List<int> { 9 * sizeof(int) };
        if (valueWriteBytes > 0) writes.Add(valueWriteBytes);
        if (stays) writes.Add(RecordBytes);
        if (stays && !found) writes.Add(RecordBytes);
        if (found && !stays) { writes.Add(RecordBytes); writes.Add(sizeof(int)); }
        return new OmapAccessCost(reads, writes, host);
    }
}
