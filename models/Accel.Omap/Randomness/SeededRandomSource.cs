using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Accel.Omap.Randomness;

/// <summary>
/// Reproducible cryptographic-quality randomness for tests and benchmarks: AES-128 in counter mode, keyed by
/// SHA-256 of the seed. Same seed, same stream; not for production, where the seed itself would be guessable.
/// </summary>
public sealed class SeededRandomSource : BufferedRandomSource, IDisposable
{
    private readonly Aes aes = Aes.Create();
    private readonly byte[] counters = new byte[4096];
    private ulong nextCounter;

    public SeededRandomSource(ulong seed)
    {
        Span<byte> seedBytes = stackalloc byte[24];
        "omap-rng"u8.CopyTo(seedBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(seedBytes[16..], seed);
        aes.Key = SHA256.HashData(seedBytes)[..16];
    }

    protected override void Refill(Span<byte> block)
    {
        for (int offset = 0; offset < counters.Length; offset += 16)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(counters.AsSpan(offset), nextCounter++);
            BinaryPrimitives.WriteUInt64LittleEndian(counters.AsSpan(offset + 8), 0);
        }
        aes.EncryptEcb(counters, block, PaddingMode.None);
    }

    public void Dispose() => aes.Dispose();
}
