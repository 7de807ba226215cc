namespace Accel.Omap;

/// <summary>SplitMix64's finaliser: a cheap bijection on 64-bit words in which every input bit reaches every output bit.</summary>
internal static class Mix64
{
    public static ulong Of(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
