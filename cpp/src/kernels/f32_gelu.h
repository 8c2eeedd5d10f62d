#pragma once

// The vectorised GELU, both forms. Each carries its few sensitive steps in double (D4) and
// rounds once; its f' cancels at its root (z = -0.7518...), and the double kernel takes the
// window around it.
// Only f32.cpp includes this: the unnamed namespace keeps the forms internal to it, so they
// inline into its loops.

#include "../dd.h"
#include "f32_form.h"
#include "smooth.h"

namespace activations::kernels::f32 {
namespace {  // NOLINT(google-build-namespaces): included by f32.cpp only

// erfcx(a) / 2 = e^(a^2) erfc(a) / 2 for 0 <= a <= 10.5, within 2^-34 relative: the Chebyshev
// interpolant of degree 12 in x = (26 u + 5) / 21, u = (a - 2.5) / (a + 2.5), as a polynomial in
// x (no term more than 19 times the sum). tests/reference/fit_erfcx.py computes the coefficients.
inline constexpr double kHalfErfcx[13] = {
    0x1.2b91aa7c680a1p-3,  -0x1.8ff53a2dd29b5p-3,  0x1.bccff364d91cdp-4,   -0x1.526c42fc1011bp-5,
    0x1.25957dca24830p-7,  -0x1.0e785662271cep-14, -0x1.00288a523f57fp-11, 0x1.6e4c4d4aa0cb2p-15,
    0x1.1efd28265c532p-15, -0x1.89ac649835147p-19, -0x1.97db609ab0db7p-19, 0x1.25e1c2dfd228ap-24,
    0x1.ed7e93f0f544dp-23};

inline simd::D4 half_erfcx(simd::D4 a) {
  using simd::splat_d;
  const simd::D4 u = (a - splat_d(2.5)) / (a + splat_d(2.5));
  const simd::D4 x = u * splat_d(26.0 / 21) + splat_d(5.0 / 21);
  simd::D4 sum = splat_d(kHalfErfcx[12]);
  for (int k = 11; k >= 0; --k) sum = sum * x + splat_d(kHalfErfcx[k]);
  return sum;
}

struct GeluCtx {
  bool approximate;
  explicit GeluCtx(const double* p) : approximate(p[0] != 0) {}
  bool ok() const { return true; }
};

template <>
struct Simd<Gelu> {
  static constexpr bool kAvailable = true;
  static constexpr bool kDfWindow = true;
  static constexpr float kDfLo = -0.8f;
  static constexpr float kDfHi = -0.7f;
  using Ctx = GeluCtx;

  // f below lo and above hi, where the formulas are not needed (nor finite): -0 below (the truth
  // is a tiny negative number), and `above` beyond.
  static F4 ends(F4 x, float lo, float hi, F4 above, F4 middle) {
    return select(x < splat(lo), splat(-0.0f), select(x > splat(hi), above, middle));
  }

  // The exact form, z Phi(z), with Phi(z) = e h for z < 0 and 1 - e h for z >= 0, where
  // e = e^(-z^2 / 2) (z^2 / 2 exact in double) and h = erfcx(|z| / sqrt2) / 2; the density is
  // e / sqrt(2 pi). Below z = -14.5, f and f' round to -0; above z = 10, Phi and f' round to 1.
  static constexpr float kErfLo = -14.5f;
  static constexpr float kErfHi = 10.0f;
  struct ErfParts {
    simd::D4 z;
    simd::D4 e;
    simd::D4 h;
  };
  static ErfParts erf_parts(F4 x) {
    const F4 xc = pmin(pmax(x, splat(kErfLo)), splat(kErfHi));  // NaN passes
    const simd::D4 z = simd::widen(xc);
    const simd::D4 e = simd::exp_d(simd::splat_d(-0.5) * (z * z));
    return {z, e, half_erfcx(simd::widen(simd::abs(xc)) * simd::splat_d(dd::kInvSqrt2.hi))};
  }
  static F4 erf_f(F4 x, const ErfParts& p) {
    const simd::D4 phi_cdf = p.e * p.h;
    const F4 neg = simd::narrow(p.z * phi_cdf);
    const F4 pos = simd::narrow(p.z * (simd::splat_d(1.0) - phi_cdf));
    return ends(x, kErfLo, kErfHi, x, select(x < zero(), neg, pos));
  }
  // Phi + z phi: e (h + z / sqrt(2 pi)) for z < 0, where the bracket cancels only near the root.
  static F4 erf_df(F4 x, const ErfParts& p) {
    const simd::D4 slope = p.z * simd::splat_d(dd::kInvSqrt2Pi.hi);
    const F4 neg = simd::narrow(p.e * (p.h + slope));
    const F4 pos = simd::narrow((simd::splat_d(1.0) - p.e * p.h) + p.e * slope);
    return ends(x, kErfLo, kErfHi, one(), select(x < zero(), neg, pos));
  }

  // The tanh form, z sigma(2g), g = sqrt(2/pi) (z + 0.044715 z^3), in double: with e = e^(-2|g|),
  // z / (1 + e) for z >= 0 and z e / (1 + e) for z < 0. Beyond |z| = 40, f is z or -0 and f' is 1
  // or -0, as in the double kernel.
  static constexpr float kTanhLimit = 40.0f;
  struct TanhParts {
    simd::D4 z;
    simd::D4 e;
    simd::D4 one_plus;  // 1 + e
  };
  static TanhParts tanh_parts(F4 x) {
    const F4 xc = pmin(pmax(x, splat(-kTanhLimit)), splat(kTanhLimit));
    const simd::D4 z = simd::widen(xc);
    const simd::D4 g = simd::splat_d(dd::kSqrt2OverPi.hi) *
                       (z + simd::splat_d(dd::kGeluTanhCubic.hi) * (z * z * z));
    // -2|g|: g has the sign of z.
    const simd::D4 e = simd::exp_d(g * simd::widen(simd::copysign(splat(2.0f), -xc)));
    return {z, e, simd::splat_d(1.0) + e};
  }
  static F4 tanh_f(F4 x, const TanhParts& p) {
    const simd::D4 q = p.z / p.one_plus;
    return ends(x, -kTanhLimit, kTanhLimit, x,
                select(x >= zero(), simd::narrow(q), simd::narrow(q * p.e)));
  }
  // sigma(2g) (1 + 2z g' sigma(-2g)): (1 + s e / (1 + e)) / (1 + e) for z >= 0 and
  // e (1 + s / (1 + e)) / (1 + e) for z < 0, with s = 2z g'.
  static F4 tanh_df(F4 x, const TanhParts& p) {
    const simd::D4 one_d = simd::splat_d(1.0);
    const simd::D4 s = (p.z + p.z) * simd::splat_d(dd::kSqrt2OverPi.hi) *
                       (one_d + simd::splat_d(3 * dd::kGeluTanhCubic.hi) * (p.z * p.z));
    const F4 pos = simd::narrow((one_d + s * p.e / p.one_plus) / p.one_plus);
    const F4 neg = simd::narrow(p.e * (one_d + s / p.one_plus) / p.one_plus);
    return ends(x, -kTanhLimit, kTanhLimit, one(), select(x >= zero(), pos, neg));
  }

  static F4 f(F4 x, const Ctx& c) {
    return c.approximate ? tanh_f(x, tanh_parts(x)) : erf_f(x, erf_parts(x));
  }
  static void both(F4 x, const Ctx& c, F4& f_out, F4& df) {
    if (c.approximate) {
      const TanhParts p = tanh_parts(x);
      f_out = tanh_f(x, p);
      df = tanh_df(x, p);
    } else {
      const ErfParts p = erf_parts(x);
      f_out = erf_f(x, p);
      df = erf_df(x, p);
    }
  }
};

}  // namespace
}  // namespace activations::kernels::f32
