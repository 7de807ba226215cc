namespace Accel.Resources;

public enum Storage { Registers, Lutram, Bram, Uram }

/// <summary>The cost of one memory bank of depth x width, by the UltraScale+ primitives: a LUT6 holds 64x1 of
/// ROM, or of RAM with a second LUT for the separate write port (RAM64X1D); an 18 Kbit block RAM is 16Kx1,
/// 8Kx2, 4Kx4, 2Kx9, 1Kx18, or 512x36 with one read and one write port (simple dual port), which a ROM read
/// twice a cycle cannot use; an UltraRAM is 4Kx72.</summary>
public static class MemoryCosts
{
    private static readonly (long Depth, int Width)[] TrueDualPort = [(16384, 1), (8192, 2), (4096, 4), (2048, 9), (1024, 18)];
    private static readonly (long Depth, int Width)[] SimpleDualPort = [.. TrueDualPort, (512, 36)];

    public sealed record Bank(Storage Storage, ResourceVector Cost);

    /// <summary>A RAM bank with one read and one write port.</summary>
    public static Bank Ram(long depth, int width, EstimatorOptions options)
    {
        long bits = depth * width;
        if (bits <= options.LutramMaxBits) return new(Storage.Lutram, new(0, 0, 0, 2 * width * Ceil(depth, 64), 0));
        if (options.UramMinBits is long min && bits >= min) return new(Storage.Uram, new(0, 0, Ceil(width, 72) * Ceil(depth, 4096), 0, 0));
        return new(Storage.Bram, new(0, BlockRams(depth, width, SimpleDualPort), 0, 0, 0));
    }

    /// <summary>A ROM read <paramref name="reads"/> times a cycle: a LUT ROM is copied once per read; a block RAM
    /// serves two reads (true dual port), so it is copied once per two.</summary>
    public static Bank Rom(long depth, int width, long reads, EstimatorOptions options)
    {
        reads = Math.Max(1, reads);
        if (depth * width <= options.LutramMaxBits) return new(Storage.Lutram, new(0, 0, 0, reads * width * Ceil(depth, 64), 0));
        return new(Storage.Bram, new(0, Ceil(reads, 2) * BlockRams(depth, width, TrueDualPort), 0, 0, 0));
    }

    /// <summary>The fewest 18 Kbit block RAMs over the aspect ratios the ports allow.</summary>
    private static long BlockRams(long depth, int width, IReadOnlyList<(long Depth, int Width)> shapes) =>
        shapes.Min(s => Ceil(width, s.Width) * Ceil(depth, s.Depth));

    public static long Ceil(long a, long b) => (a + b - 1) / b;
}
