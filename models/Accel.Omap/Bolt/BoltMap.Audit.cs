namespace Accel.Omap.Bolt;

public partial class BoltMap
{
    /// <summary>
    /// Trusted-side audit for tests: every item with its value, read without host traffic (pages are peeked and
    /// authenticated, versions untouched), after checking that the key table, bin loads, queue and pages agree.
    /// Throws <see cref="OmapInvariantException"/> on any disagreement and <see cref="HostIntegrityException"/>
    /// on a tampered page.
    /// </summary>
    internal Dictionary<ulong, byte[]> Audit()
    {
        var contents = new Dictionary<ulong, byte[]>(Count);
        var loads = new int[Parameters.BinCount];
        var queued = new int[Parameters.HostPageCount];
        foreach (var (key, item) in Index.Entries())
        {
            if (itemKey[item] != key) Fail($"item {item} records key {itemKey[item]}, the index says {key}");
            int bin = BinOf(item);
            loads[bin]++;
            switch (place[item])
            {
                case Place.HbmBin when bin >= Parameters.HbmBinCount:
                    Fail($"key {key} marked as in HBM bin but its bin {bin} is a host page");
                    break;
                case Place.HbmBin:
                    contents.Add(key, pool.Value(slot[item]).ToArray());
                    break;
                case Place.Queued:
                    queued[HostPageOf(bin)]++;
                    contents.Add(key, pool.Value(slot[item]).ToArray());
                    break;
            }
        }
        for (int bin = 0; bin < Parameters.BinCount; bin++)
        {
            if (loads[bin] != binLoad[bin]) Fail($"bin {bin} has {loads[bin]} items but its load counter says {binLoad[bin]}");
            if (loads[bin] > Parameters.SlotsPerPage) Fail($"bin {bin} holds {loads[bin]} items, over L = {Parameters.SlotsPerPage}");
        }
        int queueTotal = 0;
        var sealedPage = new byte[Store.SealedBytes];
        var plain = new byte[Store.PlaintextBytes];
        for (int page = 0; page < Parameters.HostPageCount; page++)
        {
            if (queue.LengthFor(page) != queued[page]) Fail($"page {page} queue length {queue.LengthFor(page)}, items say {queued[page]}");
            queueTotal += queued[page];
            Host.Peek(Store.OffsetOf(page), sealedPage);
            Store.Open(page, sealedPage, plain);
            ulong used = BoltPageLayout.Occupancy(plain);
            for (int s = 0; s < layout.Slots; s++)
            {
                if ((used & (1UL << s)) == 0) continue;
                ulong key = layout.KeyAt(plain, s);
                int item = Index.Find(key);
                if (item < 0 || place[item] != Place.Page || HostPageOf(BinOf(item)) != page || slot[item] != s)
                    Fail($"page {page} slot {s} holds key {key}, which the trusted table does not place there");
                contents.Add(key, layout.ValueAt(plain, s).ToArray());
            }
        }
        if (queueTotal != queue.Count) Fail($"queue counter {queue.Count}, items say {queueTotal}");
        if (contents.Count != Count) Fail($"found {contents.Count} items, the index holds {Count}");
        return contents;
    }

    private static void Fail(string message) => throw new OmapInvariantException("BOLT audit: " + message);
}
