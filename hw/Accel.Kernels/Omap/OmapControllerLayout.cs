namespace Accel.Kernels.Omap;

/// <summary>
/// The word layout the omap_controller kernel shares with its callers: request codes, the decision record,
/// status codes, the counters word, the key table's bucket and record shape, the item record and the on-chip
/// generator. Plain C#, never transpiled; the kernel copies these into its own consts (as Softmax does with
/// FixedMath), the stimulus, the C# key index and the comparison with BoltMap read them here, so all agree by
/// construction.
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
    /// <summary>Table record (bucket * BucketRecords + way) holding the key before the request, or -1.</summary>
    public const int SlotField = 2;
    /// <summary>Bin the item was placed in (less loaded of its new pair), or -1 when it does not stay.</summary>
    public const int ChosenBinField = 3;
    /// <summary>Host pages flushed: 0, 1 or 2 (the same page twice when both candidates are that page).</summary>
    public const int FlushCountField = 4;
    public const int FlushPage0Field = 5;
    public const int FlushPage1Field = 6;
    /// <summary>Items in the eviction queue after the request.</summary>
    public const int QueueLengthField = 7;
    /// <summary>Key-table buckets read, one burst each (lookup, plus the backward-shift scan of a delete): the timing model's input.</summary>
    public const int ProbesField = 8;

    // Status codes. A refused request changes no state; generator words drawn before the refusal stay consumed
    // (BoltMap draws them from its source before it checks the bounds).
    public const int Done = 0;
    public const int MapFull = 1;
    public const int BinLoadBound = 2;
    public const int QueueBound = 3;
    public const int BadOperation = 4;

    // Counters word: state that lives between batches.
    public const int Counters = 3;
    public const int FreeCountCounter = 0;
    public const int QueueTotalCounter = 1;
    public const int RequestsDoneCounter = 2;

    /// <summary>Records per key-table bucket: a lookup reads one bucket as one burst (256 bytes, 4 beats of 512 bits).</summary>
    public const int BucketRecords = 16;

    /// <summary>Words per 16-byte table record: the key, then the location (item id + 1; 0 marks an empty record).</summary>
    public const int RecordWords = 2;

    /// <summary>Words per 16-byte item record: packed candidate pair, then the queue tag; read in one burst.</summary>
    public const int ItemWords = 2;

    /// <summary>Bits per bin index in the packed candidate word (first | second &lt;&lt; 28 | in-second &lt;&lt; 56).</summary>
    public const int BinBits = 28;

    /// <summary>SplitMix64's increment (Steele, Lea and Flood, OOPSLA 2014): word k of seed s is Mix(s + (k + 1) * Gamma).</summary>
    public const ulong GeneratorGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>B = ceil(N / c).</summary>
    public static int BinCount(int capacity, int itemsPerBin) => (capacity + itemsPerBin - 1) / itemsPerBin;

    /// <summary>The key table's bucket count (OmapKeyTable.Buckets): at most a quarter of the records used, mean 4 keys in
    /// 16 ways, so a lookup reads a second bucket only when its home is full (Poisson(4) &gt;= 16: about 1e-6 per bucket).</summary>
    public static int TableBuckets(int capacity) => OmapKeyTable.Buckets(capacity);

    /// <summary>The candidate word of an item record.</summary>
    public static ulong PackCandidates(int first, int second, bool inSecond) =>
        (ulong)(uint)first | ((ulong)(uint)second << BinBits) | ((inSecond ? 1UL : 0UL) << (2 * BinBits));

    public static (int First, int Second, bool InSecond) UnpackCandidates(ulong word)
    {
        const ulong mask = (1UL << BinBits) - 1;
        return ((int)(word & mask), (int)((word >> BinBits) & mask), ((word >> (2 * BinBits)) & 1) != 0);
    }

    /// <summary>The key's home bucket in a table of <paramref name="buckets"/> buckets.</summary>
    public static int Home(ulong key, ulong salt, int buckets) => OmapKeyTable.Home(key, salt, buckets - 1);

    public static ulong Mix(ulong z) => OmapKeyTable.Mix(z);

    /// <summary>Word <paramref name="index"/> (from 0) of the on-chip generator seeded with <paramref name="seed"/>.</summary>
    public static ulong GeneratorWord(ulong seed, ulong index) => OmapKeyTable.GeneratorWord(seed, index);
}
