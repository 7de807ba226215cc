using Accel.Omap.Host;
using Accel.Omap.Randomness;
using Accel.Omap.Trusted;

namespace Accel.Omap.Bolt;

/// <summary>
/// BOLT's oblivious map. Items sit in B bins; HBM bins, the key table, the eviction queue and its free-slot list
/// are trusted (HBM, unobservable); host bins are sealed pages of L slots. Each item remembers the two uniformly
/// random candidate bins drawn when it was last placed, and lives in the less loaded one. An access reveals
/// exactly that pair (a fresh pair for a miss or a new key) and flushes those of the two bins that are host pages
/// (read, take the item out, merge queued items, write back): 0, 1 or 2 pages with probabilities alpha^2,
/// 2 alpha (1 - alpha), (1 - alpha)^2. The item is then re-placed by power of two choices among a new hidden pair;
/// if it lands in a host bin it waits in the eviction queue until that page is next flushed. Every revealed pair
/// is drawn once and shown once, so the host sees independent uniform pairs whatever the requests are.
/// See DESIGN.md for the argument and the bounds.
/// </summary>
public partial class BoltMap : SealedStoreMap
{
    private enum Place : byte { HbmBin, Queued, Page }

    private readonly IRandomSource random;
    private readonly BoltPageLayout layout;
    private readonly HbmSlotPool pool;
    private readonly EvictionQueue queue;
    private readonly byte[] binLoad;

    // Per item id, all trusted: its key, the candidate pair of its last placement, which of the two holds it,
    // where it is (HBM bin, queue or page) and its slot there (pool slot, or slot within the page).
    private readonly ulong[] itemKey;
    private readonly int[] candidateFirst;
    private readonly int[] candidateSecond;
    private readonly bool[] inSecond;
    private readonly Place[] place;
    private readonly int[] slot;

    // Scratch for one access: the two flushed pages and the accessed item's value.
    private readonly byte[] firstPage;
    private readonly byte[] secondPage;
    private readonly byte[] itemValue;

    private protected BoltMap(BoltParameters parameters, IRandomSource random) : base("bolt", "BOLT", parameters, random)
    {
        Parameters = parameters;
        this.random = random;
        int n = parameters.Capacity;
        layout = new BoltPageLayout(parameters.SlotsPerPage, parameters.ValueBytes);
        pool = new HbmSlotPool(parameters.ValueBytes,
            (int)Math.Min(int.MaxValue, (long)parameters.HbmBinCount * parameters.SlotsPerPage + parameters.QueueBound));
        queue = new EvictionQueue(pool, parameters.HostPageCount);
        binLoad = new byte[parameters.BinCount];
        itemKey = new ulong[n];
        candidateFirst = new int[n];
        candidateSecond = new int[n];
        inSecond = new bool[n];
        place = new Place[n];
        slot = new int[n];
        firstPage = new byte[layout.PlaintextBytes];
        secondPage = new byte[layout.PlaintextBytes];
        itemValue = new byte[parameters.ValueBytes];
    }

    /// <summary>Builds a map holding <paramref name="items"/> (at most N of them, distinct keys).</summary>
    /// <param name="random">Placement, flush and key randomness: <see cref="CryptoRandomSource"/> in production.</param>
    public static BoltMap Build(BoltParameters parameters, KeyValueDataSet items, IRandomSource random) =>
        Loaded(new BoltMap(parameters, random), items);

    public BoltParameters Parameters { get; }

    /// <summary>Items waiting in the eviction queue now.</summary>
    public int QueueLength => queue.Count;

    /// <summary>Longest the eviction queue has been since the build.</summary>
    public int MaxQueueLength { get; private set; }

    /// <summary>Highest load any bin has had since the build.</summary>
    public int MaxBinLoad { get; private set; }

    /// <summary>Number of bins holding exactly 0, 1, ..., L items now.</summary>
    public int[] BinLoadHistogram()
    {
        var histogram = new int[Parameters.SlotsPerPage + 1];
        foreach (byte load in binLoad) histogram[load]++;
        return histogram;
    }

    private int HostPageOf(int bin) => bin - Parameters.HbmBinCount;

    private int BinOf(int item) => inSecond[item] ? candidateSecond[item] : candidateFirst[item];

    private protected int DrawBin() => random.NextBelow(Parameters.BinCount);
}
