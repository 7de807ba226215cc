using System.Numerics;

namespace Accel.Omap.Trusted;

/// <summary>
/// Key to dense item id, an open-addressing hash table in plain arrays: it models the key-to-location table that
/// lives in HBM, where the host cannot watch it, so its own access pattern needs no hiding. Linear probing with
/// backward-shift deletion keeps probes short without tombstones. Ids are reused, so per-item arrays stay N long.
/// </summary>
internal sealed partial class KeyIndex
{
    private const int Empty = -1;
    private readonly ulong[] slotKeys;
    private readonly int[] slotIds;
    private readonly int[] freeIds;
    private readonly int mask;
    private readonly ulong salt;
    private int freeCount;

    /// <param name="maxItems">Most keys held at once; ids are in [0, maxItems).</param>
    /// <param name="salt">Secret per map, so a chosen key set cannot force long probe runs.</param>
    public KeyIndex(int maxItems, ulong salt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        // At most half full: expected probe lengths stay about 1.5 (hit) and 2.5 (miss).
        int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, maxItems) * 2u);
        slotKeys = new ulong[slots];
        slotIds = new int[slots];
        Array.Fill(slotIds, Empty);
        mask = slots - 1;
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
        for (int slot = Home(key); ; slot = (slot + 1) & mask)
        {
            int id = slotIds[slot];
            if (id == Empty) return -1;
            if (slotKeys[slot] == key) return id;
        }
    }

    /// <summary>Adds an absent key and returns its new id.</summary>
    public int Add(ulong key)
    {
        if (freeCount == 0) throw new OmapInvariantException($"key index full ({Capacity} keys)");
        int slot = Home(key);
        for (; slotIds[slot] != Empty; slot = (slot + 1) & mask)
            if (slotKeys[slot] == key) throw new OmapInvariantException($"key {key} added twice to the key index");
        int id = freeIds[--freeCount];
        slotKeys[slot] = key;
        slotIds[slot] = id;
        return id;
    }

    /// <summary>Removes <paramref name="key"/>; returns its freed id, or -1 when absent.</summary>
    public int Remove(ulong key)
    {
        int hole = Home(key);
        for (; ; hole = (hole + 1) & mask)
        {
            if (slotIds[hole] == Empty) return -1;
            if (slotKeys[hole] == key) break;
        }
        int id = slotIds[hole];
        freeIds[freeCount++] = id;
        // Shift back later entries of the run whose home lies cyclically at or before the hole,
        // so every remaining key stays reachable from its home without a tombstone.
        for (int next = (hole + 1) & mask; slotIds[next] != Empty; next = (next + 1) & mask)
        {
            int home = Home(slotKeys[next]);
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                slotKeys[hole] = slotKeys[next];
                slotIds[hole] = slotIds[next];
                hole = next;
            }
        }
        slotIds[hole] = Empty;
        return id;
    }

    /// <summary>Every (key, id) held, in table order; for audits, not for the access path.</summary>
    public IEnumerable<(ulong Key, int Id)> Entries()
    {
        for (int slot = 0; slot < slotIds.Length; slot++)
            if (slotIds[slot] != Empty) yield return (slotKeys[slot], slotIds[slot]);
    }

    private int Home(ulong key) => (int)(Mix64.Of(key ^ salt) & (ulong)mask);
}
