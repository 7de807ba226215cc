using System.Numerics;

namespace Accel.Hw;

/// <summary>An unsigned fixed-point number of TW bits, TI of them integer bits: Vitis's <c>ap_ufixed&lt;W, I, Q, O&gt;</c>, exact in C#.</summary>
public readonly struct UFixed<TW, TI, TQ, TO> : IEquatable<UFixed<TW, TI, TQ, TO>>
    where TW : IWidth where TI : IWidth where TQ : IQuantization where TO : IOverflow
{
    /// <summary>The shape Vitis gives this type.</summary>
    public static ApFormat Format => new(TW.Bits, TI.Bits, false);

    private readonly Int128 raw;

    private UFixed(BigInteger raw) => this.raw = (Int128)raw;

    /// <summary>The value's bits (value times 2^FracBits), sign-extended (as a long: a 64-bit value's top bit reads as the sign).</summary>
    public long Raw => (long)raw;

    /// <summary>The value whose bits are the low Width bits of <paramref name="bits"/> (how a port word is read).</summary>
    public static UFixed<TW, TI, TQ, TO> FromRaw(long bits) => new(Format.Wrapped(bits));

    public static implicit operator FixedValue(UFixed<TW, TI, TQ, TO> a) => new((BigInteger)a.raw, Format);

    /// <summary>Storing a value quantises and overflows it by this type's modes, as an ap_fixed assignment does.</summary>
    public static implicit operator UFixed<TW, TI, TQ, TO>(FixedValue v) => new(Format.Quantise(v.Raw, v.Format.FracBits, TQ.Mode, TO.Mode, v.Format.Signed));

    public static explicit operator UFixed<TW, TI, TQ, TO>(int value) => (FixedValue)value;

    public static explicit operator UFixed<TW, TI, TQ, TO>(long value) => new(Format.Quantise(value, 0, TQ.Mode, TO.Mode, fromSigned: true));

    /// <summary>A double's exact value, quantised: ap_fixed_base(double).</summary>
    public static explicit operator UFixed<TW, TI, TQ, TO>(double value) => new(Format.QuantiseDouble(value, TQ.Mode, TO.Mode));

    public static explicit operator long(UFixed<TW, TI, TQ, TO> a) => (long)(FixedValue)a;
    public static explicit operator int(UFixed<TW, TI, TQ, TO> a) => (int)(FixedValue)a;
    public static explicit operator double(UFixed<TW, TI, TQ, TO> a) => (double)(FixedValue)a;

    public static FixedValue operator +(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a + b;
    public static FixedValue operator -(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a - b;
    public static FixedValue operator *(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a * b;
    public static FixedValue operator -(UFixed<TW, TI, TQ, TO> a) => -(FixedValue)a;
    public static UFixed<TW, TI, TQ, TO> operator <<(UFixed<TW, TI, TQ, TO> a, int count) => new(((FixedValue)a << count).Raw);
    public static UFixed<TW, TI, TQ, TO> operator >>(UFixed<TW, TI, TQ, TO> a, int count) => new(((FixedValue)a >> count).Raw);
    public static bool operator ==(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a == b;
    public static bool operator !=(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a != b;
    public static bool operator <(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a < b;
    public static bool operator <=(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a <= b;
    public static bool operator >(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a > b;
    public static bool operator >=(UFixed<TW, TI, TQ, TO> a, FixedValue b) => (FixedValue)a >= b;

    public bool Equals(UFixed<TW, TI, TQ, TO> other) => raw == other.raw;
    public override bool Equals(object? obj) => obj is UFixed<TW, TI, TQ, TO> other && Equals(other);
    public override int GetHashCode() => raw.GetHashCode();
    public override string ToString() => ((FixedValue)this).ToString();
}
