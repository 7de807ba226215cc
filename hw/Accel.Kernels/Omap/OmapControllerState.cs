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
        int slots = OmapControllerLayout.TableSlots(capacity);
        TableKeys = new ulong[slots];
        TableIds = new int[slots];
        Array.Fill(TableIds, OmapControllerLayout.EmptySlot);
        // Ids are handed out from the top of this stack, so the first item gets id 0 (as the C# key index does).
        FreeIds = new int[capacity];
        for (int i = 0; i < capacity; i++) FreeIds[i] = capacity - 1 - i;
        ItemBins = new int[capacity * OmapControllerLayout.ItemWords];
        ItemQueueTags = new ulong[capacity];
        BinLoads = new int[bins];
        QueueLengths = new int[bins - hbmBins];
        PageFlushes = new ulong[bins - hbmBins];
        Counters = new int[OmapControllerLayout.Counters];
        Counters[OmapControllerLayout.FreeCountCounter] = capacity;
    }

    public ulong Salt { get; set; }

    public ulong[] TableKeys { get; }

    public int[] TableIds { get; }

    public int[] FreeIds { get; }

    public int[] ItemBins { get; }

    public ulong[] ItemQueueTags { get; }

    public int[] BinLoads { get; }

    public int[] QueueLengths { get; }

    public ulong[] PageFlushes { get; }

    public int[] Counters { get; }

    /// <summary>Runs one batch through the C# kernel and returns its decision records.</summary>
    public int[] Run(OmapController kernel, int[] operations, ulong[] keys, ulong[] randomWords)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(randomWords);
        if (keys.Length != operations.Length)
            throw new ArgumentException($"{operations.Length} operations but {keys.Length} keys", nameof(keys));
        var decisions = new int[operations.Length * OmapControllerLayout.DecisionWords];
        kernel.Run(operations, keys, decisions, randomWords, TableKeys, TableIds, FreeIds, ItemBins, ItemQueueTags,
            BinLoads, QueueLengths, PageFlushes, Counters, operations.Length, randomWords.Length, (long)Salt);
        return decisions;
    }
}
