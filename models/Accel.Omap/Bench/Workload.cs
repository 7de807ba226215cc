using Accel.Omap.Randomness;

namespace Accel.Omap.Bench;

public enum MapOperationKind : byte
{
    Get,
    Put,
    Delete,
}

/// <summary>One request; a put writes <see cref="ValuePattern"/>(Key, ValueVersion).</summary>
public readonly record struct MapOperation(MapOperationKind Kind, ulong Key, ulong ValueVersion = 0);

/// <summary>Request streams, including the adversarial ones the obliviousness tests compare.</summary>
public enum WorkloadKind
{
    /// <summary>Uniform keys: gets, updates, inserts, deletes, missed gets and missed deletes.</summary>
    Mixed,

    /// <summary>One key over and over, alternating get and put.</summary>
    RepeatOneKey,

    /// <summary>Gets of the initial keys in order, wrapping around.</summary>
    SequentialKeys,

    /// <summary>Gets of keys that are not in the map.</summary>
    MissesOnly,

    /// <summary>Alternating deletes of present keys and inserts of new keys.</summary>
    Churn,

    /// <summary>The BOLT artifact's command mix: uniform present keys, 70% gets and 30% updates (its runs: 1414 gets, 586 puts of 2000).</summary>
    ArtifactMix,
}

/// <summary>
/// Generates a seeded request stream against a map built from <c>initial</c>, tracking which keys are present
/// so hits, misses, inserts and deletes are what they claim to be.
/// </summary>
public sealed class Workload : IDisposable
{
    private readonly WorkloadKind kind;
    private readonly int capacity;
    private readonly SeededRandomSource random;
    private readonly List<ulong> present = [];
    private readonly Dictionary<ulong, int> positions = [];
    private readonly ulong[] initialKeys;
    private ulong version;
    private long issued;

    public Workload(WorkloadKind kind, KeyValueDataSet initial, int capacity, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(initial);
        if (initial.Count == 0 && kind is WorkloadKind.RepeatOneKey or WorkloadKind.SequentialKeys or WorkloadKind.Churn)
            throw new ArgumentException($"workload {kind} needs a non-empty initial data set", nameof(initial));
        this.kind = kind;
        this.capacity = capacity;
        random = new SeededRandomSource(seed);
        initialKeys = new ulong[initial.Count];
        for (int i = 0; i < initial.Count; i++)
        {
            initialKeys[i] = initial.Key(i);
            AddPresent(initial.Key(i));
        }
    }

    public MapOperation Next()
    {
        long n = issued++;
        return kind switch
        {
            WorkloadKind.RepeatOneKey => n % 2 == 0 ? Get(initialKeys[0]) : Put(initialKeys[0]),
            WorkloadKind.SequentialKeys => Get(initialKeys[n % initialKeys.Length]),
            WorkloadKind.MissesOnly => Get(AbsentKey()),
            WorkloadKind.Churn => n % 2 == 0 && present.Count > 0 ? Delete(PresentKey()) : Put(AbsentKey()),
            WorkloadKind.ArtifactMix when present.Count > 0 => random.NextBelow(100) < 70 ? Get(PresentKey()) : Put(PresentKey()),
            _ => NextMixed(),
        };
    }

    /// <summary>The next <paramref name="count"/> requests, generated up front so timing measures only the map.</summary>
    public MapOperation[] Take(int count)
    {
        var operations = new MapOperation[count];
        for (int i = 0; i < count; i++) operations[i] = Next();
        return operations;
    }

    public void Dispose() => random.Dispose();

    private MapOperation NextMixed()
    {
        int roll = random.NextBelow(100);
        bool canInsert = present.Count < capacity;
        if (present.Count == 0 || (roll >= 85 && canInsert)) return Put(AbsentKey());
        return roll switch
        {
            < 40 => Get(PresentKey()),
            < 60 or >= 85 => Put(PresentKey()),
            < 70 => Get(AbsentKey()),
            < 80 => Delete(PresentKey()),
            _ => Delete(AbsentKey()),
        };
    }

    private static MapOperation Get(ulong key) => new(MapOperationKind.Get, key);

    private MapOperation Put(ulong key)
    {
        AddPresent(key);
        return new MapOperation(MapOperationKind.Put, key, ++version);
    }

    private MapOperation Delete(ulong key)
    {
        if (positions.Remove(key, out int position))
        {
            ulong last = present[^1];
            present[position] = last;
            if (last != key) positions[last] = position;
            present.RemoveAt(present.Count - 1);
        }
        return new MapOperation(MapOperationKind.Delete, key);
    }

    private ulong PresentKey() => present[random.NextBelow(present.Count)];

    private ulong AbsentKey()
    {
        ulong key;
        do key = random.NextUInt64(); while (positions.ContainsKey(key));
        return key;
    }

    private void AddPresent(ulong key)
    {
        if (positions.TryAdd(key, present.Count)) present.Add(key);
    }
}
