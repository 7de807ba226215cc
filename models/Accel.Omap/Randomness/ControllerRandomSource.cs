using System.Buffers.Binary;
using Accel.Kernels.Omap;

namespace Accel.Omap.Randomness;

/// <summary>
/// The omap_controller kernel's on-chip generator as a source for the C# maps: SplitMix64 in counter form (word k
/// of seed s is Mix(s + (k + 1) * 0x9E3779B97F4A7C15), Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014). A map drawing from it makes the draws the kernel makes from the same seed and
/// counter, which is how the two are compared. Statistically sound (it passes BigCrush) but not cryptographic:
/// its words are invertible, so a production design would run AES-CTR (SeededRandomSource's construction) on chip.
/// </summary>
public sealed class ControllerRandomSource(ulong seed) : IRandomSource
{
    public ulong Seed { get; } = seed;

    /// <summary>Words drawn so far: the kernel's generator counter.</summary>
    public ulong Drawn { get; private set; }

    public ulong NextUInt64() => OmapControllerLayout.GeneratorWord(Seed, Drawn++);

    /// <summary>Byte draws (sealing keys) take whole words, little-endian, and advance the counter as the kernel would.</summary>
    public void Fill(Span<byte> destination)
    {
        Span<byte> word = stackalloc byte[sizeof(ulong)];
        while (!destination.IsEmpty)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(word, NextUInt64());
            int take = Math.Min(sizeof(ulong), destination.Length);
            word[..take].CopyTo(destination);
            destination = destination[take..];
        }
    }
}
