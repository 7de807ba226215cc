using Accel.Hw;

namespace Accel.Kernels.Omap;

/// <summary>
/// Golden inputs for omap_controller: an empty map, then one batch that fills three quarters of it with puts of
/// new keys (so the kernel itself does the two-choice placement) and goes on with a seeded mix of gets, updates,
/// deletes, misses and a few bad operation codes. The random words fall short of what the mix needs, so the
/// batch ends with the out-of-words stop and its not-run tail.
/// </summary>
public static class OmapControllerStimulus
{
    public static void Fill(Stimulus s, int capacity, int itemsPerBin, int hbmBins)
    {
        ArgumentNullException.ThrowIfNull(s);
        var state = new OmapControllerState(capacity, itemsPerBin, hbmBins) { Salt = Word(s.Random) };
        var (operations, keys, fill) = Requests(s.Random, capacity);
        // A put of a new key draws 4 words, the mix about 1.9 per request: 1.5 per mixed request runs out near the end.
        var words = new ulong[4 * fill + 3 * (operations.Length - fill) / 2];
        for (int i = 0; i < words.Length; i++) words[i] = Word(s.Random);
        Load(s, state, operations, keys, words);
    }

    /// <summary>Golden inputs for any state and batch, e.g. a BoltMap's state and the words it drew.</summary>
    public static void Load(Stimulus s, OmapControllerState state, int[] operations, ulong[] keys, ulong[] randomWords)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(state);
        s.Scalar("requests", operations.Length).Scalar("wordCount", randomWords.Length).Scalar("salt", (long)state.Salt)
         .Array("operations", operations).Array("keys", keys).Output<int>("decisions", operations.Length * OmapControllerLayout.DecisionWords)
         .Array("randomWords", randomWords)
         .Array("tableKeys", state.TableKeys).Array("tableIds", state.TableIds).Array("freeIds", state.FreeIds)
         .Array("itemBins", state.ItemBins).Array("itemQueueTags", state.ItemQueueTags)
         .Array("binLoads", state.BinLoads).Array("queueLengths", state.QueueLengths).Array("pageFlushes", state.PageFlushes)
         .Array("counters", state.Counters);
    }

    private static (int[] Operations, ulong[] Keys, int Fill) Requests(Random random, int capacity)
    {
        int fill = Math.Max(1, capacity * 3 / 4), mixed = Math.Max(64, capacity / 2);
        var operations = new List<int>();
        var keys = new List<ulong>();
        var present = new List<ulong>();
        for (int i = 0; i < fill; i++)
        {
            ulong key = Word(random);
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
        return ([.. operations], [.. keys], fill);
    }

    private static ulong Word(Random random) => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33);
}
