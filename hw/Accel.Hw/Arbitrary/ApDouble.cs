using System.Numerics;

namespace Accel.Hw;

/// <summary>A double's exact value as raw bits of a shape: ap_fixed_base(double) quantises the double itself, not a
/// rounded copy of it.</summary>
internal static class ApDouble
{
    public static BigInteger Quantise(double value, ApFormat format, QuantMode q, OverflowMode o)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "a fixed-point value cannot hold NaN or infinity");
        if (value == 0) return BigInteger.Zero;
        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        // value = ±mantissa' * 2^(exponent - 1075), with the hidden bit unless subnormal.
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        var raw = new BigInteger(value < 0 ? -mantissa : mantissa);
        return format.Quantise(raw, 1075 - exponent, q, o, fromSigned: true);
    }
}
