#include "smooth.h"

#include "../dd.h"
#include "smooth_parts.h"

namespace activations::kernels::smooth {
namespace {

using dd::DD;

// exp(y) where y = hi + lo: the correction keeps the result as accurate as exp itself even when
// |hi| is large and rounding y would cost |y| / 2 ULP.
double exp_dd(DD y) {
  const double e = std::exp(y.hi);
  return e + e * y.lo;
}

// For z << 0, results like z * exp(z) are normal while exp(z) alone is already subnormal and has
// lost its precision; multiplying by exp(z/2) twice never goes through a subnormal.
// Returns a * exp(z) for z < -700 without that loss (z/2 is exact).
double times_exp(double a, double z) {
  const double h = std::exp(z / 2);
  return (a * h) * h;
}

// a * exp(y), y = hi + lo, through two half-size factors for the same reason as times_exp.
double times_exp_dd(double a, DD y) {
  const double h = std::exp(y.hi / 2);
  return (a * h * (1.0 + y.lo)) * h;
}

// a * exp(y) for any y: directly while exp(y) is normal, in halves below.
double times_exp_any(double a, DD y) { return y.hi > -700 ? a * exp_dd(y) : times_exp_dd(a, y); }

DD dd_of(double v) { return {v, 0.0}; }

// tanh(a) for 0 <= a <= 1.5, to double-double accuracy: expm1(2a) / (expm1(2a) + 2).
DD tanh_dd(double a) {
  const DD two_a = {2 * a, 0.0};
  const DD m = a <= 0.175 ? dd::expm1_small(two_a) : dd::add(dd::exp(two_a), -1.0);
  return dd::div(m, dd::add(m, 2.0));
}

// erfc(v) with v = hi + lo: erfc is steep (its relative change is 2 v dv), so the rounding of
// z / sqrt(2) must not be dropped.
double erfc_dd(DD v) {
  const double e = std::erfc(v.hi);
  if (v.lo == 0 || !std::isfinite(v.hi)) return e;
  return e - dd::kTwoOverSqrtPi.hi * std::exp(-v.hi * v.hi) * v.lo;
}

DD over_sqrt2(double z) { return dd::mul(dd::kInvSqrt2, z); }

// 1 - 1/z^2 + 3/z^4 - 15/z^6 + ...: Phi(z) = phi(z) S(z) / |z| for z -> -inf. Used for
// |z| >= 12, where nine terms reach 2^-60.
double mills_series(double z) {
  const double x = 1.0 / (z * z);
  double sum = 0.0;
  double term = 1.0;
  for (int k = 1; k <= 16; ++k) {
    sum += term;
    term *= -(2 * k - 1) * x;
  }
  return sum;
}

}  // namespace

double normal_pdf(double z) {
  const DD q = dd::two_prod(z, z);
  return exp_dd({-q.hi / 2, -q.lo / 2}) * dd::kInvSqrt2Pi.hi;
}

// ---------------------------------------------------------------- SiLU: x sigmoid(x)

// Below -750, x e^x is far under the smallest subnormal.
constexpr double kNegligible = -750;

double silu_f(double z) {
  if (z >= 0 || std::isnan(z)) return z * Sigmoid::f(z, nullptr);
  if (z < kNegligible) return -0.0;
  if (z < -700) return times_exp(z, z);  // 1 + e^z == 1 here
  const double e = std::exp(z);
  return z * e / (1.0 + e);
}

// silu' = sigmoid(x) (1 + x sigmoid(-x)). With E = e^{-|x|}:
//   x >= 0: (1 + E (1 + x)) / (1 + E)^2
//   x <  0: E (1 + x + E) / (1 + E)^2, whose factor 1 + x + E vanishes at x = -1.2785...:
//           there E is carried in double-double and 1 + x is exact.
double silu_df(double z) {
  if (std::isnan(z)) return z;
  if (z > 50) return 1.0;  // 1 + x e^-x rounds to 1 beyond here
  if (z >= 0) {
    const DD e = dd_of(std::exp(-z));
    const DD d = dd::add(e, 1.0);
    return dd::to_double(dd::div(dd::add(dd::mul(e, 1.0 + z), 1.0), dd::mul(d, d)));
  }
  if (z < kNegligible) return -0.0;
  // Near the root, e^x itself must be known beyond double precision.
  const DD e = (z > -2.5 && z < -0.5) ? dd::exp({z, 0.0}) : dd_of(std::exp(z));
  const DD n = dd::add(e, 1.0 + z);  // 1 + x is exact where it matters
  if (z < -700) return times_exp(dd::to_double(n), z);
  const DD d = dd::add(e, 1.0);
  return dd::to_double(dd::div(dd::mul(e, n), dd::mul(d, d)));
}

// ---------------------------------------------------------------- Mish: x tanh(softplus(x))

// With w = e^x, tanh(softplus(x)) = n / d where n = w (w + 2) and d = n + 2; for x >= 0 the
// same fraction in E = e^{-x}: (1 + 2E) / (1 + 2E + 2E^2).
double mish_f(double z) {
  if (std::isnan(z)) return z;
  if (z >= 0) {
    const double e = std::exp(-z);
    return z * (1.0 + 2.0 * e) / (1.0 + 2.0 * e + 2.0 * e * e);
  }
  if (z < kNegligible) return -0.0;
  const double w = std::exp(z);
  if (z < -700) return times_exp(z, z) * (w + 2.0) / (w * (w + 2.0) + 2.0);
  const DD n = dd::mul(dd::two_prod(w, w + 2.0), z);  // w + 2 is exact enough: w < 1
  const DD d = dd::add(dd::two_prod(w, w + 2.0), 2.0);
  return dd::to_double(dd::div(n, d));
}

// mish' = tanh(sp) + x sech^2(sp) sigmoid(x), sp = softplus(x). In w = e^x:
//   w ((w + 2) d + 4x (1 + w)) / d^2, whose bracket vanishes at x = -1.1924...: carried in
//   double-double there. For x >= 0, in E = e^{-x}: (1 + 2E) / D + 4x E^2 (1 + E) / D^2.
double mish_df(double z) {
  if (std::isnan(z)) return z;
  if (z > 40) return 1.0;
  if (z >= 0) {
    const DD e = dd_of(std::exp(-z));
    const DD e2 = dd::mul(e, e);
    const DD big_d = dd::add(dd::mul(dd::add(e, e2), 2.0), 1.0);  // 1 + 2E + 2E^2
    const DD first = dd::div(dd::add(dd::mul(e, 2.0), 1.0), big_d);
    const DD second =
        dd::div(dd::mul(dd::mul(e2, dd::add(e, 1.0)), 4.0 * z), dd::mul(big_d, big_d));
    return dd::to_double(dd::add(first, second));
  }
  if (z < kNegligible) return -0.0;
  const DD w = (z > -2.5 && z < -0.5) ? dd::exp({z, 0.0}) : dd_of(std::exp(z));
  const DD d = dd::add(dd::mul(w, dd::add(w, 2.0)), 2.0);
  const DD bracket = dd::add(dd::mul(dd::add(w, 2.0), d), dd::mul(dd::add(w, 1.0), 4.0 * z));
  if (z < -700) return times_exp(dd::to_double(bracket), z) / dd::to_double(dd::mul(d, d));
  return dd::to_double(dd::div(dd::mul(w, bracket), dd::mul(d, d)));
}

// ---------------------------------------------------------------- GELU, exact: x Phi(x)

double gelu_f(double z) {
  // NaN, and ±0: GELU(-0) = -0 Phi(0) = -0.
  if (std::isnan(z) || z == 0) return z;
  if (z > 50) return z;  // Phi(z) = 1 to far below double precision
  if (z < -50) return -0.0;
  if (z < -36) {
    // x Phi(x) = -phi(x) S(x) as x -> -inf; erfc would already be subnormal here.
    const DD q = dd::two_prod(z, z);
    return times_exp_any(-mills_series(z) * dd::kInvSqrt2Pi.hi, {-q.hi / 2, -q.lo / 2});
  }
  if (std::fabs(z) <= 3.5) {
    // Our own erf in double-double: as accurate as it gets, and the same bits in every libm.
    const DD cdf = dd::mul(dd::add(dd::erf_small(over_sqrt2(z)), 1.0), 0.5);
    return dd::to_double(dd::mul(cdf, z));
  }
  return 0.5 * z * erfc_dd(dd::neg(over_sqrt2(z)));
}

// gelu' = Phi(x) + x phi(x). It vanishes at x = -0.7518...; on [-3, -0.35] both terms are
// carried in double-double. Below -3, gelu' = phi(x) (M(x) - |x|) with the Mills ratio
// M = Phi / phi, which does not cancel.
double gelu_df(double z) {
  if (std::isnan(z)) return z;
  if (z > 50) return 1.0;
  if (z < -50) return -0.0;
  if (z > -0.35) {
    const double cdf = 0.5 * erfc_dd(dd::neg(over_sqrt2(z)));
    return cdf + z * normal_pdf(z);
  }
  if (z >= -3) {
    const DD u = over_sqrt2(z);
    const DD cdf = dd::mul(dd::add(dd::erf_small(u), 1.0), 0.5);
    const DD sq = dd::two_prod(z, z);
    const DD pdf = dd::mul(dd::exp({-sq.hi / 2, -sq.lo / 2}), dd::kInvSqrt2Pi);
    return dd::to_double(dd::add(cdf, dd::mul(pdf, z)));
  }
  if (z <= -12) {
    // phi (M - |x|) with the Mills ratio from its series; phi may be subnormal, so it is
    // applied last, in halves.
    const DD q = dd::two_prod(z, z);
    const double a = (mills_series(z) / -z + z) * dd::kInvSqrt2Pi.hi;
    return times_exp_any(a, {-q.hi / 2, -q.lo / 2});
  }
  const double pdf = normal_pdf(z);
  return pdf * (0.5 * erfc_dd(dd::neg(over_sqrt2(z))) / pdf + z);
}

// ---------------------------------------------------------------- GELU, tanh form

namespace {

// g(x) = sqrt(2/pi) (x + 0.044715 x^3), exactly to double-double, with both constants exact.
DD gelu_tanh_arg(double z) {
  const DD z3 = dd::mul(dd::two_prod(z, z), z);
  return dd::mul(dd::add(dd::mul(z3, dd::kGeluTanhCubic), z), dd::kSqrt2OverPi);
}

}  // namespace

// 0.5 x (1 + tanh(g)) = x sigmoid(2g).
double gelu_tanh_f(double z) {
  if (std::isnan(z)) return z;
  if (z > 40) return z;
  if (z < -40) return -0.0;
  const DD g = gelu_tanh_arg(z);
  if (z >= 0) return z / (1.0 + exp_dd({-2 * g.hi, -2 * g.lo}));
  if (2 * g.hi < -700) {
    const double h = exp_dd(g);  // e^{2g} would be subnormal: sigmoid(2g) = h^2 to double
    return (z * h) * h;
  }
  const DD e = dd_of(exp_dd({2 * g.hi, 2 * g.lo}));
  return dd::to_double(dd::div(dd::mul(e, z), dd::add(e, 1.0)));
}

// d/dx x sigmoid(2g) = sigmoid(2g) (1 + 2x g' sigmoid(-2g)), g' = sqrt(2/pi) (1 + 3c x^2).
// The bracket vanishes at x = -0.7517...: on [-2.5, -0.3] it is carried in double-double.
double gelu_tanh_df(double z) {
  if (std::isnan(z)) return z;
  if (z > 40) return 1.0;
  if (z < -40) return -0.0;
  const DD g = gelu_tanh_arg(z);
  const DD z2 = dd::two_prod(z, z);
  const DD slope =
      dd::mul(dd::add(dd::mul(dd::mul(z2, dd::kGeluTanhCubic), 3.0), 1.0), dd::kSqrt2OverPi);
  const DD two_x_slope = dd::mul(slope, 2.0 * z);
  if (z >= 0) {
    const DD e = dd_of(exp_dd({-2 * g.hi, -2 * g.lo}));  // e^{-2g} <= 1
    const DD one_plus = dd::add(e, 1.0);
    const DD bracket = dd::add(dd::div(dd::mul(two_x_slope, e), one_plus), 1.0);
    return dd::to_double(dd::div(bracket, one_plus));
  }
  if (2 * g.hi < -700) {
    // sigmoid(2g) = h^2 / (1 + h^2) with h = e^g: e^{2g} would be subnormal.
    const double h = exp_dd(g);
    const double bracket = 1.0 + dd::to_double(two_x_slope) / (1.0 + h * h);
    return (bracket * h) * h;
  }
  // e^{2g} < 1; near the root the bracket cancels, so there e^{2g} is carried in double-double.
  const DD e =
      (z > -2.5 && z < -0.3) ? dd::exp({2 * g.hi, 2 * g.lo}) : dd_of(exp_dd({2 * g.hi, 2 * g.lo}));
  const DD one_plus = dd::add(e, 1.0);
  const DD bracket = dd::add(dd::div(two_x_slope, one_plus), 1.0);
  return dd::to_double(dd::div(dd::mul(e, bracket), one_plus));
}

// ---------------------------------------------------------------- CELU

// params: alpha > 0. max(x, 0) + alpha expm1(min(x, 0) / alpha).
// Where |z / alpha| < 2^-60 the truth z (1 + q / 2 + ...) rounds to z; z / alpha would even
// underflow to 0 for a tiny z and a huge alpha, giving -0 (found with alpha = 1e300).
double celu_f(double z, double alpha) {
  if (std::isnan(z) || z > 0) return z;
  const double q = z / alpha;
  return std::fabs(q) < 0x1p-60 ? z : alpha * std::expm1(q);
}

// exp(x / alpha) for x <= 0, with the quotient's rounding carried (it matters for large |x|).
// celu' is continuous at 0, where it is 1.
double celu_df(double z, double alpha) {
  if (std::isnan(z)) return z;
  if (z > 0) return 1.0;
  const double q = z / alpha;
  if (!(q > -800)) return std::exp(q);  // 0, or NaN
  // two_prod splits only factors below 1e290, and q alpha can round beyond DBL_MAX: a larger
  // alpha is scaled by 2^-512, and z with it (found by fuzzing). Both scalings are exact unless
  // |z| < 2^-510, and then q is below 2^-800 and its remainder irrelevant.
  const double k = alpha >= 1e290 ? 0x1p-512 : 1.0;
  const DD p = dd::two_prod(q, alpha * k);
  const double q_lo = ((z * k - p.hi) - p.lo) / (alpha * k);
  return exp_dd({q, q_lo});
}

// ---------------------------------------------------------------- squareplus

// Where x^2 + b may overflow (|x| > 1e150, or b > 1e300): h = s / 2 = sqrt(x^2 + b) / 2, from
// x 2^-513 and b 2^-1026 (exact for every x and b not negligible next to the other), and the
// formulas below halved throughout, since x + s and s - x overflow for |x| near DBL_MAX. Where
// b is negligible next to x^2, h = |x| / 2 exactly, and the results are x, (b / 4) / |x|, 1 and
// b / (2 |x|) / (2 |x|).
namespace {

bool squareplus_huge(double z, double b) { return std::fabs(z) > 1e150 || b > 1e300; }

double squareplus_half_root(double z, double b) {
  const double scaled = z * 0x1p-513;
  return std::sqrt(scaled * scaled + b * 0x1p-1026) * 0x1p512;
}

}  // namespace

// params: b > 0. (x + sqrt(x^2 + b)) / 2; for x < 0 the same value as b / (2 (s - x)), which does
// not cancel.
double squareplus_f(double z, double b) {
  if (std::isnan(z)) return z;
  if (squareplus_huge(z, b)) {
    const double h = squareplus_half_root(z, b);
    return z >= 0 ? z / 2 + h : (b / 4) / (h - z / 2);
  }
  const double s = std::sqrt(z * z + b);
  return z >= 0 ? (z + s) / 2 : b / (2 * (s - z));
}

// (1 + x / s) / 2; for x < 0, b / (2 s (s - x)).
double squareplus_df(double z, double b) {
  if (std::isnan(z)) return z;
  if (std::isinf(z)) return z > 0 ? 1.0 : 0.0;
  if (squareplus_huge(z, b)) {
    const double h = squareplus_half_root(z, b);
    return z >= 0 ? (1.0 + (z / 2) / h) / 2 : (b / 8) / h / (h - z / 2);
  }
  const double s = std::sqrt(z * z + b);
  return z >= 0 ? (1.0 + z / s) / 2 : b / (2 * s) / (s - z);
}

// ---------------------------------------------------------------- tanh-shrink: x - tanh(x)

double tanh_shrink_series(double a) {
  const double s = a * a;
  double poly = kTanhShrinkSeries[5];
  for (int k = 4; k >= 0; --k) poly = poly * s + kTanhShrinkSeries[k];
  return a * s * poly;
}

// Cancels for small |x| (x - tanh x ~ x^3 / 3): the series for |x| < 1/32, tanh in double-double
// up to |x| = 1.5, and the plain difference beyond, where it loses at most one bit.
double tanh_shrink_f(double z) {
  if (std::isnan(z)) return z;
  const double a = std::fabs(z);
  double r;
  if (a < 0.03125) {
    r = tanh_shrink_series(a);
  } else if (a <= 1.5) {
    r = dd::to_double(dd::add(dd::neg(tanh_dd(a)), a));
  } else {
    r = a - std::tanh(a);
  }
  return std::copysign(r, z);
}

// tanh^2(x): squared in double-double up to |x| = 1.5, and 1 - sech^2(x) beyond, where the
// result is at least 0.82 and the subtraction is harmless.
double tanh_shrink_df(double z) {
  if (std::isnan(z)) return z;
  const double a = std::fabs(z);
  if (a <= 1.5) {
    const DD t = tanh_dd(a);
    return dd::to_double(dd::mul(t, t));
  }
  return 1.0 - Tanh::df(a, nullptr);
}

}  // namespace activations::kernels::smooth
