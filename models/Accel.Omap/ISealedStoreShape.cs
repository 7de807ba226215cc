namespace Accel.Omap;

/// <summary>The sizes a <see cref="SealedStoreMap"/> is built from: items and value bytes, and the sealed host
/// store's page count and plaintext page size (BOLT's host pages, Path ORAM's buckets).</summary>
public interface ISealedStoreShape
{
    int Capacity { get; }

    int ValueBytes { get; }

    int StorePages { get; }

    int StorePageBytes { get; }
}
