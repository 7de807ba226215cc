// Accel HLS support library: directives.
// g++ -Wall rejects unknown pragmas, so directives are written as ACCEL_PRAGMA("HLS ..."). Vitis HLS defines
// __SYNTHESIS__ while it synthesises and honours _Pragma there (UG1399, "Using Constants with Pragmas");
// C simulation ignores directives either way.
#pragma once

#if defined(__SYNTHESIS__)
#define ACCEL_PRAGMA(text) _Pragma(text)
#else
#define ACCEL_PRAGMA(text)
#endif
