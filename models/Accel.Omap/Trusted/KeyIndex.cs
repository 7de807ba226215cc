using L = Accel.Kernels.Omap.OmapControllerLayout;

namespace Accel.Omap.Trusted;

/// <summary>
/// Key to dense item id, in the layout of the omap_controller kernel's HBM table (as the BOLT artifact's position
/// map): buckets of 16 records, each record a key and its location (id + 1, 0 when empty) in 16 bytes, so one
/// 256-byte burst answers a lookup. It lives in HBM, where the host cannot watch it, so its own access pattern
/// needs no hiding. A key goes to the first bucket with room from its home (bucketed linear probing; the table is
/// at most a quarter full, so nearly always its home); deletion shifts records back across buckets, so there are
/// no tombstones. The algorithm is the kernel's, record for record. Ids are reused, so per-item arrays stay N long.
/// </summary>
internal sealed partial class KeyIndex
{
    private readonly ulong[] table;
    private readonly int[] freeIds;
    private readonly int buckets;
    private readonly ulong salt;
    private int freeCount;

    /// <param name="maxItems">Most keys held at once; ids are in [0, maxItems).</param>
    /// <param name="salt">Secret per map, so a chosen key set cannot force long probe runs.</param>
    public KeyIndex(int maxItems, ulong salt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        buckets = L.TableBuckets(maxItems);
        table = new ulong[buckets * L.BucketRecords * L.RecordWords];
        this.salt = salt;
        freeIds = new int[maxItems];
        for (int i = 0; i < maxItems; i++) freeIds[i] = maxItems - 1 - i;
        freeCount = maxItems;
        Capacity = maxItems;
    }

    public int Capacity { get; }

    public int Count => Capacity - freeCount;

    /// <summary>The id of <paramref name="key"/>, or -1 when absent.</summary>
    public int Find(ulong key)
    {
        var (found, _) = Lookup(key);
        return found < 0 ? -1 : Location(found) - 1;
    }

    /// <summary>Adds an absent key and returns its new id.</summary>
    public int Add(ulong key)
    {
        if (freeCount == 0) throw new OmapInvariantException($"key index full ({Capacity} keys)");
        var (found, free) = Lookup(key);
        if (found >= 0) throw new OmapInvariantException($"key {key} added twice to the key index");
        int id = freeIds[--freeCount];
        table[free * L.RecordWords] = key;
        table[free * L.RecordWords + 1] = (ulong)(id + 1);
        return id;
    }

    /// <summary>Removes <paramref name="key"/>; returns its freed id, or -1 when absent.</summary>
    public int Remove(ulong key)
    {
        var (hole, _) = Lookup(key);
        if (hole < 0) return -1;
        int id = Location(hole) - 1;
        freeIds[freeCount++] = id;
        int mask = buckets - 1, holeBucket = hole / L.BucketRecords;
        for (int at = (holeBucket + 1) & mask, step = 0; step < mask; step++, at = (at + 1) & mask)
        {
            // The first record of this bucket whose home lies cyclically at or before the hole's bucket moves into the hole.
            int move = -1;
            bool open = false;
            for (int way = 0; way < L.BucketRecords; way++)
            {
                int record = at * L.BucketRecords + way;
                if (Location(record) == 0) open = true;
                else if (move < 0 && ((at - Home(table[record * L.RecordWords])) & mask) >= ((at - holeBucket) & mask)) move = record;
            }
            if (move >= 0)
            {
                table[hole * L.RecordWords] = table[move * L.RecordWords];
                table[hole * L.RecordWords + 1] = table[move * L.RecordWords + 1];
                hole = move;
                holeBucket = at;
            }
            // A bucket that had room ends every run through it.
            if (open) break;
        }
        table[hole * L.RecordWords] = 0;
        table[hole * L.RecordWords + 1] = 0;
        return id;
    }

    /// <summary>Every (key, id) held, in table order; for audits, not for the access path.</summary>
    public IEnumerable<(ulong Key, int Id)> Entries()
    {
        for (int record = 0; record < table.Length / L.RecordWords; record++)
            if (Location(record) != 0) yield return (table[record * L.RecordWords], Location(record) - 1);
    }

    /// <summary>Buckets from the home until one holds the key or has room: (the key's record or -1, the first empty record of the last bucket).</summary>
    private (int Found, int Free) Lookup(ulong key)
    {
        int mask = buckets - 1;
        for (int at = Home(key), step = 0; step <= mask; step++, at = (at + 1) & mask)
        {
            int free = -1;
            for (int way = 0; way < L.BucketRecords; way++)
            {
                int record = at * L.BucketRecords + way;
                if (Location(record) != 0 && table[record * L.RecordWords] == key) return (record, -1);
                if (free < 0 && Location(record) == 0) free = record;
            }
            if (free >= 0) return (-1, free);
        }
        throw new OmapInvariantException("key index has no empty record");
    }

    private int Location(int record) => (int)table[record * L.RecordWords + 1];

    private int Home(ulong key) => L.Home(key, salt, buckets);
}
