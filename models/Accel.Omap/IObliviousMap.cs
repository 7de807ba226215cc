using Accel.Omap.Host;

namespace Accel.Omap;

/// <summary>
/// An oblivious map from 64-bit keys to fixed-size values whose bulk data lives in untrusted host memory.
/// Every request (hit or miss, get, put or delete) makes host traffic drawn from one fixed distribution, so the
/// host learns nothing about keys, values or request kinds. BOLT and the Path ORAM baseline both implement it,
/// which lets one harness run, check and measure either. Not thread-safe: requests are served one at a time,
/// as the accelerator serves them.
/// </summary>
public interface IObliviousMap : IDisposable
{
    /// <summary>Short algorithm name: "bolt" or "pathoram".</summary>
    string Name { get; }

    /// <summary>Most items the map holds (N).</summary>
    int Capacity { get; }

    /// <summary>Bytes of every value (V).</summary>
    int ValueBytes { get; }

    int Count { get; }

    /// <summary>The untrusted memory the map's pages or buckets live in, as the attacker sees it.</summary>
    HostMemory Host { get; }

    /// <summary>Bytes of every host transfer the map makes (one sealed page or bucket).</summary>
    int TransferBytes { get; }

    /// <summary>Copies the value of <paramref name="key"/> into <paramref name="value"/> (exactly V bytes); false on a miss.</summary>
    bool TryGet(ulong key, Span<byte> value);

    /// <summary>Inserts or updates; returns true when the key was new. Throws <see cref="OmapCapacityException"/> when full.</summary>
    bool Put(ulong key, ReadOnlySpan<byte> value);

    /// <summary>Removes <paramref name="key"/>; returns false when it was absent.</summary>
    bool Delete(ulong key);
}
