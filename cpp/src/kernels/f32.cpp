#include "f32.h"

#include <cmath>

#include "f32_math.h"
#include "lesson.h"
#include "piecewise.h"
#include "smooth.h"

namespace activations::kernels::f32 {
namespace {

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

// ---------------------------------------------------------------- the lesson's functions

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
  // alpha expm1(z) where z's sign bit is set, z elsewhere (NaN stays NaN either way). expm1 runs
  // in every lane, and its result is dropped where z > 0, however large z is.
  static F4 f(F4 x, const Ctx& c) {
    return select(simd::sign_set(x), splat(c.alpha) * simd::expm1_lean(x), x);
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    f_out = f(x, c);
    const simd::ExpParts e = simd::exp_parts(pmin(x, zero()));
    df = select(x > zero(), one(), e.times(splat(c.alpha)));
  }
};

// scale max(z, 0) + (scale alpha) expm1(min(z, 0)), as ELU; the constants rounded to float32
// cost at most half an ULP each. Rounded up, scale would overflow a little early: for |z| above
// 2^127 the general form takes scale z in double, rounded once.
template <>
struct Simd<Selu> : NoWindow {
  static constexpr bool kAvailable = true;
  using Ctx = NoParams;
  static constexpr float kLeanLimit = 0x1p127f;
  static F4 negative(F4 x) {
    return simd::expm1_lean(pmin(x, zero())) * splat(static_cast<float>(kSeluScaleAlpha));
  }
  static F4 lean(F4 x, const Ctx&) {
    return pmax(x, zero()) * splat(static_cast<float>(kSeluScale)) + negative(x);
  }
  static F4 general(F4 x, const Ctx&) {
    const F4 positive = simd::narrow(simd::widen(pmax(x, zero())) * simd::splat_d(kSeluScale));
    return positive + negative(x);
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

// ---------------------------------------------------------------- smooth functions

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
    return select(x >= zero(), x / d, ep.times(xc / d));
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
// z = -1.1924, where e^z's own error (2^-28) would show, and there the double kernel takes over.
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
  static F4 f(F4 x, const Ctx&) {
    return pmin(x, zero()) - simd::log1p_nonneg(simd::exp(-simd::abs(x)));
  }
  static void both(F4 x, const Ctx&, F4& f, F4& df) {
    const SigmoidParts s(x);
    f = pmin(x, zero()) - simd::log1p_nonneg(s.e);
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
  static F4 f(F4 x, const Ctx& c) { return select(x > zero(), x, negative(quotient(x, c), c)); }
  static void both(F4 x, const Ctx& c, F4& f, F4& df) {
    const Quotient q = quotient(x, c);
    f = select(x > zero(), x, negative(q, c));
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

// ---------------------------------------------------------------- piecewise functions

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
// comparison is close), and z - t = (z - t_hi) - t_lo rounded at most twice.
struct ThresholdCtx {
  Split t;
  float fill;
  bool valid;
  explicit ThresholdCtx(const double* p, double fill_value = 0)
      : t(p[0]), fill(static_cast<float>(fill_value)), valid(std::fabs(p[0]) <= 0x1p60) {}
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

// ---------------------------------------------------------------- the loops

// n < 4 trailing elements go through the same lanes, padded with zeros, so every element gets
// the same bits wherever it sits in the array.
template <class Body>
void blocks(const float* z, std::size_t n, float* f, float* df, Body body) {
  std::size_t i = 0;
  // Four blocks per iteration: independent chains for the processor to overlap.
  for (; i + 16 <= n; i += 16) {
    for (std::size_t j = i; j < i + 16; j += 4)
      body(z + j, f + j, df == nullptr ? nullptr : df + j);
  }
  for (; i + 4 <= n; i += 4) body(z + i, f + i, df == nullptr ? nullptr : df + i);
  if (i == n) return;
  float zt[4] = {0, 0, 0, 0};
  float ft[4];
  float dft[4];
  for (std::size_t j = i; j < n; ++j) zt[j - i] = z[j];
  body(zt, ft, df == nullptr ? nullptr : dft);
  for (std::size_t j = i; j < n; ++j) {
    f[j] = ft[j - i];
    if (df != nullptr) df[j] = dft[j - i];
  }
}

template <class K>
void scalar_batch(const float* z, std::size_t n, const double* p, float* f, float* df) {
  for (std::size_t i = 0; i < n; ++i) {
    const double x = z[i];
    f[i] = static_cast<float>(K::f(x, p));
    df[i] = static_cast<float>(K::df(x, p));
  }
}

template <class K>
void scalar_values(const float* z, std::size_t n, const double* p, float* f) {
  for (std::size_t i = 0; i < n; ++i) f[i] = static_cast<float>(K::f(z[i], p));
}

}  // namespace

template <class K>
bool vectorised(const double* p) {
  if constexpr (Simd<K>::kAvailable) {
    return typename Simd<K>::Ctx(p).ok();
  } else {
    return false;
  }
}

template <class K>
void batch(const float* z, std::size_t n, const double* p, float* f, float* df) {
  if constexpr (Simd<K>::kAvailable) {
    using S = Simd<K>;
    const typename S::Ctx c(p);
    if (c.ok()) {
      blocks(z, n, f, df, [&](const float* zb, float* fb, float* dfb) {
        const F4 x = simd::load(zb);
        F4 fv;
        F4 dfv;
        S::both(x, c, fv, dfv);
        simd::store(fb, fv);
        simd::store(dfb, dfv);
        if constexpr (S::kDfWindow) {
          if (simd::any((x > splat(S::kDfLo)) & (x < splat(S::kDfHi)))) {
            for (int l = 0; l < 4; ++l) {
              if (zb[l] > S::kDfLo && zb[l] < S::kDfHi) {
                dfb[l] = static_cast<float>(K::df(static_cast<double>(zb[l]), p));
              }
            }
          }
        }
      });
      return;
    }
  }
  scalar_batch<K>(z, n, p, f, df);
}

template <class K>
void values(const float* z, std::size_t n, const double* p, float* f) {
  if constexpr (Simd<K>::kAvailable) {
    using S = Simd<K>;
    const typename S::Ctx c(p);
    if (c.ok()) {
      std::size_t i = 0;
      if constexpr (HasLean<S>) {
        // 16 elements at a time: one range check, then the lean form on all four blocks.
        for (; i + 16 <= n; i += 16) {
          const F4 x0 = simd::load(z + i);
          const F4 x1 = simd::load(z + i + 4);
          const F4 x2 = simd::load(z + i + 8);
          const F4 x3 = simd::load(z + i + 12);
          // The extremes of the 16, without abs (three instructions each in V8). pmin and pmax
          // may drop a NaN; NaN takes the lean form either way, which keeps it.
          const F4 hi = pmax(pmax(x0, x1), pmax(x2, x3));
          const F4 lo = pmin(pmin(x0, x1), pmin(x2, x3));
          const bool lean = !simd::any((hi > splat(S::kLeanLimit)) | (lo < splat(-S::kLeanLimit)));
          simd::store(f + i, lean ? S::lean(x0, c) : S::f(x0, c));
          simd::store(f + i + 4, lean ? S::lean(x1, c) : S::f(x1, c));
          simd::store(f + i + 8, lean ? S::lean(x2, c) : S::f(x2, c));
          simd::store(f + i + 12, lean ? S::lean(x3, c) : S::f(x3, c));
        }
      }
      blocks(z + i, n - i, f + i, nullptr,
             [&](const float* zb, float* fb, float*) { simd::store(fb, S::f(simd::load(zb), c)); });
      return;
    }
  }
  scalar_values<K>(z, n, p, f);
}

#define ACTIVATIONS_F32_INSTANTIATE(K)                                              \
  template void batch<K>(const float*, std::size_t, const double*, float*, float*); \
  template void values<K>(const float*, std::size_t, const double*, float*);        \
  template bool vectorised<K>(const double*);

ACTIVATIONS_F32_INSTANTIATE(Sigmoid)
ACTIVATIONS_F32_INSTANTIATE(Tanh)
ACTIVATIONS_F32_INSTANTIATE(Relu)
ACTIVATIONS_F32_INSTANTIATE(Elu)
ACTIVATIONS_F32_INSTANTIATE(Selu)
ACTIVATIONS_F32_INSTANTIATE(Softsign)
ACTIVATIONS_F32_INSTANTIATE(Softplus)
ACTIVATIONS_F32_INSTANTIATE(Exponential)
ACTIVATIONS_F32_INSTANTIATE(Gelu)
ACTIVATIONS_F32_INSTANTIATE(Silu)
ACTIVATIONS_F32_INSTANTIATE(Mish)
ACTIVATIONS_F32_INSTANTIATE(LeakyRelu)
ACTIVATIONS_F32_INSTANTIATE(Relu6)
ACTIVATIONS_F32_INSTANTIATE(HardSigmoid)
ACTIVATIONS_F32_INSTANTIATE(HardSilu)
ACTIVATIONS_F32_INSTANTIATE(HardTanh)
ACTIVATIONS_F32_INSTANTIATE(LogSigmoid)
ACTIVATIONS_F32_INSTANTIATE(Celu)
ACTIVATIONS_F32_INSTANTIATE(Squareplus)
ACTIVATIONS_F32_INSTANTIATE(SparsePlus)
ACTIVATIONS_F32_INSTANTIATE(SparseSigmoid)
ACTIVATIONS_F32_INSTANTIATE(SoftShrink)
ACTIVATIONS_F32_INSTANTIATE(HardShrink)
ACTIVATIONS_F32_INSTANTIATE(TanhShrink)
ACTIVATIONS_F32_INSTANTIATE(Threshold)
ACTIVATIONS_F32_INSTANTIATE(Linear)

#undef ACTIVATIONS_F32_INSTANTIATE

}  // namespace activations::kernels::f32
