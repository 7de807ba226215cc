using Accel.Omap.Host;

namespace Accel.Omap.Timing;

/// <summary>
/// One request as the timing model sees it: the controller's dependent HBM reads and posted HBM writes, then the
/// host transfers (offset, bytes, direction, in order) that the data path makes over PCIe.
/// </summary>
public sealed record OmapAccessCost(int HbmReads, int HbmWrites, IReadOnlyList<HostAccess> HostTransfers);

/// <summary>
/// Controller costs read off the omap_controller kernel's code (hw/Accel.Kernels/Omap/OmapController.cs). Its
/// request loop is not pipelined (every request starts from the state the previous one left), so each HBM read
/// waits its full latency before the next; counts are per request:
/// <list type="bullet">
/// <item>2 reads: the operation and the key;</item>
/// <item>2 per probed table slot (id, then key; the probe count includes the backward-shift scan of a delete);</item>
/// <item>3 when the key was found: its item record (first, second, which);</item>
/// <item>2 per bin drawn (the accepting word is read by the rejection test and again for the bin): 2 bins for a
/// miss's fresh pair, 2 more for a staying item's new pair;</item>
/// <item>2 for a staying item's candidate loads, and up to 2 queue lengths of the flushed pages.</item>
/// </list>
/// Writes are posted (they cost channel time, not latency): the 9-word decision record, and for a staying item its
/// record, load, tag and queue length (6), for a dropped key the table slot and free id (2), per flushed page its
/// queue length and flush count (2).
/// </summary>
public static class OmapAccessCosts
{
    public static OmapAccessCost BoltController(bool found, bool stays, int probes, int flushCount, IReadOnlyList<HostAccess> host)
    {
        int drawnBins = (found ? 0 : 2) + (stays ? 2 : 0);
        int reads = 2 + 2 * probes + (found ? 3 : 0) + 2 * drawnBins + (stays ? 2 : 0) + flushCount;
        int writes = 9 + (stays ? 6 : 0) + (found && !stays ? 2 : 0) + 2 * flushCount;
        return new OmapAccessCost(reads, writes, host);
    }

    /// <summary>
    /// Path ORAM's controller, for the baseline: a position-map lookup in the same kind of HBM table (request 2,
    /// one probed slot 2, the leaf 1; a new leaf drawn and written back), the stash and the eviction on chip.
    /// Not a kernel of ours: an estimate of the same style, so the comparison is about host traffic.
    /// </summary>
    public static OmapAccessCost PathOramController(IReadOnlyList<HostAccess> host) => new(5, 10, host);
}
