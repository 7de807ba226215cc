using System.Numerics;

namespace Accel.Hw;

/// <summary>The exact result of arithmetic on arbitrary-precision values: what Vitis computes in the intermediate
/// ap_fixed_base whose shape <see cref="ApFormat"/> gives (a product of two 16-bit values has 32 bits, a sum one
/// more integer bit than its wider operand). Nothing is rounded or wrapped until the value is stored into an
/// <see cref="Int{TW}"/>, <see cref="UInt{TW}"/>, <see cref="Fixed{TW, TI, TQ, TO}"/> or
/// <see cref="UFixed{TW, TI, TQ, TO}"/>, which quantises it by that type's modes, as an ap_fixed assignment does.</summary>
public readonly struct FixedValue : IEquatable<FixedValue>
{
    public FixedValue(BigInteger raw, ApFormat format)
    {
        Raw = raw;
        Format = format;
    }

    /// <summary>The value times 2^FracBits.</summary>
    public BigInteger Raw { get; }
    public ApFormat Format { get; }

    public static implicit operator FixedValue(int value) => new(value, ApFormat.Int32);

    public static FixedValue operator +(FixedValue a, FixedValue b)
    {
        var (x, y) = Aligned(a, b);
        return new(x + y, ApFormat.Sum(a.Format, b.Format));
    }

    public static FixedValue operator -(FixedValue a, FixedValue b)
    {
        var (x, y) = Aligned(a, b);
        return new(x - y, ApFormat.Difference(a.Format, b.Format));
    }

    public static FixedValue operator *(FixedValue a, FixedValue b) =>
        new(a.Raw * b.Raw, ApFormat.Product(a.Format, b.Format));

    public static FixedValue operator -(FixedValue a) => new(-a.Raw, ApFormat.Negation(a.Format));

    /// <summary>Shifts keep the shape and drop what leaves it, as ap_fixed_base's do (a negative count shifts the
    /// other way).</summary>
    public static FixedValue operator <<(FixedValue a, int count) =>
        count < 0 ? a >> -count : new(a.Format.Wrapped(a.Raw << count), a.Format);

    public static FixedValue operator >>(FixedValue a, int count) =>
        count < 0 ? a << -count : new(a.Raw >> count, a.Format);

    public static bool operator ==(FixedValue a, FixedValue b) => Compare(a, b) == 0;
    public static bool operator !=(FixedValue a, FixedValue b) => Compare(a, b) != 0;
    public static bool operator <(FixedValue a, FixedValue b) => Compare(a, b) < 0;
    public static bool operator <=(FixedValue a, FixedValue b) => Compare(a, b) <= 0;
    public static bool operator >(FixedValue a, FixedValue b) => Compare(a, b) > 0;
    public static bool operator >=(FixedValue a, FixedValue b) => Compare(a, b) >= 0;

    /// <summary>ap_fixed_base::to_int64: the integer part, rounded toward zero, as ap_fixed_base::to_ap_int_base
    /// computes it: the integer bits (at least one), plus one for a negative value with fraction bits set. With no
    /// integer bits that gives -1 for every negative value (0 plus 1 in one signed bit), as the real header does.</summary>
    public static explicit operator long(FixedValue a)
    {
        int f = a.Format.FracBits, i = Math.Max(a.Format.IntBits, 1);
        var integer = new ApFormat(i, i, a.Format.Signed);
        var whole = a.Format.IntBits == 0 ? BigInteger.Zero : integer.Wrapped(f <= 0 ? a.Raw << -f : a.Raw >> f);
        if (f > 0 && a.Format.Signed && a.Raw.Sign < 0 && !(a.Raw & ((BigInteger.One << f) - 1)).IsZero) whole = integer.Wrapped(whole + 1);
        return (long)new ApFormat(64, 64, true).Wrapped(whole);
    }

    public static explicit operator int(FixedValue a) => unchecked((int)(long)a);

    /// <summary>ap_fixed_base::to_double: exact while the value has at most 53 significant bits.</summary>
    public static explicit operator double(FixedValue a) => Math.ScaleB((double)a.Raw, -a.Format.FracBits);

    /// <summary>This value's raw bits at <paramref name="frac"/> fractional bits (frac at least FracBits).</summary>
    internal BigInteger RawAt(int frac) => Raw << (frac - Format.FracBits);

    private static (BigInteger X, BigInteger Y) Aligned(FixedValue a, FixedValue b)
    {
        int f = Math.Max(a.Format.FracBits, b.Format.FracBits);
        return (a.RawAt(f), b.RawAt(f));
    }

    private static int Compare(FixedValue a, FixedValue b)
    {
        var (x, y) = Aligned(a, b);
        if (UnsignedComparison(a.Format, b.Format))
        {
            // Both sides extended to one bit past the wider and compared as unsigned: a negative value is the larger.
            var modulus = BigInteger.One << (Math.Max(a.Format.Width, b.Format.Width) + 1);
            if (x.Sign < 0) x += modulus;
            if (y.Sign < 0) y += modulus;
        }
        return x.CompareTo(y);
    }

    /// <summary>ap_private's "gcc rule" for ap_int operands of different signedness: unless both are narrower than
    /// 32 bits, they compare as unsigned when the unsigned one is at least as wide (C's usual conversions).</summary>
    private static bool UnsignedComparison(ApFormat a, ApFormat b) =>
        a.IsInt && b.IsInt && a.Signed != b.Signed && !(a.Width < 32 && b.Width < 32)
        && (a.Signed ? b.Width >= a.Width : a.Width >= b.Width);


    public bool Equals(FixedValue other) => this == other;
    public override bool Equals(object? obj) => obj is FixedValue other && Equals(other);
    public override int GetHashCode() => ((double)this).GetHashCode();
    public override string ToString() => ((double)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
