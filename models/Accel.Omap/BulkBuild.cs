namespace Accel.Omap;

/// <summary>What both maps' bulk builds share: the checks on the data set before anything is placed, and a map that
/// fails to load is disposed, not leaked with its host memory.</summary>
internal static class BulkBuild
{
    public static TMap Loaded<TMap>(TMap map, Action<TMap> load) where TMap : IObliviousMap
    {
        try
        {
            load(map);
        }
        catch
        {
            map.Dispose();
            throw;
        }
        return map;
    }

    /// <param name="algorithm">The map's name in messages ("BOLT", "Path ORAM").</param>
    public static void CheckFits(IObliviousMap map, string algorithm, KeyValueDataSet items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.ValueBytes != map.ValueBytes)
            throw new ArgumentException($"{algorithm} map holds {map.ValueBytes}-byte values; the data set has {items.ValueBytes}-byte values", nameof(items));
        if (items.Count > map.Capacity)
            throw new OmapCapacityException($"data set has {items.Count} items; {algorithm} map capacity is {map.Capacity}");
        if (map.Count != 0) throw new OmapInvariantException("Load called on a map that already holds items");
    }
}
