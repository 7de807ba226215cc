using System.Security.Cryptography;

namespace Accel.Omap.Randomness;

/// <summary>Production randomness: the operating system's CSPRNG, unpredictable to the host.</summary>
public sealed class CryptoRandomSource : BufferedRandomSource
{
    protected override void Refill(Span<byte> block) => RandomNumberGenerator.Fill(block);
}
