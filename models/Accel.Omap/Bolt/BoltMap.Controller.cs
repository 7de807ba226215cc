using Accel.Kernels.Omap;

namespace Accel.Omap.Bolt;

public partial class BoltMap
{
    /// <summary>
    /// The trusted metadata in the omap_controller kernel's HBM layout, so the kernel can take over from this map
    /// as it is now. Queued items get queue tag 1 and every page flush count 0 (tag = count + 1 means queued).
    /// The generator's seed and counter are the caller's (the map only sees an IRandomSource).
    /// Values, HBM bins' contents and pages are not part of it: the controller decides, the data path moves.
    /// </summary>
    internal OmapControllerState ExportControllerState()
    {
        var state = new OmapControllerState(Parameters.Capacity, Parameters.ItemsPerBin, Parameters.HbmBinCount);
        var table = Index.Snapshot();
        state.Salt = table.Salt;
        table.Table.CopyTo(state.Table, 0);
        table.FreeIds.CopyTo(state.FreeIds, 0);
        state.Counters[OmapControllerLayout.FreeCountCounter] = table.FreeCount;
        state.Counters[OmapControllerLayout.QueueTotalCounter] = queue.Count;
        for (int item = 0; item < Parameters.Capacity; item++)
        {
            state.Items[item * OmapControllerLayout.ItemWords] = OmapControllerLayout.PackCandidates(candidateFirst[item], candidateSecond[item], inSecond[item]);
            state.Items[item * OmapControllerLayout.ItemWords + 1] = place[item] == Place.Queued ? 1UL : 0UL;
        }
        for (int bin = 0; bin < Parameters.BinCount; bin++) state.BinLoads[bin] = binLoad[bin];
        for (int page = 0; page < Parameters.HostPageCount; page++) state.QueueLengths[page] = queue.LengthFor(page);
        return state;
    }

    /// <summary>The bin holding <paramref name="key"/>, or -1 when absent; trusted-side view for the controller comparison.</summary>
    internal int BinOfKey(ulong key)
    {
        int item = Index.Find(key);
        return item < 0 ? -1 : BinOf(item);
    }

    /// <summary>Whether <paramref name="key"/> waits in the eviction queue now.</summary>
    internal bool IsQueued(ulong key)
    {
        int item = Index.Find(key);
        return item >= 0 && place[item] == Place.Queued;
    }
}
