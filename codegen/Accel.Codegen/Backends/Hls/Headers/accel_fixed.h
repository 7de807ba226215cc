// Accel HLS support library: the named fixed-point operations of Accel.Hw.Fx, bit for bit.
#pragma once
#include "accel_int.h"

namespace accel {

// x / 2^n rounded to nearest, ties toward +infinity.
inline int64_t round_shift(int64_t x, int32_t n)
{
    return n <= 0 ? x : shr(add(x, shl(static_cast<int64_t>(1), n - 1)), n);
}

inline int64_t saturate(int64_t x, int32_t bits)
{
    const int64_t hi = sub(shl(static_cast<int64_t>(1), bits - 1), static_cast<int64_t>(1));
    const int64_t lo = sub(neg(hi), static_cast<int64_t>(1));
    return x > hi ? hi : x < lo ? lo : x;
}

inline int64_t saturate_unsigned(int64_t x, int32_t bits)
{
    const int64_t hi = sub(shl(static_cast<int64_t>(1), bits), static_cast<int64_t>(1));
    return x > hi ? hi : x < 0 ? 0 : x;
}

inline int64_t mul_round(int64_t a, int64_t b, int32_t shift) { return round_shift(mul(a, b), shift); }

// Leading zero bits of a 64-bit value (64 for zero): a six-step binary search, a small priority encoder in hardware.
inline int32_t leading_zeros(uint64_t x)
{
    if (x == 0) return 64;
    int32_t n = 0;
    if ((x >> 32) == 0) { n += 32; x <<= 32; }
    if ((x >> 48) == 0) { n += 16; x <<= 16; }
    if ((x >> 56) == 0) { n += 8; x <<= 8; }
    if ((x >> 60) == 0) { n += 4; x <<= 4; }
    if ((x >> 62) == 0) { n += 2; x <<= 2; }
    if ((x >> 63) == 0) { n += 1; }
    return n;
}

} // namespace accel
