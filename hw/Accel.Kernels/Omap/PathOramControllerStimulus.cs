using Accel.Hw;

namespace Accel.Kernels.Omap;

/// <summary>
/// Golden inputs for path_oram_controller: half the capacity built in, then a seeded mix of gets, updates, new keys,
/// deletes, misses and a bad code, so reads, stash traffic, eviction, inserts and backward shifts are all compared.
/// </summary>
public static class PathOramControllerStimulus
{
    public static void Fill(Stimulus s, int capacity, int depth, int valueWords, int stashBound)
    {
        ArgumentNullException.ThrowIfNull(s);
        var state = new PathOramControllerState(capacity, depth, valueWords, stashBound) { Salt = Word(s.Random), Seed = Word(s.Random) };
        var items = Enumerable.Range(0, capacity / 2).Select(_ => (Word(s.Random), Value(s.Random, valueWords))).ToList();
        state.Build(items);
        var known = items.Select(i => i.Item1).ToList();
        int requests = Math.Max(64, capacity);
        var operations = new int[requests];
        var keys = new ulong[requests];
        var values = new ulong[requests * valueWords];
        for (int r = 0; r < requests; r++)
        {
            int roll = s.Random.Next(100);
            ulong old = known[s.Random.Next(known.Count)];
            (operations[r], keys[r]) = roll switch
            {
                < 40 => (OmapControllerLayout.Get, old),
                < 60 => (OmapControllerLayout.Put, old),
                < 70 => (OmapControllerLayout.Get, Word(s.Random)),
                < 80 => (OmapControllerLayout.Delete, old),
                < 98 => (OmapControllerLayout.Put, Word(s.Random)),
                _ => (9, old),
            };
            if (operations[r] == OmapControllerLayout.Put && keys[r] != old) known.Add(keys[r]);
            Value(s.Random, valueWords).CopyTo(values, r * valueWords);
        }
        Load(s, state, operations, keys, values);
    }

    public static void Load(Stimulus s, PathOramControllerState state, int[] operations, ulong[] keys, ulong[] values)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(state);
        s.Scalar("requests", operations.Length).Scalar("salt", (long)state.Salt).Scalar("seed", (long)state.Seed)
         .Array("operations", operations).Array("keys", keys).Array("values", values)
         .Output<ulong>("results", operations.Length * state.ValueWords).Output<int>("decisions", operations.Length * PathOramLayout.DecisionWords)
         .Array("positions", state.Positions).Array("tree", state.Tree).Array("stash", state.Stash)
         .Array("counters", state.Counters).Array("generator", state.Generator);
    }

    private static ulong[] Value(Random random, int words) => [.. Enumerable.Range(0, words).Select(_ => Word(random))];

    private static ulong Word(Random random) => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33);
}
