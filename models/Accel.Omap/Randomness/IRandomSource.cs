namespace Accel.Omap.Randomness;

/// <summary>
/// The randomness behind placement, flushes, leaves and sealing keys. Obliviousness rests on the host never
/// predicting it, so production uses <see cref="CryptoRandomSource"/> (the operating system's CSPRNG); tests and
/// benchmarks use <see cref="SeededRandomSource"/> (an AES-CTR keystream from a seed) to be reproducible.
/// </summary>
public interface IRandomSource
{
    /// <summary>64 uniformly random bits.</summary>
    ulong NextUInt64();

    /// <summary>Fills <paramref name="destination"/> with uniformly random bytes.</summary>
    void Fill(Span<byte> destination);
}

/// <summary>Derived draws shared by every <see cref="IRandomSource"/>.</summary>
public static class RandomSourceExtensions
{
    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>): Lemire's multiply-and-reject, so no value is favoured
    /// (a plain modulo would skew bins and leaves, and skew is exactly what the obliviousness tests look for).
    /// </summary>
    public static int NextBelow(this IRandomSource random, int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        uint range = (uint)bound;
        ulong product = (random.NextUInt64() >> 32) * range;
        uint low = (uint)product;
        if (low < range)
        {
            uint threshold = (0u - range) % range;
            while (low < threshold)
            {
                product = (random.NextUInt64() >> 32) * range;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }
}
