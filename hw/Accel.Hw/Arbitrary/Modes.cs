namespace Accel.Hw;

/// <summary>How a value is rounded to a type's fractional bits: Vitis's ap_q_mode, with the same names.</summary>
public enum QuantMode
{
    /// <summary>AP_TRN: toward minus infinity (drop the bits).</summary>
    Trn,
    /// <summary>AP_TRN_ZERO: toward zero.</summary>
    TrnZero,
    /// <summary>AP_RND: to nearest, ties toward plus infinity.</summary>
    Rnd,
    /// <summary>AP_RND_ZERO: to nearest, ties toward zero.</summary>
    RndZero,
    /// <summary>AP_RND_MIN_INF: to nearest, ties toward minus infinity.</summary>
    RndMinInf,
    /// <summary>AP_RND_INF: to nearest, ties away from zero.</summary>
    RndInf,
    /// <summary>AP_RND_CONV: to nearest, ties to even.</summary>
    RndConv,
}

/// <summary>What happens to a value outside a type's range: Vitis's ap_o_mode (without the N saturation bits).</summary>
public enum OverflowMode
{
    /// <summary>AP_WRAP: keep the low bits.</summary>
    Wrap,
    /// <summary>AP_SAT: clamp to the type's minimum or maximum.</summary>
    Sat,
    /// <summary>AP_SAT_ZERO: zero on overflow.</summary>
    SatZero,
    /// <summary>AP_SAT_SYM: clamp to plus or minus the maximum (signed types never hold the minimum after overflow).</summary>
    SatSym,
}

/// <summary>A quantisation mode written as a type, for <see cref="Fixed{TW, TI, TQ, TO}"/>'s type arguments.</summary>
public interface IQuantization
{
    static abstract QuantMode Mode { get; }
}

/// <summary>An overflow mode written as a type, for <see cref="Fixed{TW, TI, TQ, TO}"/>'s type arguments.</summary>
public interface IOverflow
{
    static abstract OverflowMode Mode { get; }
}

public readonly struct Trn : IQuantization { public static QuantMode Mode => QuantMode.Trn; }
public readonly struct TrnZero : IQuantization { public static QuantMode Mode => QuantMode.TrnZero; }
public readonly struct Rnd : IQuantization { public static QuantMode Mode => QuantMode.Rnd; }
public readonly struct RndZero : IQuantization { public static QuantMode Mode => QuantMode.RndZero; }
public readonly struct RndMinInf : IQuantization { public static QuantMode Mode => QuantMode.RndMinInf; }
public readonly struct RndInf : IQuantization { public static QuantMode Mode => QuantMode.RndInf; }
public readonly struct RndConv : IQuantization { public static QuantMode Mode => QuantMode.RndConv; }

public readonly struct Wrap : IOverflow { public static OverflowMode Mode => OverflowMode.Wrap; }
public readonly struct Sat : IOverflow { public static OverflowMode Mode => OverflowMode.Sat; }
public readonly struct SatZero : IOverflow { public static OverflowMode Mode => OverflowMode.SatZero; }
public readonly struct SatSym : IOverflow { public static OverflowMode Mode => OverflowMode.SatSym; }
