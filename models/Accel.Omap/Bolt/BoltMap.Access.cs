namespace Accel.Omap.Bolt;

public partial class BoltMap
{
    /// <summary>
    /// Which bins an access flushes, given the accessed item's bin (-1 on a miss) and the pair it was placed with
    /// (a fresh pair on a miss). BOLT flushes the pair in the order drawn, never singling out the item's own bin.
    /// Only the tests' deliberately leaky variant overrides this.
    /// </summary>
    private protected virtual (int First, int Second) FlushedBins(int itemBin, int first, int second) => (first, second);

    /// <summary>
    /// One request in three phases: plan and check every bound (nothing changes yet), read and authenticate the
    /// flushed pages (nothing changes yet), then update trusted state and write the pages back. A refusal or a
    /// failed authentication therefore leaves the map as it was.
    /// </summary>
    private protected override bool Access(Request request, ulong key, ReadOnlySpan<byte> newValue, Span<byte> valueOut)
    {
        int item = Index.Find(key);
        bool present = item >= 0;
        if (request == Request.Put && !present && Count == Capacity)
            throw new OmapCapacityException($"BOLT map is full: it holds its capacity of {Capacity} items; key {key} is new");

        var (flushFirst, flushSecond) = present
            ? FlushedBins(BinOf(item), candidateFirst[item], candidateSecond[item])
            : FlushedBins(-1, DrawBin(), DrawBin());
        int pageFirst = HostPageOf(flushFirst), pageSecond = HostPageOf(flushSecond);
        bool samePage = pageFirst >= 0 && pageFirst == pageSecond;

        bool stays = request == Request.Put || (request == Request.Get && present);
        int oldBin = present ? BinOf(item) : -1;
        int nextFirst = -1, nextSecond = -1, nextBin = -1;
        if (stays)
        {
            nextFirst = DrawBin();
            nextSecond = DrawBin();
            nextBin = LoadWithout(nextFirst, oldBin) <= LoadWithout(nextSecond, oldBin) ? nextFirst : nextSecond;
            if (LoadWithout(nextBin, oldBin) >= Parameters.SlotsPerPage)
                throw new OmapBoundExceededException("bin load", Parameters.SlotsPerPage,
                    $"BOLT bins {nextFirst} and {nextSecond} both hold their limit of {Parameters.SlotsPerPage} items; " +
                    $"request on key {key} refused (expected probability per access: {BinLoadModel.RefusalProbability(Parameters.ItemsPerBin, Parameters.SlotsPerPage):G3})");
        }
        int queueAfter = QueueLengthAfter(pageFirst, pageSecond, stays ? HostPageOf(nextBin) : -1);
        if (queueAfter > Parameters.QueueBound)
            throw new OmapBoundExceededException("eviction queue", Parameters.QueueBound,
                $"BOLT eviction queue would hold {queueAfter} items, over its bound of {Parameters.QueueBound}; request on key {key} refused");

        if (pageFirst >= 0) Store.Read(pageFirst, firstPage);
        if (pageSecond >= 0) Store.Read(pageSecond, secondPage);
        Span<byte> second = samePage ? firstPage : secondPage;

        if (present)
        {
            TakeOut(item, oldBin, pageFirst, firstPage, pageSecond, second);
            if (request == Request.Get) itemValue.CopyTo(valueOut);
        }
        if (request == Request.Put) newValue.CopyTo(itemValue);
        if (stays)
        {
            if (!present)
            {
                item = Index.Add(key);
                itemKey[item] = key;
            }
            PlaceItem(item, nextFirst, nextSecond, nextBin);
        }
        else if (present)
        {
            Index.Remove(key);
        }

        if (pageFirst >= 0) MergeQueue(pageFirst, firstPage);
        if (pageSecond >= 0 && !samePage) MergeQueue(pageSecond, secondPage);
        if (pageFirst >= 0) Store.Write(pageFirst, firstPage);
        if (pageSecond >= 0) Store.Write(pageSecond, second);
        MaxQueueLength = Math.Max(MaxQueueLength, queue.Count);
        return present;
    }

    private int LoadWithout(int bin, int leavingBin) => binLoad[bin] - (bin == leavingBin ? 1 : 0);

    /// <summary>Queue length after this access: flushed pages drain, a placement on an unflushed host page adds one.</summary>
    private int QueueLengthAfter(int pageFirst, int pageSecond, int nextPage)
    {
        int length = queue.Count;
        if (pageFirst >= 0) length -= queue.LengthFor(pageFirst);
        if (pageSecond >= 0 && pageSecond != pageFirst) length -= queue.LengthFor(pageSecond);
        if (nextPage >= 0 && nextPage != pageFirst && nextPage != pageSecond) length++;
        return length;
    }

    /// <summary>Moves the item's value into <c>itemValue</c> and frees its place; its bin loses one item.</summary>
    private void TakeOut(int item, int bin, int pageFirst, Span<byte> first, int pageSecond, Span<byte> second)
    {
        switch (place[item])
        {
            case Place.Page:
                int page = HostPageOf(bin);
                Span<byte> buffer = page == pageFirst ? first
                    : page == pageSecond ? second
                    : throw new OmapInvariantException($"item in host page {page} taken out without flushing it");
                layout.ValueAt(buffer, slot[item]).CopyTo(itemValue);
                layout.Clear(buffer, slot[item]);
                break;
            case Place.Queued:
                queue.Remove(HostPageOf(bin), slot[item]);
                pool.Value(slot[item]).CopyTo(itemValue);
                pool.Free(slot[item]);
                break;
            default:
                pool.Value(slot[item]).CopyTo(itemValue);
                pool.Free(slot[item]);
                break;
        }
        binLoad[bin]--;
    }

    /// <summary>Puts the item (value in <c>itemValue</c>) in bin <paramref name="bin"/>: an HBM bin, or the queue of a host page.</summary>
    private void PlaceItem(int item, int first, int second, int bin)
    {
        candidateFirst[item] = first;
        candidateSecond[item] = second;
        inSecond[item] = bin != first;
        int poolSlot = pool.Allocate(item);
        itemValue.CopyTo(pool.Value(poolSlot));
        slot[item] = poolSlot;
        if (bin < Parameters.HbmBinCount)
        {
            place[item] = Place.HbmBin;
        }
        else
        {
            place[item] = Place.Queued;
            queue.Enqueue(HostPageOf(bin), poolSlot);
        }
        MaxBinLoad = Math.Max(MaxBinLoad, ++binLoad[bin]);
    }

    /// <summary>Writes every item queued for <paramref name="page"/> into it; loads are capped at L, so they fit.</summary>
    private void MergeQueue(int page, Span<byte> buffer)
    {
        for (int poolSlot = queue.TakeAll(page); poolSlot >= 0;)
        {
            int next = pool.Link(poolSlot);
            int item = pool.Owner(poolSlot);
            int pageSlot = layout.Store(buffer, itemKey[item], pool.Value(poolSlot));
            if (pageSlot < 0) throw new OmapInvariantException($"host page {page} full while merging its queue");
            place[item] = Place.Page;
            slot[item] = pageSlot;
            pool.Free(poolSlot);
            poolSlot = next;
        }
    }
}
