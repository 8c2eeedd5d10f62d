#pragma once

// The vectorised form of a kernel (Simd<K>) and what the forms share: float32 constants,
// parameter checks and the lean/general split.
// Only f32.cpp includes this: the unnamed namespace keeps the forms internal to it, so they
// inline into its loops.

#include <cmath>

#include "f32_math.h"

namespace activations::kernels::f32 {
namespace {  // NOLINT(google-build-namespaces): included by f32.cpp only

using simd::F4;
using simd::M4;
using simd::pmax;
using simd::pmin;
using simd::select;
using simd::splat;

inline F4 one() { return splat(1.0f); }
inline F4 zero() { return splat(0.0f); }

inline F4 keep_nan(F4 x, F4 value) { return select(simd::is_nan(x), x, value); }

// A double parameter as float32 hi + lo (hi + lo = p to 48 bits), for those compared with z
// or subtracted from it, where rounding p itself would move a threshold.
struct Split {
  float hi;
  float lo;
  explicit Split(double p)
      : hi(static_cast<float>(p)), lo(static_cast<float>(p - static_cast<double>(hi))) {}
};

// Parameters that vectorised kernels take as float32 must be 0 or moderate: their rounding then
// costs at most half an ULP, and neither they nor their low parts are subnormal.
bool moderate(double p) { return p == 0 || (std::fabs(p) >= 0x1p-40 && std::fabs(p) <= 0x1p40); }
bool moderate_positive(double p) { return p >= 0x1p-40 && p <= 0x1p40; }

struct NoParams {
  explicit NoParams(const double*) {}
  bool ok() const { return true; }
};

// The vectorised form of a kernel: Ctx (the parameters, prepared once per call), f alone, and
// f with f'. Kernels whose f' has a root where its formula cancels also name a window of z
// (DfWindow) whose lanes are recomputed by the double kernel.
template <class K>
struct Simd {
  static constexpr bool kAvailable = false;
};

struct NoWindow {
  static constexpr bool kDfWindow = false;
};

// Kernels with a lean form: `lean` is valid where |z| <= kLeanLimit (and for NaN), `general`
// everywhere, and f is lean wherever the whole block of four is in range. values() checks 16
// elements at a time and calls `lean` directly when all are in range, f otherwise: the bits are
// f's either way.
template <class S>
concept HasLean = requires {
  S::kLeanLimit;
};

template <class S, class Ctx>
F4 lean_or_general(F4 x, const Ctx& c) {
  return simd::any(simd::abs(x) > splat(S::kLeanLimit)) ? S::general(x, c) : S::lean(x, c);
}

}  // namespace
}  // namespace activations::kernels::f32
