#pragma once

// Vectorised forms of the piecewise functions: linear, leaky ReLU, ReLU6, the hard ones, the
// sparse ones, the shrinks and threshold.
// Only f32.cpp includes this: the unnamed namespace keeps the forms internal to it, so they
// inline into its loops.

#include "f32_form.h"
#include "piecewise.h"

namespace activations::kernels::f32 {
namespace {  // NOLINT(google-build-namespaces): included by f32.cpp only

template <>
struct Simd<Linear> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) { return x; }
  static void both(F4 x, const Ctx&, F4& f, F4& df) {
    f = x;
    df = keep_nan(x, one());
  }
};

// A slope above 1, rounded to float32, could overflow slope z a little early near -FLT_MAX:
// those (outside the lesson's range) take the double kernel.
struct SlopeCtx {
  float slope;
  bool valid;
  explicit SlopeCtx(const double* p)
      : slope(static_cast<float>(p[0])), valid(moderate(p[0]) && std::fabs(p[0]) <= 1) {}
  bool ok() const { return valid; }
};

template <>
struct Simd<LeakyRelu> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = SlopeCtx;
  // A zero slope gives 0, not 0 * -inf.
  static F4 f(F4 x, const Ctx& c) {
    const F4 below = c.slope == 0 ? keep_nan(x, zero()) : splat(c.slope) * x;
    return select(x > zero(), x, below);
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    df = select(x > zero(), one(), keep_nan(x, splat(c.slope)));
  }
};

template <>
struct Simd<Relu6> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) { return pmin(pmax(x, zero()), splat(6.0f)) + zero(); }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    df = keep_nan(x, select((x > zero()) & (x < splat(6.0f)), one(), zero()));
  }
};

template <>
struct Simd<HardSigmoid> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) {
    const F4 three = splat(3.0f);
    return select(x <= -three, zero(), select(x >= three, one(), (x + three) / splat(6.0f)));
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const F4 three = splat(3.0f);
    const F4 sixth = splat(static_cast<float>(1.0 / 6.0));
    df = keep_nan(x, select((x > -three) & (x < three), sixth, zero()));
  }
};

template <>
struct Simd<HardSilu> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) {
    const F4 three = splat(3.0f);
    return select(x <= -three, zero(), select(x >= three, x, (x * (x + three)) / splat(6.0f)));
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const F4 three = splat(3.0f);
    df = select(x <= -three, zero(), select(x >= three, one(), (x + splat(1.5f)) / three));
  }
};

template <>
struct Simd<HardTanh> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) { return pmin(pmax(x, -one()), one()); }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    df = keep_nan(x, select((x >= -one()) & (x <= one()), one(), zero()));
  }
};

template <>
struct Simd<SparsePlus> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) {
    const F4 u = x + one();
    return select(x <= -one(), zero(), select(x >= one(), x, (u * u) * splat(0.25f)));
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    df = select(x <= -one(), zero(), select(x >= one(), one(), (x + one()) * splat(0.5f)));
  }
};

template <>
struct Simd<SparseSigmoid> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) {
    return select(x <= -one(), zero(), select(x >= one(), one(), (x + one()) * splat(0.5f)));
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    df = keep_nan(x, select((x > -one()) & (x < one()), splat(0.5f), zero()));
  }
};

// A threshold t as hi + lo: z > t exactly when z - t_hi > t_lo (z - t_hi is exact wherever the
// comparison is close), and z - t = (z - t_hi) - t_lo rounded at most twice. That needs t_lo to
// keep its sign, so a threshold too small for float32 (say -1e-46, whose lo rounds to -0) goes to
// the double kernel.
struct ThresholdCtx {
  Split t;
  float fill;
  bool valid;
  explicit ThresholdCtx(const double* p, double fill_value = 0)
      : t(p[0]), fill(static_cast<float>(fill_value)), valid(moderate(p[0])) {}
  bool ok() const { return valid; }
};

template <>
struct Simd<SoftShrink> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = ThresholdCtx;
  struct Sides {
    M4 above;
    M4 below;
    F4 value;
  };
  static Sides sides(F4 x, const Ctx& c) {
    const F4 hi = splat(c.t.hi);
    const F4 lo = splat(c.t.lo);
    const F4 dh = x - hi;
    const F4 sh = x + hi;
    const M4 above = dh > lo;
    const M4 below = sh < -lo;
    return {above, below, select(above, dh - lo, select(below, sh + lo, keep_nan(x, zero())))};
  }
  static F4 f(F4 x, const Ctx& c) { return sides(x, c).value; }
  static void both(F4 x, const Ctx& c, F4& f, F4& df) {
    const Sides s = sides(x, c);
    f = s.value;
    df = select(s.above | s.below, one(), keep_nan(x, zero()));
  }
};

template <>
struct Simd<HardShrink> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = ThresholdCtx;
  static M4 outside(F4 x, const Ctx& c) { return simd::abs(x) - splat(c.t.hi) > splat(c.t.lo); }
  static F4 f(F4 x, const Ctx& c) { return select(outside(x, c), x, keep_nan(x, zero())); }
  static void both(F4 x, const Ctx& c, F4& f, F4& df) {
    const M4 out = outside(x, c);
    f = select(out, x, keep_nan(x, zero()));
    df = select(out, one(), keep_nan(x, zero()));
  }
};

struct ThresholdFillCtx : ThresholdCtx {
  explicit ThresholdFillCtx(const double* p) : ThresholdCtx(p, p[1]) {}
};

template <>
struct Simd<Threshold> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = ThresholdFillCtx;
  static M4 above(F4 x, const Ctx& c) { return x - splat(c.t.hi) > splat(c.t.lo); }
  static F4 f(F4 x, const Ctx& c) { return select(above(x, c), x, keep_nan(x, splat(c.fill))); }
  static void both(F4 x, const Ctx& c, F4& f, F4& df) {
    const M4 a = above(x, c);
    f = select(a, x, keep_nan(x, splat(c.fill)));
    df = select(a, one(), keep_nan(x, zero()));
  }
};

}  // namespace
}  // namespace activations::kernels::f32
