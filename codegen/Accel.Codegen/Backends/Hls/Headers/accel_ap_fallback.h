// Accel HLS support library: a stand-in for Vitis's ap_int.h / ap_fixed.h, for g++ C simulation where the Xilinx
// headers are absent. Written for Accel (not derived from Xilinx's code); it implements only what the generated
// code uses: ap_int, ap_uint, ap_fixed and ap_ufixed of up to 64 bits, their exact + - * and unary - (result
// shapes as Vitis gives them, at most 128 bits, which the transpiler checks), comparisons, shifts by an int,
// conversion between them with every quantisation and overflow mode, to_int64 and to_double. The rules, and the
// places where Vitis's own headers behave unexpectedly (kept here, bit for bit), are those of Accel.Hw's
// ApFormat and FixedValue, which tests/Accel.Tests/Hw/ApGoldenTests checks against the real headers.
#pragma once
#include <cmath>
#include <cstdint>
#include <type_traits>

enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

namespace accel_ap {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

constexpr int max_of(int a, int b) { return a > b ? a : b; }

// Shifts on the two's complement bits: shifting a negative value left is undefined in C++ before C++20.
inline i128 shl(i128 x, int n) { return n >= 128 ? 0 : static_cast<i128>(static_cast<u128>(x) << n); }
inline i128 shr(i128 x, int n) { return n >= 127 ? (x < 0 ? -1 : 0) : x >> n; } // arithmetic in g++

// The low w bits of x, sign-extended when s.
inline i128 wrap(i128 x, int w, bool s)
{
    if (w >= 128) return x;
    u128 low = static_cast<u128>(x) & ((static_cast<u128>(1) << w) - 1);
    if (s && ((low >> (w - 1)) & 1)) low |= ~((static_cast<u128>(1) << w) - 1);
    return static_cast<i128>(low);
}

inline i128 min_of(int w, bool s) { return s ? -shl(1, w - 1) : 0; }
inline i128 max_of(int w, bool s) { return shl(1, s ? w - 1 : w) - 1; }

// x held at `from` fractional bits, rounded to `to` fractional bits.
inline i128 round(i128 x, int from, int to, ap_q_mode q)
{
    int drop = from - to;
    if (drop <= 0) return shl(x, -drop);
    if (drop > 128) return x < 0 && q == AP_TRN ? -1 : 0; // |x| is below half of the last kept bit
    u128 rest = static_cast<u128>(x) & (drop == 128 ? ~static_cast<u128>(0) : (static_cast<u128>(1) << drop) - 1);
    i128 floor = drop == 128 ? (x < 0 ? -1 : 0) : x >> drop;
    if (rest == 0) return floor;
    u128 half = static_cast<u128>(1) << (drop - 1);
    bool up = false;
    switch (q)
    {
    case AP_TRN: up = false; break;
    case AP_TRN_ZERO: up = x < 0; break;
    case AP_RND: up = rest >= half; break;
    case AP_RND_ZERO: up = rest > half || (rest == half && x < 0); break;
    case AP_RND_MIN_INF: up = rest > half; break;
    case AP_RND_INF: up = rest > half || (rest == half && x > 0); break;
    case AP_RND_CONV: up = rest > half || (rest == half && (floor & 1)); break;
    }
    return up ? floor + 1 : floor;
}

inline i128 overflow(i128 x, int w, bool s, ap_o_mode o, bool from_signed)
{
    i128 lo = min_of(w, s), hi = max_of(w, s);
    i128 r = x;
    if (x < lo || x > hi)
    {
        switch (o)
        {
        case AP_SAT: r = x < lo ? lo : hi; break;
        case AP_SAT_ZERO: r = 0; break;
        case AP_SAT_SYM: r = x < lo ? (s ? -hi : lo) : hi; break;
        default: r = wrap(x, w, s); break;
        }
    }
    // Vitis's AP_SAT_SYM counts a signed source landing on the minimum as an underflow.
    if (o == AP_SAT_SYM && s && from_signed && r == lo) r = -hi;
    return r;
}

template <int W, int I, bool S, bool INT, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP>
struct value
{
    static const int width = W;
    static const int iwidth = I;
    static const int frac = W - I;
    i128 v; // the raw bits: the value times 2^frac, sign- or zero-extended

    value() : v(0) {}

    template <int W2, int I2, bool S2, bool INT2, ap_q_mode Q2, ap_o_mode O2>
    value(const value<W2, I2, S2, INT2, Q2, O2>& x) : v(overflow(round(x.v, W2 - I2, frac, Q), W, S, O, S2)) {}

    // A C++ integer converts as ap_int of its own width does.
    template <typename T, typename = typename std::enable_if<std::is_integral<T>::value>::type>
    value(T x) : v(overflow(round(static_cast<i128>(x), 0, frac, Q), W, S, O, std::is_signed<T>::value)) {}

    static value from_raw(int64_t bits)
    {
        value r;
        r.v = wrap(static_cast<i128>(bits), W, S);
        return r;
    }

    // ap_fixed_base::to_ap_int_base: the integer bits (at least one), plus one for a negative value with
    // fraction bits set; with no integer bits that is -1 for every negative value, as in Vitis.
    int64_t to_int64() const
    {
        const int ib = I > 1 ? I : 1;
        i128 whole = I == 0 ? 0 : wrap(frac <= 0 ? shl(v, -frac) : shr(v, frac), ib, S);
        if (frac > 0 && S && v < 0 && (v & (shl(1, frac) - 1)) != 0) whole = wrap(whole + 1, ib, S);
        return static_cast<int64_t>(wrap(whole, 64, true));
    }

    double to_double() const { return std::ldexp(static_cast<double>(v), -frac); }

    value operator<<(int n) const { return n < 0 ? *this >> -n : from_i128(wrap(shl(v, n), W, S)); }
    value operator>>(int n) const { return n < 0 ? *this << -n : from_i128(shr(v, n)); }

    value<W + 1, I + 1, true, INT> operator-() const
    {
        value<W + 1, I + 1, true, INT> r;
        r.v = -v;
        return r;
    }

    static value from_i128(i128 x)
    {
        value r;
        r.v = x;
        return r;
    }
};

// Result shapes of ap_fixed_base's RType: an unsigned operand beside a signed one needs one more integer bit.
template <int W1, int I1, bool S1, int W2, int I2, bool S2>
struct shapes
{
    static const int f = max_of(W1 - I1, W2 - I2);
    static const int joined = max_of(I1 + (S2 && !S1 ? 1 : 0), I2 + (S1 && !S2 ? 1 : 0));
    static const int sum_i = joined + 1;
    static const int sum_w = sum_i + f;
};

#define ACCEL_AP_ARGS(n) int W##n, int I##n, bool S##n, bool INT##n, ap_q_mode Q##n, ap_o_mode O##n
#define ACCEL_AP_TYPE(n) value<W##n, I##n, S##n, INT##n, Q##n, O##n>

template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)>
value<shapes<W1, I1, S1, W2, I2, S2>::sum_w, shapes<W1, I1, S1, W2, I2, S2>::sum_i, S1 || S2, INT1 && INT2>
operator+(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b)
{
    typedef shapes<W1, I1, S1, W2, I2, S2> r;
    value<r::sum_w, r::sum_i, S1 || S2, INT1 && INT2> out;
    out.v = shl(a.v, r::f - (W1 - I1)) + shl(b.v, r::f - (W2 - I2));
    return out;
}

// A difference is signed even of two unsigned values.
template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)>
value<shapes<W1, I1, S1, W2, I2, S2>::sum_w, shapes<W1, I1, S1, W2, I2, S2>::sum_i, true, INT1 && INT2>
operator-(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b)
{
    typedef shapes<W1, I1, S1, W2, I2, S2> r;
    value<r::sum_w, r::sum_i, true, INT1 && INT2> out;
    out.v = shl(a.v, r::f - (W1 - I1)) - shl(b.v, r::f - (W2 - I2));
    return out;
}

template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)>
value<W1 + W2, I1 + I2, S1 || S2, INT1 && INT2> operator*(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b)
{
    value<W1 + W2, I1 + I2, S1 || S2, INT1 && INT2> out;
    out.v = static_cast<i128>(static_cast<u128>(a.v) * static_cast<u128>(b.v)); // the exact product fits 128 bits
    return out;
}

// -1, 0 or 1. ap_int operands of different signedness compare as C compares them (Vitis's ap_private): unless
// both are narrower than 32 bits, as unsigned when the unsigned one is at least as wide, so a negative is larger.
template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)>
int compare(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b)
{
    const int f = max_of(W1 - I1, W2 - I2);
    i128 x = shl(a.v, f - (W1 - I1)), y = shl(b.v, f - (W2 - I2));
    const bool as_unsigned = INT1 && INT2 && S1 != S2 && !(W1 < 32 && W2 < 32) && (S1 ? W2 >= W1 : W1 >= W2);
    if (as_unsigned && (x < 0) != (y < 0)) return x < 0 ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : 0;
}

template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)> bool operator==(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b) { return compare(a, b) == 0; }
template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)> bool operator!=(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b) { return compare(a, b) != 0; }
template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)> bool operator<(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b) { return compare(a, b) < 0; }
template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)> bool operator<=(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b) { return compare(a, b) <= 0; }
template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)> bool operator>(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b) { return compare(a, b) > 0; }
template <ACCEL_AP_ARGS(1), ACCEL_AP_ARGS(2)> bool operator>=(const ACCEL_AP_TYPE(1)& a, const ACCEL_AP_TYPE(2)& b) { return compare(a, b) >= 0; }

#undef ACCEL_AP_ARGS
#undef ACCEL_AP_TYPE

} // namespace accel_ap

template <int W> using ap_int = accel_ap::value<W, W, true, true>;
template <int W> using ap_uint = accel_ap::value<W, W, false, true>;
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP> using ap_fixed = accel_ap::value<W, I, true, false, Q, O>;
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP> using ap_ufixed = accel_ap::value<W, I, false, false, Q, O>;

namespace accel {
template <typename T> inline int64_t ap_raw(const T& x) { return static_cast<int64_t>(x.v); }
template <typename T> inline T ap_from_raw(int64_t bits) { return T::from_raw(bits); }
}
