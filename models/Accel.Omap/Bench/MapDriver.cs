namespace Accel.Omap.Bench;

/// <summary>Applies <see cref="MapOperation"/>s to any <see cref="IObliviousMap"/>: the one harness both maps run under.</summary>
public static class MapDriver
{
    /// <summary>
    /// Runs one request. <paramref name="value"/> (V bytes) receives a get's value and carries a put's value.
    /// Returns whether the key was present before the request.
    /// </summary>
    public static bool Apply(IObliviousMap map, MapOperation operation, Span<byte> value)
    {
        switch (operation.Kind)
        {
            case MapOperationKind.Get:
                return map.TryGet(operation.Key, value);
            case MapOperationKind.Put:
                ValuePattern.Fill(operation.Key, operation.ValueVersion, value);
                return !map.Put(operation.Key, value);
            case MapOperationKind.Delete:
                return map.Delete(operation.Key);
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "unknown map operation kind");
        }
    }

    /// <summary>Runs one request as <see cref="Apply"/> does; returns false when the map refused it (full, or a
    /// trusted bound exceeded: the map is left as it was), so a benchmark counts refusals instead of stopping.</summary>
    public static bool TryApply(IObliviousMap map, MapOperation operation, Span<byte> value)
    {
        try
        {
            Apply(map, operation, value);
            return true;
        }
        catch (Exception e) when (e is OmapCapacityException or OmapBoundExceededException)
        {
            return false;
        }
    }
}
