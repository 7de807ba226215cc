using Accel.Hw;

namespace Accel.Kernels.Omap;

/// <summary>
/// Golden inputs for omap_controller: an empty map, then one batch that fills three quarters of it with puts of
/// new keys (so the kernel itself does the two-choice placement and the bucket inserts) and goes on with a seeded
/// mix of gets, updates, deletes (backward shifts), misses and a few bad operation codes.
/// </summary>
public static class OmapControllerStimulus
{
    public static void Fill(Stimulus s, int capacity, int itemsPerBin, int hbmBins)
    {
        ArgumentNullException.ThrowIfNull(s);
        var state = new OmapControllerState(capacity, itemsPerBin, hbmBins) { Salt = Word(s.Random), Seed = Word(s.Random) };
        var (operations, keys) = Requests(s.Random, capacity, state.Salt);
        Load(s, state, operations, keys);
    }

    /// <summary>Golden inputs for any state and batch, e.g. a BoltMap's state.</summary>
    public static void Load(Stimulus s, OmapControllerState state, int[] operations, ulong[] keys)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(state);
        s.Scalar("requests", operations.Length).Scalar("salt", (long)state.Salt).Scalar("seed", (long)state.Seed)
         .Array("operations", operations).Array("keys", keys).Output<int>("decisions", operations.Length * OmapControllerLayout.DecisionWords)
         .Array("table", state.Table).Array("freeIds", state.FreeIds).Array("items", state.Items)
         .Array("binLoads", state.BinLoads).Array("queueLengths", state.QueueLengths).Array("pageFlushes", state.PageFlushes)
         .Array("counters", state.Counters).Array("generator", state.Generator);
    }

    /// <summary>A third of the new keys home to bucket 0, so it overflows into bucket 1 (and beyond) and deletes
    /// shift records back across buckets; the rest are uniform.</summary>
    private static (int[] Operations, ulong[] Keys) Requests(Random random, int capacity, ulong salt)
    {
        int buckets = OmapControllerLayout.TableBuckets(capacity);
        int fill = Math.Max(1, capacity * 3 / 4), mixed = Math.Max(64, capacity / 2);
        var operations = new List<int>();
        var keys = new List<ulong>();
        var present = new List<ulong>();
        for (int i = 0; i < fill; i++)
        {
            ulong key = Word(random);
            while (i % 3 == 0 && buckets > 1 && OmapControllerLayout.Home(key, salt, buckets) != 0) key = Word(random);
            present.Add(key);
            operations.Add(OmapControllerLayout.Put);
            keys.Add(key);
        }
        for (int i = 0; i < mixed; i++)
        {
            int roll = random.Next(100);
            ulong known = present[random.Next(present.Count)];
            var (operation, key) = roll switch
            {
                < 35 => (OmapControllerLayout.Get, known),
                < 55 => (OmapControllerLayout.Put, known),
                < 65 => (OmapControllerLayout.Get, Word(random)),
                < 80 => (OmapControllerLayout.Delete, known),
                < 88 => (OmapControllerLayout.Delete, Word(random)),
                < 98 => (OmapControllerLayout.Put, Word(random)),
                _ => (7, known),
            };
            if (operation == OmapControllerLayout.Put && key != known) present.Add(key);
            operations.Add(operation);
            keys.Add(key);
        }
        return ([.. operations], [.. keys]);
    }

    private static ulong Word(Random random) => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33);
}
