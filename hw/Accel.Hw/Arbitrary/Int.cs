using System.Numerics;

namespace Accel.Hw;

/// <summary>A signed integer of TW bits: Vitis's <c>ap_int&lt;W&gt;</c>, exact in C#. Arithmetic gives an exact
/// <see cref="FixedValue"/> (an 8-bit sum has 9 bits, as ap_int's does); storing it keeps the low TW bits.</summary>
public readonly struct Int<TW> : IEquatable<Int<TW>>
    where TW : IWidth
{
    /// <summary>The shape Vitis gives this type.</summary>
    public static ApFormat Format => new(TW.Bits, TW.Bits, true, IsInt: true);

    private readonly Int128 raw;

    private Int(BigInteger raw) => this.raw = (Int128)raw;

    /// <summary>The value's bits (value times 2^FracBits), sign-extended.</summary>
    public long Raw => (long)raw;

    /// <summary>The value whose bits are the low Width bits of <paramref name="bits"/> (how a port word is read).</summary>
    public static Int<TW> FromRaw(long bits) => new(Format.Wrapped(bits));

    public static implicit operator FixedValue(Int<TW> a) => new((BigInteger)a.raw, Format);

    /// <summary>Storing a value quantises and overflows it by this type's modes, as an ap_fixed assignment does.</summary>
    public static implicit operator Int<TW>(FixedValue v) => new(Format.Quantise(v.Raw, v.Format.FracBits, QuantMode.Trn, OverflowMode.Wrap, v.Format.Signed));

    public static explicit operator Int<TW>(int value) => (FixedValue)value;

    public static explicit operator Int<TW>(long value) => new(Format.Quantise(value, 0, QuantMode.Trn, OverflowMode.Wrap, fromSigned: true));


    public static explicit operator long(Int<TW> a) => (long)(FixedValue)a;
    public static explicit operator int(Int<TW> a) => (int)(FixedValue)a;
    public static explicit operator double(Int<TW> a) => (double)(FixedValue)a;

    public static FixedValue operator +(Int<TW> a, FixedValue b) => (FixedValue)a + b;
    public static FixedValue operator -(Int<TW> a, FixedValue b) => (FixedValue)a - b;
    public static FixedValue operator *(Int<TW> a, FixedValue b) => (FixedValue)a * b;
    public static FixedValue operator -(Int<TW> a) => -(FixedValue)a;
    public static Int<TW> operator <<(Int<TW> a, int count) => new(((FixedValue)a << count).Raw);
    public static Int<TW> operator >>(Int<TW> a, int count) => new(((FixedValue)a >> count).Raw);
    public static bool operator ==(Int<TW> a, FixedValue b) => (FixedValue)a == b;
    public static bool operator !=(Int<TW> a, FixedValue b) => (FixedValue)a != b;
    public static bool operator <(Int<TW> a, FixedValue b) => (FixedValue)a < b;
    public static bool operator <=(Int<TW> a, FixedValue b) => (FixedValue)a <= b;
    public static bool operator >(Int<TW> a, FixedValue b) => (FixedValue)a > b;
    public static bool operator >=(Int<TW> a, FixedValue b) => (FixedValue)a >= b;

    public bool Equals(Int<TW> other) => raw == other.raw;
    public override bool Equals(object? obj) => obj is Int<TW> other && Equals(other);
    public override int GetHashCode() => raw.GetHashCode();
    public override string ToString() => ((FixedValue)this).ToString();
}
