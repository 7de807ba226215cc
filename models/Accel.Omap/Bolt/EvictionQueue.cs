namespace Accel.Omap.Bolt;

/// <summary>
/// Items bound for a host page that has not been flushed since they were placed, one list per page threaded
/// through the HBM slot pool. Items wait here because writing their page at once would show the host where
/// they went; a page's list is emptied into it the next time an access flushes that page.
/// </summary>
internal sealed class EvictionQueue
{
    private readonly HbmSlotPool pool;
    private readonly int[] heads;
    private readonly byte[] lengths;

    public EvictionQueue(HbmSlotPool pool, int pages)
    {
        this.pool = pool;
        heads = new int[pages];
        Array.Fill(heads, -1);
        lengths = new byte[pages];
    }

    /// <summary>Items waiting, over all pages.</summary>
    public int Count { get; private set; }

    public int LengthFor(int page) => lengths[page];

    public void Enqueue(int page, int slot)
    {
        pool.Link(slot) = heads[page];
        heads[page] = slot;
        lengths[page]++;
        Count++;
    }

    public void Remove(int page, int slot)
    {
        ref int link = ref heads[page];
        while (link != slot)
        {
            if (link < 0) throw new OmapInvariantException($"slot {slot} is not queued for page {page}");
            link = ref pool.Link(link);
        }
        link = pool.Link(slot);
        lengths[page]--;
        Count--;
    }

    /// <summary>Empties the list of <paramref name="page"/> and returns its first slot; follow <see cref="HbmSlotPool.Link"/>.</summary>
    public int TakeAll(int page)
    {
        int head = heads[page];
        heads[page] = -1;
        Count -= lengths[page];
        lengths[page] = 0;
        return head;
    }
}
