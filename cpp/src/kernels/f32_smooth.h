#pragma once

// Vectorised forms of Keras 3's smooth functions: SiLU, Mish, log-sigmoid, CELU, squareplus.
// Only f32.cpp includes this: the unnamed namespace keeps the forms internal to it, so they
// inline into its loops.

#include "f32_form.h"
#include "smooth.h"
#include "smooth_parts.h"

namespace activations::kernels::f32 {
namespace {  // NOLINT(google-build-namespaces): included by f32.cpp only

// With E = e^-|z| and d = 1 + E:
//   f  = z / d (z >= 0), (z / d) e^z (z < 0; the factor e^z applied last, rounded once where the
//        result is subnormal);
//   f' = (1 + E (1 + z)) / d^2 (z >= 0), e^z (1 + z + E) / d^2 (z < 0). The last factor vanishes
//        at z = -1.2785; around it the double kernel takes over.
template <>
struct Simd<Silu> {
  static constexpr bool kAvailable = true;
  static constexpr bool kDfWindow = true;
  static constexpr float kDfLo = -1.45f;
  static constexpr float kDfHi = -1.1f;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) {
    const simd::ExpParts ep = simd::exp_parts(-simd::abs(x));
    const F4 d = one() + ep.value();
    const F4 xc = pmax(x, splat(simd::kExpMin));  // -inf: the limit, -0
    // On [-2^-26, 0), z / d is within 2^-26 relative of the truth, a quarter of a float32 ULP,
    // and keeps the sign of a zero, where times() loses it (-0 + -0 * em is +0): SiLU(-2^-149)
    // rounds to -0.
    return select(x >= splat(-0x1p-26f), x / d, ep.times(xc / d));
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const simd::ExpParts ep = simd::exp_parts(-simd::abs(x));
    const F4 e = ep.value();
    const F4 xp = pmin(x, splat(100.0f));  // beyond, f' = 1; keeps 0 * inf out
    const F4 xc = pmax(x, splat(simd::kExpMin));
    const F4 pos = simd::over_one_plus_squared(one() + e * (one() + xp), e);
    const F4 neg = ep.times(simd::over_one_plus_squared((one() + xc) + e, e));
    df = select(x >= zero(), pos, neg);
  }
};

// tanh(softplus(z)) = n / (n + 2) with n = w (w + 2), w = e^z; for z >= 0, in E = e^-z,
// 1 / (1 + q) with q = 2E^2 / (1 + 2E). For z < 0, f' = w b / d^2 with d = w^2 + 2w + 2 and
// b = 4 (1 + z) + w (6 + 4z + w (4 + w)), carried in double; b only cancels close to its root,
// z = -1.1924, where e^z's own error (2^-26) would show, and there the double kernel takes over.
template <>
struct Simd<Mish> {
  static constexpr bool kAvailable = true;
  static constexpr bool kDfWindow = true;
  static constexpr float kDfLo = -1.35f;
  static constexpr float kDfHi = -1.05f;
  using Ctx = NoParams;
  static F4 f(F4 x, const Ctx&) {
    const simd::ExpParts ep = simd::exp_parts(-simd::abs(x));
    const F4 e = ep.value();
    const F4 two = splat(2.0f);
    const F4 q = (two * e * e) / (one() + two * e);
    const F4 w2 = e + two;
    const F4 n = e * w2;
    const F4 xc = pmax(x, splat(simd::kExpMin));
    return select(x >= zero(), x / (one() + q), ep.times((xc * w2) / (n + two)));
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const simd::ExpParts ep = simd::exp_parts(-simd::abs(x));
    const F4 e = ep.value();
    const F4 two = splat(2.0f);
    const F4 four = splat(4.0f);
    // z >= 0: (1 + 2E) / D + 4z E^2 (1 + E) / D^2, D = 1 + 2E + 2E^2.
    const F4 xp = pmin(x, splat(100.0f));
    const F4 e2 = e * e;
    const F4 big_d = one() + two * (e + e2);
    const F4 pos = (one() + two * e) / big_d + (four * xp * e2 * (one() + e)) / (big_d * big_d);
    // z < 0: in double, from e^z in double, and rounded once. In float32 the dozen roundings of
    // b / d^2 add up to 6 ULP (at z = -0.16).
    const simd::D4 w = ep.value_d();
    const simd::D4 zc = simd::widen(pmax(x, splat(simd::kExpMin)));
    const simd::D4 one_d = simd::splat_d(1.0);
    const simd::D4 two_d = simd::splat_d(2.0);
    const simd::D4 four_d = simd::splat_d(4.0);
    const simd::D4 d = w * (w + two_d) + two_d;
    const simd::D4 b =
        four_d * (one_d + zc) + w * ((simd::splat_d(6.0) + four_d * zc) + w * (four_d + w));
    const F4 neg = simd::narrow(w * b / (d * d));
    df = select(x >= zero(), pos, neg);
  }
};

// log sigma(z) = min(z, 0) - log1p(e^-|z|); its slope is sigma(-z).
template <>
struct Simd<LogSigmoid> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  // min(z, -0) - log1p(e^-|z|): the -0 keeps the sign where e^-|z| underflows (z > 103): the
  // truth there is a tiny negative number, and +0 - +0 would be +0.
  static F4 negative_log(F4 x, F4 e) { return pmin(x, splat(-0.0f)) - simd::log1p_nonneg(e); }
  static F4 f(F4 x, const Ctx&) { return negative_log(x, simd::exp(-simd::abs(x))); }
  static void both(F4 x, const Ctx&, F4& f, F4& df) {
    const SigmoidParts s(x);
    f = negative_log(x, s.e);
    df = s.sigma_neg(x);
  }
};

// alpha expm1(q) and e^q, q = z / alpha for z <= 0, with the quotient's rounding carried:
// q + q_lo = z / alpha to about 48 bits (for large |q|, e^q is steep in q).
struct CeluCtx {
  Split alpha;
  bool valid;
  explicit CeluCtx(const double* p) : alpha(p[0]), valid(moderate_positive(p[0])) {}
  bool ok() const { return valid; }
};

template <>
struct Simd<Celu> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = CeluCtx;
  struct Quotient {
    simd::ExpParts e;
    F4 lo;
  };
  static Quotient quotient(F4 x, const Ctx& c) {
    const F4 xn = pmin(x, zero());
    const F4 a_hi = splat(c.alpha.hi);
    const F4 q = xn / a_hi;
    const F4 qc = pmax(q, splat(-110.0f));  // e^q = 0 and expm1 = -1 below
    const F4 p = qc * a_hi;
    const F4 r = (xn - p) - simd::two_prod_error(qc, a_hi, p);
    const F4 lo = (r - qc * splat(c.alpha.lo)) / a_hi;
    return {simd::exp_parts(qc), select(q < splat(-100.0f), zero(), lo)};
  }
  static F4 negative(const Quotient& q, const Ctx& c) {
    const F4 m = q.e.minus_one() + q.e.times(q.lo);
    return m * splat(c.alpha.hi) + m * splat(c.alpha.lo);
  }
  // z where z >= 0, -0 and NaN included.
  static F4 f(F4 x, const Ctx& c) { return select(x < zero(), negative(quotient(x, c), c), x); }
  static void both(F4 x, const Ctx& c, F4& f, F4& df) {
    const Quotient q = quotient(x, c);
    f = select(x < zero(), negative(q, c), x);
    df = select(x > zero(), one(), q.e.times(one() + q.lo));
  }
};

// (z + s) / 2 for z >= 0, b / (2 (s - z)) for z < 0, s = sqrt(z^2 + b) with z^2 + b carried
// exactly and the square root corrected once (s + s_lo to about 40 bits); beyond |z| = 2^50,
// s = |z| to float32 precision (and z^2 would overflow beyond 2^64).
struct SquareplusCtx {
  Split b;
  bool valid;
  explicit SquareplusCtx(const double* p) : b(p[0]), valid(moderate_positive(p[0])) {}
  bool ok() const { return valid; }
};

template <>
struct Simd<Squareplus> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = SquareplusCtx;
  struct Parts {
    F4 a;
    M4 big;
    F4 s;      // sqrt(z^2 + b), or |z|
    F4 s_lo;   // its correction
    F4 minus;  // s - z for z < 0 (s + |z|)
  };
  static Parts parts(F4 x, const Ctx& c) {
    const F4 a = simd::abs(x);
    const M4 big = a > splat(0x1p50f);
    const F4 xs = select(big, zero(), x);  // keeps the split below finite
    const F4 sq = xs * xs;
    const F4 sq_lo = simd::two_prod_error(xs, xs, sq);
    const F4 h = sq + splat(c.b.hi);  // TwoSum
    const F4 hb = h - sq;
    const F4 h_lo = ((sq - (h - hb)) + (splat(c.b.hi) - hb)) + (sq_lo + splat(c.b.lo));
    const F4 s0 = simd::sqrt(h);
    const F4 rest = (h - s0 * s0 - simd::two_prod_error(s0, s0, s0 * s0)) + h_lo;
    const F4 s_lo = rest / (splat(2.0f) * s0);
    const F4 s = select(big, a, s0);
    const F4 lo = select(big, zero(), s_lo);
    return {a, big, s, lo, (s + a) + lo};
  }
  static F4 f(F4 x, const Ctx& c) {
    const Parts p = parts(x, c);
    const F4 b = splat(c.b.hi);
    const F4 neg = select(p.big, (b * splat(0.25f)) / p.a, (b / p.minus) * splat(0.5f));
    const F4 pos = select(p.big, x, (x * splat(0.5f) + p.s * splat(0.5f)) + p.s_lo * splat(0.5f));
    return select(x >= zero(), pos, neg);
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const Parts p = parts(x, c);
    const F4 b = splat(c.b.hi);
    const F4 pos = select(x == splat(INFINITY), one(), (one() + x / (p.s + p.s_lo)) * splat(0.5f));
    const F4 neg = select(p.big, ((b * splat(0.25f)) / p.a) / p.a,
                          (b / (splat(2.0f) * (p.s + p.s_lo))) / p.minus);
    df = select(x >= zero(), pos, neg);
  }
};

// x - tanh x and tanh^2 x, in double and rounded once, with a = |z| and t = tanh a: below
// a = 0.6, where a - t cancels, a - t from its series (truncated below 2^-30 relative) and
// t = a - (a - t); beyond, t = (1 - E) / (1 + E) from E = e^-2a in double. E's error (2^-26
// relative) costs a - t at most 5.7 times that, at a = 0.6: 2^-23.5, and every float32 is
// within 1 ULP.
template <>
struct Simd<TanhShrink> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static constexpr float kSeriesLimit = 0.6f;
  struct Parts {
    M4 small;
    simd::D4 a;
    simd::D4 shrink_small;  // a - t, where small
    simd::D4 tanh_big;      // t, elsewhere
  };
  static Parts parts(F4 x) {
    const F4 a = simd::abs(x);
    const M4 small = a < splat(kSeriesLimit);
    const simd::D4 ad = simd::widen(a);
    const simd::D4 s = ad * ad;
    simd::D4 poly = simd::splat_d(smooth::kTanhShrinkSeries[10]);
    for (int k = 9; k >= 0; --k) poly = poly * s + simd::splat_d(smooth::kTanhShrinkSeries[k]);
    const simd::D4 e = simd::exp_parts(-(a + a)).value_d();
    const simd::D4 one_d = simd::splat_d(1.0);
    return {small, ad, ad * s * poly, (one_d - e) / (one_d + e)};
  }
  static F4 value(F4 x, const Parts& p) {
    const F4 r = select(p.small, simd::narrow(p.shrink_small), simd::narrow(p.a - p.tanh_big));
    return simd::copysign(r, x);  // odd; a - t >= 0
  }
  static F4 f(F4 x, const Ctx&) { return value(x, parts(x)); }
  static void both(F4 x, const Ctx&, F4& f, F4& df) {
    const Parts p = parts(x);
    f = value(x, p);
    const simd::D4 t_small = p.a - p.shrink_small;
    df = select(p.small, simd::narrow(t_small * t_small), simd::narrow(p.tanh_big * p.tanh_big));
  }
};

}  // namespace
}  // namespace activations::kernels::f32
