// Accel HLS support library: arbitrary-precision types. Vitis's own ap_int.h / ap_fixed.h when they are on the
// include path (always under Vitis HLS; for g++ C simulation add -isystem <their folder>, or AP_TYPES=<folder>
// to make csim), otherwise Accel's stand-in accel_ap_fallback.h; -DACCEL_AP_FALLBACK picks the stand-in even when
// the real ones are present. accel::ap_raw and accel::ap_from_raw move a value's bits to and from an int64_t
// (Accel.Hw's .Raw and FromRaw) the same way with either.
#pragma once
#include <cstddef>
#include <cstdint>

#if !defined(ACCEL_AP_FALLBACK) && __has_include(<ap_fixed.h>)
#include <ap_fixed.h>

namespace accel {

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline int64_t ap_raw(const ap_fixed_base<W, I, S, Q, O, N>& x)
{
    ap_int_base<W, S> bits;
    bits.range(W - 1, 0) = x.range(W - 1, 0);
    return bits.to_int64();
}

template <int W, bool S> inline int64_t ap_raw(const ap_int_base<W, S>& x) { return x.to_int64(); }

template <typename T> inline T ap_from_raw(int64_t bits)
{
    T x;
    x.range(T::width - 1, 0) = ap_int_base<T::width, false>(static_cast<uint64_t>(bits));
    return x;
}

} // namespace accel
#else
#include "accel_ap_fallback.h"
#endif

namespace accel {

// C# zeroes a new array; an ap value's default constructor (Vitis's) leaves it unset, so arrays are zeroed here.
template <typename T> inline void ap_zero(T& x) { x = 0; }
template <typename T, std::size_t N> inline void ap_zero(T (&a)[N])
{
    for (std::size_t i = 0; i < N; i++) ap_zero(a[i]);
}

} // namespace accel
