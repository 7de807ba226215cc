namespace Accel.Omap.Bolt;

/// <summary>
/// BOLT's sizes, chosen once at construction: N items in B = ceil(N/c) bins, the first round(alpha*B) bins in
/// HBM and the rest as host pages of L slots. The derivations of L and of the eviction-queue bound, with the
/// overflow probabilities they give, are in DESIGN.md ("Bounds").
/// </summary>
public sealed class BoltParameters : ISealedStoreShape
{
    public const int MinValueBytes = 8;
    public const int MaxValueBytes = 256;
    public const int MaxCapacity = 1 << 28;
    public const int DefaultItemsPerBin = 8;
    public const double DefaultHbmFraction = 0.2;

    /// <summary>Pages mark their used slots in one 64-bit word, so no page holds more.</summary>
    public const int MaxSlotsPerPage = 64;

    /// <summary>The queue bound is exceeded with probability at most 2^-QueueTailBits per access (see DESIGN.md).</summary>
    public const int QueueTailBits = 64;

    /// <param name="capacity">N, the most items the map holds.</param>
    /// <param name="valueBytes">V, bytes of every value, 8..256.</param>
    /// <param name="itemsPerBin">c, the mean bin load.</param>
    /// <param name="hbmFraction">alpha, the fraction of bins kept in HBM.</param>
    /// <param name="slotsPerPage">L, slots per bin; default c + ceil(log2 log2 N) + 1.</param>
    /// <param name="queueBound">Most items waiting in the eviction queue; default from the tail bound in DESIGN.md.</param>
    public BoltParameters(int capacity, int valueBytes, int itemsPerBin = DefaultItemsPerBin,
        double hbmFraction = DefaultHbmFraction, int? slotsPerPage = null, int? queueBound = null)
    {
        Require(capacity is >= 1 and <= MaxCapacity, nameof(capacity), $"an item count in [1, {MaxCapacity}]", capacity);
        Require(valueBytes is >= MinValueBytes and <= MaxValueBytes, nameof(valueBytes),
            $"a value size in [{MinValueBytes}, {MaxValueBytes}] bytes", valueBytes);
        Require(itemsPerBin is >= 1 and <= MaxSlotsPerPage, nameof(itemsPerBin), $"items per bin in [1, {MaxSlotsPerPage}]", itemsPerBin);
        Require(double.IsFinite(hbmFraction) && hbmFraction is >= 0 and <= 1, nameof(hbmFraction), "a fraction in [0, 1]", hbmFraction);
        Capacity = capacity;
        ValueBytes = valueBytes;
        ItemsPerBin = itemsPerBin;
        HbmFraction = hbmFraction;
        BinCount = (capacity + itemsPerBin - 1) / itemsPerBin;
        HbmBinCount = (int)Math.Round(hbmFraction * BinCount, MidpointRounding.AwayFromZero);
        HostPageCount = BinCount - HbmBinCount;

        SlotsPerPage = slotsPerPage ?? DefaultSlotsPerPage(capacity, itemsPerBin);
        Require(SlotsPerPage is >= 1 and <= MaxSlotsPerPage, nameof(slotsPerPage),
            $"slots per page in [1, {MaxSlotsPerPage}]", SlotsPerPage);

        ExpectedQueueLength = HostPageCount == 0 ? 0 : (double)HostPageCount * BinCount / (2.0 * BinCount - 1);
        QueueBound = queueBound ?? DefaultQueueBound(ExpectedQueueLength, SlotsPerPage, HostPageCount);
        Require(QueueBound >= 0, nameof(queueBound), "a non-negative item count", QueueBound);
    }

    /// <summary>
    /// The parameters of a page layout: <see cref="BoltPageKind.Padded"/> (c = 8, pages padded to
    /// L = c + ceil(log2 log2 N) + 1 slots) or <see cref="BoltPageKind.Artifact"/> (pages of 8 tuples, as the authors'
    /// artifact; with c = 4 a page is half full on average, as the artifact's build leaves it).
    /// </summary>
    public static BoltParameters ForLayout(BoltPageKind layout, int capacity, int valueBytes, double hbmFraction) => layout switch
    {
        BoltPageKind.Artifact => new BoltParameters(capacity, valueBytes, itemsPerBin: 4, hbmFraction: hbmFraction, slotsPerPage: 8),
        _ => new BoltParameters(capacity, valueBytes, hbmFraction: hbmFraction),
    };

    public int Capacity { get; }

    public int ValueBytes { get; }

    public int ItemsPerBin { get; }

    /// <summary>The requested alpha; the bins split as <see cref="HbmBinCount"/> : <see cref="HostPageCount"/>.</summary>
    public double HbmFraction { get; }

    /// <summary>HbmBinCount / BinCount, the alpha the flush probabilities really use.</summary>
    public double EffectiveHbmFraction => (double)HbmBinCount / BinCount;

    public int BinCount { get; }

    public int HbmBinCount { get; }

    public int HostPageCount { get; }

    /// <summary>L: slots in every bin, so the most items one bin (page) can hold.</summary>
    public int SlotsPerPage { get; }

    /// <summary>Most items allowed to wait in the eviction queue.</summary>
    public int QueueBound { get; }

    /// <summary>Mean queue length by Little's law: h*B/(2B-1), about half the host pages (DESIGN.md).</summary>
    public double ExpectedQueueLength { get; }

    /// <summary>Bytes of a page before sealing: a 64-bit occupancy word, then L slots of (key, value).</summary>
    public int PagePlaintextBytes => BoltPageLayout.PlaintextBytesOf(SlotsPerPage, ValueBytes);

    int ISealedStoreShape.StorePages => HostPageCount;

    int ISealedStoreShape.StorePageBytes => PagePlaintextBytes;

    /// <summary>Expected host pages flushed per access: 2h/B (two independent uniform candidates).</summary>
    public double ExpectedFlushesPerAccess => 2.0 * HostPageCount / BinCount;

    /// <summary>c + ceil(log2 log2 N) + 1: the two-choice maximum load c + log2 log2 N + O(1), as BOLT pads pages.</summary>
    public static int DefaultSlotsPerPage(int capacity, int itemsPerBin) =>
        itemsPerBin + (int)Math.Ceiling(Math.Log2(Math.Log2(Math.Max(capacity, 4)))) + 1;

    /// <summary>
    /// mu + t with t from Bernstein's inequality for a sum of per-page queue lengths in [0, L] with variance at most
    /// L*mu, at tail probability 2^-64; never more than h*L, which the per-bin load cap already guarantees.
    /// </summary>
    public static int DefaultQueueBound(double expectedLength, int slotsPerPage, int hostPages)
    {
        double logInverseTail = QueueTailBits * Math.Log(2);
        double linear = slotsPerPage * logInverseTail / 3;
        double deviation = linear + Math.Sqrt(linear * linear + 2 * slotsPerPage * expectedLength * logInverseTail);
        return (int)Math.Min((long)hostPages * slotsPerPage, (long)Math.Ceiling(expectedLength + deviation));
    }

    private static void Require(bool ok, string parameter, string expected, object actual)
    {
        if (!ok) throw new ArgumentOutOfRangeException(parameter, actual, $"BOLT parameter '{parameter}': expected {expected}, got {actual}");
    }
}

/// <summary>How host pages are laid out (BoltParameters.ForLayout).</summary>
public enum BoltPageKind
{
    Padded,
    Artifact,
}
