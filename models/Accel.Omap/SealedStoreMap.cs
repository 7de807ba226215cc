using Accel.Omap.Host;
using Accel.Omap.Randomness;
using Accel.Omap.Trusted;

namespace Accel.Omap;

/// <summary>
/// What BOLT and Path ORAM share behind <see cref="IObliviousMap"/>: a trusted key index, an untrusted store of
/// sealed host pages (BOLT's pages, Path ORAM's buckets), the value-size rule of every request and the bulk
/// build's checks. Each map implements one access that serves all three requests.
/// </summary>
public abstract class SealedStoreMap : IObliviousMap
{
    private protected enum Request { Get, Put, Delete }

    /// <param name="name">Short algorithm name (<see cref="IObliviousMap.Name"/>).</param>
    /// <param name="title">The algorithm's name in messages ("BOLT", "Path ORAM").</param>
    /// <param name="random">The index's hash key, then the sealing key, are its first draws, in that order.</param>
    private protected SealedStoreMap(string name, string title, ISealedStoreShape shape, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(shape, "parameters");
        ArgumentNullException.ThrowIfNull(random);
        Name = name;
        Title = title;
        Capacity = shape.Capacity;
        ValueBytes = shape.ValueBytes;
        Index = new KeyIndex(shape.Capacity, random.NextUInt64());
        Span<byte> key = stackalloc byte[16];
        random.Fill(key);
        Store = new SealedPageStore(shape.StorePages, shape.StorePageBytes, key);
    }

    public string Name { get; }

    public int Capacity { get; }

    public int ValueBytes { get; }

    public int Count => Index.Count;

    public HostMemory Host => Store.Host;

    public int TransferBytes => Store.SealedBytes;

    private protected string Title { get; }

    private protected KeyIndex Index { get; }

    private protected SealedPageStore Store { get; }

    public bool TryGet(ulong key, Span<byte> value)
    {
        RequireValueSize(value.Length, nameof(value));
        return Access(Request.Get, key, default, value);
    }

    public bool Put(ulong key, ReadOnlySpan<byte> value)
    {
        RequireValueSize(value.Length, nameof(value));
        return !Access(Request.Put, key, value, default);
    }

    public bool Delete(ulong key) => Access(Request.Delete, key, default, default);

    public void Dispose()
    {
        Store.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One request; true when the key was present before it.</summary>
    private protected abstract bool Access(Request request, ulong key, ReadOnlySpan<byte> newValue, Span<byte> valueOut);

    /// <summary>A map that fails to load is disposed, not leaked with its host memory.</summary>
    private protected static TMap Loaded<TMap>(TMap map, KeyValueDataSet items) where TMap : SealedStoreMap
    {
        try
        {
            map.Load(items);
        }
        catch
        {
            map.Dispose();
            throw;
        }
        return map;
    }

    /// <summary>The bulk build: places <paramref name="items"/> in an empty map.</summary>
    private protected abstract void Load(KeyValueDataSet items);

    /// <summary>The checks on the data set before a bulk build places anything.</summary>
    private protected void CheckFits(KeyValueDataSet items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.ValueBytes != ValueBytes)
            throw new ArgumentException($"{Title} map holds {ValueBytes}-byte values; the data set has {items.ValueBytes}-byte values", nameof(items));
        if (items.Count > Capacity)
            throw new OmapCapacityException($"data set has {items.Count} items; {Title} map capacity is {Capacity}");
        if (Count != 0) throw new OmapInvariantException("Load called on a map that already holds items");
    }

    private void RequireValueSize(int length, string parameter)
    {
        if (length != ValueBytes)
            throw new ArgumentException($"{Title} map holds {ValueBytes}-byte values; '{parameter}' has {length} bytes", parameter);
    }
}
