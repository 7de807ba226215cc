namespace Accel.Omap;

/// <summary>A request the map refused; the map is left exactly as it was before the request.</summary>
public class OmapException(string message) : Exception(message);

/// <summary>A new key was put into a map that already holds its capacity N of items.</summary>
public sealed class OmapCapacityException(string message) : OmapException(message);

/// <summary>
/// A fixed-size trusted structure would overflow (bin load, eviction queue, stash). The bounds are chosen so this
/// happens with negligible probability (see DESIGN.md); when it does, the request is refused, not truncated.
/// </summary>
public sealed class OmapBoundExceededException(string bound, long limit, string message) : OmapException(message)
{
    /// <summary>Which bound: "bin load", "eviction queue" or "stash".</summary>
    public string Bound { get; } = bound;

    public long Limit { get; } = limit;
}

/// <summary>
/// A host page failed authentication: its bytes were flipped, it was moved from another index, or an older
/// version was replayed. Nothing from it was used and no trusted state changed.
/// </summary>
public sealed class HostIntegrityException(int page, ulong expectedVersion, long offset)
    : OmapException($"host page {page} at offset {offset} failed AES-GCM authentication against trusted version " +
                    $"{expectedVersion}: the host tampered with it, swapped it with another page or replayed an old copy")
{
    public int Page { get; } = page;

    public ulong ExpectedVersion { get; } = expectedVersion;
}

/// <summary>An internal invariant of a map broke: a bug in this library, never a property of the input.</summary>
public sealed class OmapInvariantException(string message) : Exception("internal error in Accel.Omap: " + message);
