#pragma once

// Vectorised forms of the lesson's functions: sigmoid, tanh, ReLU, ELU, SELU, softsign, softplus
// and exponential.
// Only f32.cpp includes this: the unnamed namespace keeps the forms internal to it, so they
// inline into its loops.

#include "f32_form.h"
#include "lesson.h"

namespace activations::kernels::f32 {
namespace {  // NOLINT(google-build-namespaces): included by f32.cpp only

// e = e^-|z|, d = 1 + e: sigma(|z|) = 1/d, sigma(-|z|) = e/d, sigma' = e/d^2.
struct SigmoidParts {
  F4 e;
  F4 d;
  explicit SigmoidParts(F4 x) : e(simd::exp(-simd::abs(x))), d(one() + e) {}
  // sigma(x) and sigma(-x); NaN stays NaN.
  F4 sigma(F4 x) const { return select(x >= zero(), one() / d, e / d); }
  F4 sigma_neg(F4 x) const { return select(x <= zero(), one() / d, e / d); }
  F4 slope() const { return simd::over_one_plus_squared(e, e); }
};

template <>
struct Simd<Sigmoid> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  // sigma = 1 / (1 + e^-z) where |z| <= 87: e^-z is then normal and finite, from the lean exp, and
  // there is nothing to select (each step is a relative error: exp, the sum, the division).
  // Beyond, the general form takes e^-|z|, which may be subnormal.
  static constexpr float kLeanLimit = 87.0f;
  static F4 lean(F4 x, const Ctx&) { return one() / (one() + simd::exp_lean_neg(x)); }
  static F4 general(F4 x, const Ctx&) { return SigmoidParts(x).sigma(x); }
  static F4 f(F4 x, const Ctx& c) { return lean_or_general<Simd>(x, c); }
  static void both(F4 x, const Ctx&, F4& f, F4& df) {
    const F4 a = simd::abs(x);
    if (simd::any(a > splat(kLeanLimit))) {
      const SigmoidParts s(x);
      f = s.sigma(x);
      df = s.slope();
      return;
    }
    // One exp and three divisions for both: E = e^-z gives f; f' = E / (1 + E)^2 where z >= 0
    // (E <= 1), and f (1 - f) where z < 0, where f < 1/2 and 1 - f does not cancel.
    const F4 big_e = simd::exp_lean_neg(x);
    f = one() / (one() + big_e);
    const F4 e = pmin(big_e, one());
    df = select(x < zero(), f * (one() - f), simd::over_one_plus_squared(e, e));
  }
};

// tanh |z| = m / (m + 2) with m = expm1(2|z|): no cancellation near 0. Beyond |z| = 10 it rounds
// to 1, and 2|z| is clamped there so that m stays finite.
// tanh' = 4e / (1 + e)^2 with e = e^-2|z|.
template <>
struct Simd<Tanh> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) {
    const F4 a = simd::abs(x);
    const F4 m = simd::expm1_lean(pmin(a + a, splat(20.0f)));
    return simd::copysign(m / (m + splat(2.0f)), x);
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const F4 a = simd::abs(x);
    const F4 e = simd::exp(-(a + a));
    df = splat(4.0f) * simd::over_one_plus_squared(e, e);
  }
};

template <>
struct Simd<Relu> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  // pmax keeps NaN; adding 0 turns relu(-0) into +0, as the double kernel gives.
  static F4 f(F4 x, const Ctx&) { return pmax(x, zero()) + zero(); }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    df = keep_nan(x, select(x > zero(), one(), zero()));
  }
};

struct Alpha {
  float alpha;
  bool valid;
  explicit Alpha(const double* p) : alpha(static_cast<float>(p[0])), valid(moderate(p[0])) {}
  bool ok() const { return valid; }
};

// alpha expm1(z) and alpha e^z from one range reduction of min(z, 0).
template <>
struct Simd<Elu> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = Alpha;
  // alpha expm1(z) where z < 0, z elsewhere: -0 and NaN pass through (expm1_lean(-0) is +0).
  // expm1 runs in every lane, and its result is dropped where z > 0, however large z is.
  static F4 f(F4 x, const Ctx& c) {
    return select(x < zero(), splat(c.alpha) * simd::expm1_lean(x), x);
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const simd::ExpParts e = simd::exp_parts(pmin(x, zero()));
    df = select(x > zero(), one(), e.times(splat(c.alpha)));
  }
};

// scale max(z, 0) + (scale alpha) expm1(min(z, 0)), as ELU; the constants rounded to float32
// cost at most half an ULP each. Rounded up, scale would overflow a little early: for |z| above
// 2^127 the general form takes scale z in double, rounded once. Where one term is nonzero the
// other is a zero, so OR-ing their bits gives their sum. At z = -0 the terms are -0 and +0: the
// OR gives -0, where their sum would be +0. One instruction, where a select costs three.
template <>
struct Simd<Selu> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static constexpr float kLeanLimit = 0x1p127f;
  static F4 negative(F4 x) {
    return simd::expm1_lean(pmin(x, zero())) * splat(static_cast<float>(kSeluScaleAlpha));
  }
  static F4 join(F4 positive, F4 negative) {
    return simd::from_bits(simd::bits(positive) | simd::bits(negative));
  }
  static F4 lean(F4 x, const Ctx&) {
    return join(pmax(x, splat(-0.0f)) * splat(static_cast<float>(kSeluScale)), negative(x));
  }
  static F4 general(F4 x, const Ctx&) {
    return join(simd::narrow(simd::widen(pmax(x, splat(-0.0f))) * simd::splat_d(kSeluScale)),
                negative(x));
  }
  static F4 f(F4 x, const Ctx& c) { return lean_or_general<Simd>(x, c); }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const simd::ExpParts e = simd::exp_parts(pmin(x, zero()));
    df = select(x >= zero(), splat(static_cast<float>(kSeluScale)),
                e.times(splat(static_cast<float>(kSeluScaleAlpha))));
  }
};

template <>
struct Simd<Softsign> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) {
    const F4 a = simd::abs(x);
    return select(a == splat(INFINITY), simd::copysign(one(), x), x / (one() + a));
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const F4 a = one() + simd::abs(x);
    df = (one() / a) / a;
  }
};

// max(z, 0) + log1p(e^-|z|); f' = sigma(z) from the same e^-|z|.
template <>
struct Simd<Softplus> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static constexpr float kLeanLimit = 87.0f;
  static F4 lean(F4 x, const Ctx&) {
    return pmax(x, zero()) + simd::log1p_nonneg(simd::exp_lean(-simd::abs(x)));
  }
  static F4 general(F4 x, const Ctx&) {
    return pmax(x, zero()) + simd::log1p_nonneg(simd::exp(-simd::abs(x)));
  }
  static F4 f(F4 x, const Ctx& c) { return lean_or_general<Simd>(x, c); }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    df = SigmoidParts(x).sigma(x);
  }
};

template <>
struct Simd<Exponential> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static constexpr float kLeanLimit = 87.0f;
  static F4 lean(F4 x, const Ctx&) { return simd::exp_lean(x); }
  static F4 general(F4 x, const Ctx&) { return simd::exp(x); }
  static F4 f(F4 x, const Ctx& c) { return lean_or_general<Simd>(x, c); }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) { f_out = df = f(x, c); }
};

}  // namespace
}  // namespace activations::kernels::f32
