// Accel HLS support library: C# integer semantics in C++.
// C# integer arithmetic wraps in two's complement and masks shift counts to the operand width; in C++ signed
// overflow and shifting a negative value left are undefined. Signed +, -, *, unary - and << therefore compute
// in the unsigned type of the same width and convert back (a modular conversion: defined since C++20 and in
// g++ and Vitis HLS before). Right shifts of negative values are arithmetic in g++ and Vitis HLS, as in C#.
#pragma once
#include <cstdint>
#include <limits>
#include <type_traits>

namespace accel {

template <typename T> using wide_unsigned = std::make_unsigned_t<T>;
template <typename T> constexpr int32_t shift_mask = static_cast<int32_t>(sizeof(T) * 8 - 1);

template <typename T> inline T add(T a, T b) { return static_cast<T>(static_cast<wide_unsigned<T>>(a) + static_cast<wide_unsigned<T>>(b)); }
template <typename T> inline T sub(T a, T b) { return static_cast<T>(static_cast<wide_unsigned<T>>(a) - static_cast<wide_unsigned<T>>(b)); }
template <typename T> inline T mul(T a, T b) { return static_cast<T>(static_cast<wide_unsigned<T>>(a) * static_cast<wide_unsigned<T>>(b)); }
template <typename T> inline T neg(T a) { return static_cast<T>(static_cast<wide_unsigned<T>>(0) - static_cast<wide_unsigned<T>>(a)); }

template <typename T> inline T shl(T a, int32_t n) { return static_cast<T>(static_cast<wide_unsigned<T>>(a) << (n & shift_mask<T>)); }
template <typename T> inline T shr(T a, int32_t n) { return static_cast<T>(a >> (n & shift_mask<T>)); }
template <typename T> inline T ushr(T a, int32_t n) { return static_cast<T>(static_cast<wide_unsigned<T>>(a) >> (n & shift_mask<T>)); }

// Math.Abs/Min/Max on integers. C# throws for Abs(MinValue); here it wraps, like the hardware would.
template <typename T> inline T abs(T a) { return a < 0 ? neg(a) : a; }
template <typename T> inline T min(T a, T b) { return b < a ? b : a; }
template <typename T> inline T max(T a, T b) { return a < b ? b : a; }

// A .NET conversion of a floating-point value to an integer saturates and maps NaN to 0; in C++ an
// out-of-range conversion is undefined.
template <typename T, typename F> inline T saturating_cast(F x)
{
    if (x != x) return 0;
    if (x <= static_cast<F>(std::numeric_limits<T>::min())) return std::numeric_limits<T>::min();
    if (x >= static_cast<F>(std::numeric_limits<T>::max())) return std::numeric_limits<T>::max();
    return static_cast<T>(x);
}

} // namespace accel
