namespace Accel.Omap.Tests.Support;

/// <summary>
/// The reference a map is checked against: a Dictionary from key to the version of its ValuePattern value.
/// <see cref="Check"/> runs one request on the map and on the mirror and fails on the first disagreement.
/// </summary>
internal sealed class MapMirror
{
    private readonly Dictionary<ulong, ulong> versions = [];
    private readonly byte[] expected;
    private readonly byte[] actual;

    public MapMirror(KeyValueDataSet initial)
    {
        for (int i = 0; i < initial.Count; i++) versions.Add(initial.Key(i), 0);
        expected = new byte[initial.ValueBytes];
        actual = new byte[initial.ValueBytes];
    }

    public int Count => versions.Count;

    /// <summary>How many requests of each outcome were checked: (kind, hit) -> count.</summary>
    public Dictionary<(MapOperationKind Kind, bool Hit), long> Outcomes { get; } = [];

    public void Check(IObliviousMap map, MapOperation operation, long step)
    {
        bool wasPresent = versions.TryGetValue(operation.Key, out ulong version);
        bool reported = MapDriver.Apply(map, operation, actual);
        if (reported != wasPresent)
            throw new Xunit.Sdk.XunitException($"step {step}: {operation} reported present={reported}, mirror says {wasPresent}");
        if (operation.Kind == MapOperationKind.Get && wasPresent)
        {
            ValuePattern.Fill(operation.Key, version, expected);
            if (!expected.AsSpan().SequenceEqual(actual))
                throw new Xunit.Sdk.XunitException($"step {step}: get {operation.Key} returned a wrong value (expected version {version})");
        }
        Apply(operation);
        var outcome = (operation.Kind, wasPresent);
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
    }

    /// <summary>Records a request the map completed without checking it against the map.</summary>
    public void Apply(MapOperation operation)
    {
        if (operation.Kind == MapOperationKind.Put) versions[operation.Key] = operation.ValueVersion;
        else if (operation.Kind == MapOperationKind.Delete) versions.Remove(operation.Key);
    }

    /// <summary>Fails unless <paramref name="contents"/> (a trusted audit of the map) holds exactly the mirror's items.</summary>
    public void AssertSameAs(Dictionary<ulong, byte[]> contents)
    {
        Assert.Equal(versions.Count, contents.Count);
        foreach (var (key, version) in versions)
        {
            Assert.True(contents.TryGetValue(key, out var value), $"key {key} missing from the map");
            ValuePattern.Fill(key, version, expected);
            Assert.True(expected.AsSpan().SequenceEqual(value), $"key {key} holds a wrong value (expected version {version})");
        }
    }
}
