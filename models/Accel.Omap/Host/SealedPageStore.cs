using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Accel.Omap.Host;

/// <summary>
/// Fixed-size pages in host memory, each sealed with AES-GCM. Page index and version form the nonce and the
/// associated data, and the versions stay in trusted memory: a flipped bit, a page copied to another index and an
/// old copy replayed all fail the tag check. The nonce never repeats because every write bumps the version.
/// </summary>
internal sealed class SealedPageStore : IDisposable
{
    public const int TagBytes = 16;
    private const int NonceBytes = 12;
    private readonly AesGcm aes;
    private readonly ulong[] versions;
    private readonly byte[] sealedBuffer;

    public SealedPageStore(int pageCount, int plaintextBytes, ReadOnlySpan<byte> key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plaintextBytes);
        PageCount = pageCount;
        PlaintextBytes = plaintextBytes;
        SealedBytes = plaintextBytes + TagBytes;
        versions = new ulong[pageCount];
        sealedBuffer = new byte[SealedBytes];
        aes = new AesGcm(key, TagBytes);
        Host = new HostMemory((long)pageCount * SealedBytes);
    }

    public HostMemory Host { get; }

    public int PageCount { get; }

    public int PlaintextBytes { get; }

    /// <summary>Bytes of one page in host memory, and so of every transfer this store makes.</summary>
    public int SealedBytes { get; }

    public long OffsetOf(int page) => (long)page * SealedBytes;

    public ulong VersionOf(int page) => versions[page];

    /// <summary>Reads and authenticates page <paramref name="page"/>; throws <see cref="HostIntegrityException"/> on any mismatch.</summary>
    public void Read(int page, Span<byte> plaintext)
    {
        CheckPage(page, plaintext.Length);
        if (versions[page] == 0)
            throw new OmapInvariantException($"page {page} is read before it was ever written");
        Host.Read(OffsetOf(page), sealedBuffer);
        Open(page, sealedBuffer, plaintext);
    }

    /// <summary>Seals and writes page <paramref name="page"/> under its next version.</summary>
    public void Write(int page, ReadOnlySpan<byte> plaintext)
    {
        CheckPage(page, plaintext.Length);
        ulong version = versions[page] + 1;
        Span<byte> context = stackalloc byte[NonceBytes];
        WriteContext(page, version, context);
        aes.Encrypt(context, plaintext, sealedBuffer.AsSpan(0, PlaintextBytes), sealedBuffer.AsSpan(PlaintextBytes), context);
        Host.Write(OffsetOf(page), sealedBuffer);
        versions[page] = version;
    }

    /// <summary>Authenticates page bytes already fetched (trusted-side audit and reads share this check).</summary>
    public void Open(int page, ReadOnlySpan<byte> sealedPage, Span<byte> plaintext)
    {
        Span<byte> context = stackalloc byte[NonceBytes];
        WriteContext(page, versions[page], context);
        try
        {
            aes.Decrypt(context, sealedPage[..PlaintextBytes], sealedPage[PlaintextBytes..], plaintext, context);
        }
        catch (AuthenticationTagMismatchException)
        {
            plaintext.Clear();
            throw new HostIntegrityException(page, versions[page], OffsetOf(page));
        }
    }

    public void Dispose() => aes.Dispose();

    // Nonce and associated data: page index (4 bytes) then version (8 bytes), both little-endian.
    private static void WriteContext(int page, ulong version, Span<byte> context)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(context, (uint)page);
        BinaryPrimitives.WriteUInt64LittleEndian(context[4..], version);
    }

    private void CheckPage(int page, int plaintextLength)
    {
        if ((uint)page >= (uint)PageCount)
            throw new OmapInvariantException($"page {page} outside [0, {PageCount})");
        if (plaintextLength != PlaintextBytes)
            throw new OmapInvariantException($"page buffer of {plaintextLength} bytes, pages hold {PlaintextBytes}");
    }
}
