// Accel HLS support library: everything generated kernels include.
#pragma once
#include "accel_pragma.h"
#include "accel_int.h"
#include "accel_fixed.h"
#include "accel_stream.h"
#include "accel_ap.h"
