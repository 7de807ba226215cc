namespace Accel.Kernels.Omap;

/// <summary>
/// The HBM-resident state of the omap_controller kernel, one array per m_axi port, named as the top function's
/// parameters. An item is queued (waiting for its host page) exactly when its bin is a host bin and its queue tag
/// equals that page's flush count + 1: flushing a page bumps its count, which releases every item queued for it
/// at once without walking a list.
/// </summary>
public sealed class OmapControllerState
{
    public OmapControllerState(int capacity, int itemsPerBin, int hbmBins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemsPerBin);
        int bins = OmapControllerLayout.BinCount(capacity, itemsPerBin);
        if (hbmBins < 0 || hbmBins > bins)
            throw new ArgumentOutOfRangeException(nameof(hbmBins), hbmBins, $"expected 0..{bins} HBM bins (B = ceil({capacity} / {itemsPerBin}))");
        Table = new ulong[OmapControllerLayout.TableBuckets(capacity) * OmapControllerLayout.BucketRecords * OmapControllerLayout.RecordWords];
        // Ids are handed out from the top of this stack, so the first item gets id 0 (as the C# key index does).
        FreeIds = new int[capacity];
        for (int i = 0; i < capacity; i++) FreeIds[i] = capacity - 1 - i;
        Items = new ulong[capacity * OmapControllerLayout.ItemWords];
        BinLoads = new int[bins];
        QueueLengths = new int[bins - hbmBins];
        PageFlushes = new ulong[bins - hbmBins];
        Counters = new int[OmapControllerLayout.Counters];
        Counters[OmapControllerLayout.FreeCountCounter] = capacity;
    }

    public ulong Salt { get; set; }

    /// <summary>The on-chip generator's seed (in hardware, loaded once from a true random source).</summary>
    public ulong Seed { get; set; }

    /// <summary>Key table: buckets of 16 records of (key, item id + 1), 0 marking an empty record.</summary>
    public ulong[] Table { get; }

    public int[] FreeIds { get; }

    /// <summary>Item records: packed candidate pair (OmapControllerLayout.PackCandidates), then queue tag.</summary>
    public ulong[] Items { get; }

    public int[] BinLoads { get; }

    public int[] QueueLengths { get; }

    public ulong[] PageFlushes { get; }

    public int[] Counters { get; }

    /// <summary>Generator words drawn so far (the counter of the counter-based generator).</summary>
    public ulong[] Generator { get; } = new ulong[1];

    /// <summary>Runs one batch through the C# kernel and returns its decision records.</summary>
    public int[] Run(OmapController kernel, int[] operations, ulong[] keys)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length != operations.Length)
            throw new ArgumentException($"{operations.Length} operations but {keys.Length} keys", nameof(keys));
        var decisions = new int[operations.Length * OmapControllerLayout.DecisionWords];
        kernel.Run(operations, keys, decisions, Table, FreeIds, Items, BinLoads, QueueLengths, PageFlushes, Counters, Generator,
            operations.Length, (long)Salt, (long)Seed);
        return decisions;
    }

    /// <summary>Every (key, item id) held, in table order.</summary>
    public IEnumerable<(ulong Key, int Item)> Entries()
    {
        for (int at = 0; at < Table.Length; at += OmapControllerLayout.RecordWords)
            if (Table[at + 1] != 0) yield return (Table[at], (int)Table[at + 1] - 1);
    }
}
