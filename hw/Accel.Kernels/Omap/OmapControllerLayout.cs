namespace Accel.Kernels.Omap;

/// <summary>
/// The word layout the omap_controller kernel shares with its callers: request codes, the decision record,
/// status codes, the counters word and the sizes derived from the map's parameters. Plain C#, never transpiled;
/// the kernel copies these into its own consts (as Softmax does with FixedMath), the stimulus and the
/// comparison with BoltMap read them here, so the three agree by construction.
/// </summary>
public static class OmapControllerLayout
{
    // Request kinds, in BoltMap's order.
    public const int Get = 0;
    public const int Put = 1;
    public const int Delete = 2;

    // Decision record: DecisionWords ints per request.
    public const int DecisionWords = 9;
    public const int StatusField = 0;
    /// <summary>1 when the key was in the table before the request.</summary>
    public const int FoundField = 1;
    /// <summary>Table slot holding the key before the request, or -1.</summary>
    public const int SlotField = 2;
    /// <summary>Bin the item was placed in (less loaded of its new pair), or -1 when it does not stay.</summary>
    public const int ChosenBinField = 3;
    /// <summary>Host pages flushed: 0, 1 or 2 (the same page twice when both candidates are that page).</summary>
    public const int FlushCountField = 4;
    public const int FlushPage0Field = 5;
    public const int FlushPage1Field = 6;
    /// <summary>Items in the eviction queue after the request.</summary>
    public const int QueueLengthField = 7;
    /// <summary>Key-table slots read (lookup, plus the backward-shift scan of a delete): the timing model's input.</summary>
    public const int ProbesField = 8;

    // Status codes. A refused request changes no state; random words drawn before the refusal stay consumed
    // (BoltMap draws them from its source before it checks the bounds).
    public const int Done = 0;
    public const int MapFull = 1;
    public const int BinLoadBound = 2;
    public const int QueueBound = 3;
    /// <summary>The random words ran out: this request and the rest of the batch did nothing; refill and resubmit.</summary>
    public const int OutOfRandomWords = 4;
    public const int NotRun = 5;
    public const int BadOperation = 6;

    // Counters word: state that lives between batches.
    public const int Counters = 4;
    public const int FreeCountCounter = 0;
    public const int QueueTotalCounter = 1;
    public const int WordsUsedCounter = 2;
    public const int RequestsDoneCounter = 3;

    /// <summary>Ints per item record: first candidate bin, second candidate bin, 1 when the item is in the second.</summary>
    public const int ItemWords = 3;

    public const int EmptySlot = -1;

    /// <summary>B = ceil(N / c).</summary>
    public static int BinCount(int capacity, int itemsPerBin) => (capacity + itemsPerBin - 1) / itemsPerBin;

    /// <summary>The key table's slot count: the power of two at least 2 max(2, N), so it is at most half full.</summary>
    public static int TableSlots(int capacity)
    {
        int needed = Math.Max(2, capacity) * 2, slots = 1;
        while (slots < needed) slots *= 2;
        return slots;
    }

    /// <summary>c + ceil(log2 log2 N) + 1, BoltParameters' default L.</summary>
    public static int DefaultSlotsPerPage(int capacity, int itemsPerBin) =>
        itemsPerBin + (int)Math.Ceiling(Math.Log2(Math.Log2(Math.Max(capacity, 4)))) + 1;
}
