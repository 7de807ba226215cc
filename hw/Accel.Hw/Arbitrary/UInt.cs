using System.Numerics;

namespace Accel.Hw;

/// <summary>An unsigned integer of TW bits: Vitis's <c>ap_uint&lt;W&gt;</c>, exact in C#; storing keeps the low TW bits.</summary>
public readonly struct UInt<TW> : IEquatable<UInt<TW>>
    where TW : IWidth
{
    /// <summary>The shape Vitis gives this type.</summary>
    public static ApFormat Format => new(TW.Bits, TW.Bits, false, IsInt: true);

    private readonly Int128 raw;

    private UInt(BigInteger raw) => this.raw = (Int128)raw;

    /// <summary>The value's bits (value times 2^FracBits), sign-extended (as a long: a 64-bit value's top bit reads as the sign).</summary>
    public long Raw => (long)raw;

    /// <summary>The value whose bits are the low Width bits of <paramref name="bits"/> (how a port word is read).</summary>
    public static UInt<TW> FromRaw(long bits) => new(Format.Wrapped(bits));

    public static implicit operator FixedValue(UInt<TW> a) => new((BigInteger)a.raw, Format);

    /// <summary>Storing a value quantises and overflows it by this type's modes, as an ap_fixed assignment does.</summary>
    public static implicit operator UInt<TW>(FixedValue v) => new(Format.Quantise(v.Raw, v.Format.FracBits, QuantMode.Trn, OverflowMode.Wrap, v.Format.Signed));

    public static explicit operator UInt<TW>(int value) => (FixedValue)value;

    public static explicit operator UInt<TW>(long value) => new(Format.Quantise(value, 0, QuantMode.Trn, OverflowMode.Wrap, fromSigned: true));


    public static explicit operator long(UInt<TW> a) => (long)(FixedValue)a;
    public static explicit operator int(UInt<TW> a) => (int)(FixedValue)a;
    public static explicit operator double(UInt<TW> a) => (double)(FixedValue)a;

    public static FixedValue operator +(UInt<TW> a, FixedValue b) => (FixedValue)a + b;
    public static FixedValue operator -(UInt<TW> a, FixedValue b) => (FixedValue)a - b;
    public static FixedValue operator *(UInt<TW> a, FixedValue b) => (FixedValue)a * b;
    public static FixedValue operator -(UInt<TW> a) => -(FixedValue)a;
    public static UInt<TW> operator <<(UInt<TW> a, int count) => new(((FixedValue)a << count).Raw);
    public static UInt<TW> operator >>(UInt<TW> a, int count) => new(((FixedValue)a >> count).Raw);
    public static bool operator ==(UInt<TW> a, FixedValue b) => (FixedValue)a == b;
    public static bool operator !=(UInt<TW> a, FixedValue b) => (FixedValue)a != b;
    public static bool operator <(UInt<TW> a, FixedValue b) => (FixedValue)a < b;
    public static bool operator <=(UInt<TW> a, FixedValue b) => (FixedValue)a <= b;
    public static bool operator >(UInt<TW> a, FixedValue b) => (FixedValue)a > b;
    public static bool operator >=(UInt<TW> a, FixedValue b) => (FixedValue)a >= b;

    public bool Equals(UInt<TW> other) => raw == other.raw;
    public override bool Equals(object? obj) => obj is UInt<TW> other && Equals(other);
    public override int GetHashCode() => raw.GetHashCode();
    public override string ToString() => ((FixedValue)this).ToString();
}
