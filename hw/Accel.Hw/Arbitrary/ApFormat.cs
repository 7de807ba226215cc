using System.Numerics;

namespace Accel.Hw;

/// <summary>The shape of an arbitrary-precision value as Vitis's ap_fixed_base sees it: <see cref="Width"/> bits of
/// which <see cref="IntBits"/> are integer bits (the sign included), so the value is raw / 2^<see cref="FracBits"/>.
/// The result shapes of + - * and negation are the ones ap_fixed_base.h's RType gives, so an intermediate holds
/// exactly the bits the C++ one does. <see cref="IsInt"/> marks an ap_int (Int, UInt, and the results of their
/// arithmetic), whose comparisons follow ap_private's rules rather than ap_fixed's.</summary>
public readonly record struct ApFormat(int Width, int IntBits, bool Signed, bool IsInt = false)
{
    public int FracBits => Width - IntBits;

    /// <summary>The integer a port word, control register or golden vector holds a stored value in, as Vitis packs it
    /// on the board: the smallest of 8, 16, 32 and 64 bits holding the width, the low bits its raw bits.</summary>
    public int ContainerBits => Width <= 8 ? 8 : Width <= 16 ? 16 : Width <= 32 ? 32 : 64;

    public BigInteger Min => Signed ? -(BigInteger.One << (Width - 1)) : BigInteger.Zero;
    public BigInteger Max => (BigInteger.One << (Signed ? Width - 1 : Width)) - 1;

    /// <summary>C++ int as an operand: ap_int&lt;32&gt;.</summary>
    public static readonly ApFormat Int32 = new(32, 32, true, IsInt: true);

    // An unsigned operand beside a signed one needs one more integer bit to sit in a signed result (RType's plus_w).
    private static int JoinedIntBits(ApFormat a, ApFormat b) =>
        Math.Max(a.IntBits + (b.Signed && !a.Signed ? 1 : 0), b.IntBits + (a.Signed && !b.Signed ? 1 : 0));

    public static ApFormat Sum(ApFormat a, ApFormat b)
    {
        int i = JoinedIntBits(a, b) + 1;
        return new ApFormat(i + Math.Max(a.FracBits, b.FracBits), i, a.Signed || b.Signed, a.IsInt && b.IsInt);
    }

    /// <summary>A difference is signed even of two unsigned values (RType's minus_s).</summary>
    public static ApFormat Difference(ApFormat a, ApFormat b) => Sum(a, b) with { Signed = true };

    public static ApFormat Product(ApFormat a, ApFormat b) => new(a.Width + b.Width, a.IntBits + b.IntBits, a.Signed || b.Signed, a.IsInt && b.IsInt);

    public static ApFormat Negation(ApFormat a) => new(a.Width + 1, a.IntBits + 1, true, a.IsInt);

    /// <summary>The raw bits of a value held at <paramref name="fromFrac"/> fractional bits, quantised to this
    /// shape's fractional bits by <paramref name="q"/> and brought into range by <paramref name="o"/>.
    /// <paramref name="fromSigned"/> is the source's signedness: ap_fixed_base's AP_SAT_SYM turns a signed
    /// source's result that lands on the minimum into minus the maximum (its overflow check counts the minimum as
    /// an underflow), which real ap_fixed does for doubles and signed fixed-point sources alike.</summary>
    public BigInteger Quantise(BigInteger raw, int fromFrac, QuantMode q, OverflowMode o, bool fromSigned)
    {
        var value = Overflow(Round(raw, fromFrac - FracBits, q), o);
        return o == OverflowMode.SatSym && Signed && fromSigned && value == Min ? -Max : value;
    }

    /// <summary>A double's exact value quantised to this shape: ap_fixed_base(double).</summary>
    public BigInteger QuantiseDouble(double value, QuantMode q, OverflowMode o) => ApDouble.Quantise(value, this, q, o);

    private static BigInteger Round(BigInteger raw, int drop, QuantMode q)
    {
        if (drop <= 0) return raw << -drop;
        var floor = raw >> drop; // BigInteger's >> is arithmetic: toward minus infinity
        var rest = raw - (floor << drop);
        if (rest.IsZero) return floor;
        var half = BigInteger.One << (drop - 1);
        bool up = q switch
        {
            QuantMode.Trn => false,
            QuantMode.TrnZero => raw.Sign < 0,
            QuantMode.Rnd => rest >= half,
            QuantMode.RndZero => rest > half || (rest == half && raw.Sign < 0),
            QuantMode.RndMinInf => rest > half,
            QuantMode.RndInf => rest > half || (rest == half && raw.Sign > 0),
            QuantMode.RndConv => rest > half || (rest == half && !floor.IsEven),
            _ => throw new ArgumentOutOfRangeException(nameof(q)),
        };
        return up ? floor + 1 : floor;
    }

    private BigInteger Overflow(BigInteger value, OverflowMode o)
    {
        if (value >= Min && value <= Max) return value;
        return o switch
        {
            OverflowMode.Wrap => Wrapped(value),
            OverflowMode.Sat => value < Min ? Min : Max,
            OverflowMode.SatZero => BigInteger.Zero,
            OverflowMode.SatSym => value < Min ? (Signed ? -Max : Min) : Max,
            _ => throw new ArgumentOutOfRangeException(nameof(o)),
        };
    }

    /// <summary>The low <see cref="Width"/> bits, sign-extended when signed.</summary>
    public BigInteger Wrapped(BigInteger value)
    {
        var modulus = BigInteger.One << Width;
        var low = value & (modulus - 1);
        return Signed && low > Max ? low - modulus : low;
    }

    public override string ToString() => IsInt ? $"{(Signed ? "" : "u")}int<{Width}>" : $"{(Signed ? "" : "u")}fixed<{Width},{IntBits}>";
}
