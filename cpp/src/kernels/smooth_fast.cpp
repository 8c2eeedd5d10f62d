// The fast forms of GELU (both forms) and tanh_shrink (fast.h): plain double and libm where the
// careful kernels in smooth.cpp carry double-double, each within 2^-40 relative of the exact
// value wherever that is not below float32's range.

#include <cmath>

#include "../dd.h"
#include "smooth.h"
#include "smooth_parts.h"

namespace activations::kernels::smooth {

// Phi(x) = erfc(-x / sqrt2) / 2, with erfc's relative accuracy in the tail. The rounding of
// 1/sqrt2 and of the product moves v = -x / sqrt2 by about 2^-52 relative, and erfc(v) by
// 2 v^2 times that: below 2^-44 while the float32 result is not 0 (it underflows from
// x = -14.36, v = 10.2).
namespace {
double cdf_fast(double z) { return 0.5 * std::erfc(-z * dd::kInvSqrt2.hi); }
}  // namespace

// x Phi(x).
double gelu_fast(double z) {
  if (std::isnan(z)) return z;
  if (z > 50) return z;
  if (z < -20) return -0.0;
  return z * cdf_fast(z);
}

// Phi(x) + x phi(x). Outside (-0.8, -0.7), where the root -0.7518... is, neither term is more than
// 12 times the sum; the double-double kernel takes that window. Below -3, as phi(x) (M - |x|).
double gelu_fast_df(double z) {
  if (std::isnan(z)) return z;
  if (z > 50) return 1.0;
  if (z < -20) return -0.0;
  if (z > -0.8 && z < -0.7) return gelu_df(z);
  const double cdf = cdf_fast(z);
  const double pdf = normal_pdf(z);
  return z >= -3 ? cdf + z * pdf : pdf * (cdf / pdf + z);
}

// x sigmoid(2g) with g(x) = sqrt(2/pi) (x + 0.044715 x^3) in double: x and the cube have the same
// sign, so g is within a few ULPs, which moves e^{2g} by less than 2^-43 wherever the float32
// result is not 0 (|2g| < 150).
double gelu_tanh_fast(double z) {
  if (std::isnan(z)) return z;
  if (z > 40) return z;
  if (z < -40) return -0.0;
  const double g = dd::kSqrt2OverPi.hi * (z + dd::kGeluTanhCubic.hi * (z * z * z));
  if (z >= 0) return z / (1.0 + std::exp(-2 * g));
  const double e = std::exp(2 * g);  // 0 below 2g = -745, where the float32 result is -0
  return z * e / (e + 1.0);
}

// sigmoid(2g) (1 + 2x g' sigmoid(-2g)). Outside (-0.8, -0.7), where the bracket's root -0.7517...
// is, neither of its terms is more than 12 times the bracket; the double-double kernel takes that
// window.
double gelu_tanh_fast_df(double z) {
  if (std::isnan(z)) return z;
  if (z > 40) return 1.0;
  if (z < -40) return -0.0;
  if (z > -0.8 && z < -0.7) return gelu_tanh_df(z);
  const double g = dd::kSqrt2OverPi.hi * (z + dd::kGeluTanhCubic.hi * (z * z * z));
  const double two_x_slope =
      2 * z * dd::kSqrt2OverPi.hi * (1.0 + 3 * dd::kGeluTanhCubic.hi * (z * z));
  if (z >= 0) {
    const double e = std::exp(-2 * g);
    const double one_plus = 1.0 + e;
    return (1.0 + two_x_slope * e / one_plus) / one_plus;
  }
  const double e = std::exp(2 * g);
  const double one_plus = e + 1.0;
  return e * (1.0 + two_x_slope / one_plus) / one_plus;
}

// The series below |x| = 1/16. Beyond, tanh x is at most 770 times x - tanh x (at 1/16, less
// further out), and an ULP of tanh x is at most 2^-52 of it, so each ULP of libm's error in tanh
// costs at most 2^-42.4 of the result; the subtraction rounds once at most.
double tanh_shrink_fast(double z) {
  if (std::isnan(z)) return z;
  const double a = std::fabs(z);
  return std::copysign(a < 0.0625 ? tanh_shrink_series(a) : a - std::tanh(a), z);
}

double tanh_shrink_fast_df(double z) {
  const double t = std::tanh(z);
  return t * t;
}

}  // namespace activations::kernels::smooth
