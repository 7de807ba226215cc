namespace Accel.Hw;

/// <summary>Named fixed-point operations on plain integers. Each has one C++ spelling in accel_fixed.h with the
/// same bits; the transpiler maps them through its intrinsic table.</summary>
public static class Fx
{
    /// <summary>x / 2^n rounded to nearest, ties toward +infinity (add half, then arithmetic shift).</summary>
    public static long RoundShift(long x, int n) => n <= 0 ? x : (x + (1L << (n - 1))) >> n;

    /// <summary>Clamps x to the signed range of <paramref name="bits"/> bits.</summary>
    public static long Saturate(long x, int bits)
    {
        long max = (1L << (bits - 1)) - 1, min = -max - 1;
        return x > max ? max : x < min ? min : x;
    }

    /// <summary>Clamps x to [0, 2^bits - 1].</summary>
    public static long SaturateUnsigned(long x, int bits)
    {
        long max = (1L << bits) - 1;
        return x > max ? max : x < 0 ? 0 : x;
    }

    /// <summary>(a * b) / 2^shift rounded to nearest, computed in 64 bits.</summary>
    public static long MulRound(long a, long b, int shift) => RoundShift(a * b, shift);

    /// <summary>Number of leading zero bits of a 64-bit value (64 for zero).</summary>
    public static int LeadingZeros(ulong x) => System.Numerics.BitOperations.LeadingZeroCount(x);

    /// <summary>Generation-time conversion: the nearest fixed-point value with <paramref name="fracBits"/>
    /// fraction bits, saturated to <paramref name="bits"/> bits. Never part of a kernel body.</summary>
    public static long FromDouble(double value, int fracBits, int bits = 64)
    {
        double scaled = Math.Round(value * Math.Pow(2, fracBits), MidpointRounding.AwayFromZero);
        double max = Math.Pow(2, bits - 1) - 1, min = -Math.Pow(2, bits - 1);
        return (long)Math.Clamp(scaled, min, max);
    }

    public static double ToDouble(long value, int fracBits) => value / Math.Pow(2, fracBits);
}
