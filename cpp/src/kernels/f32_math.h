#pragma once

// Vectorised float32 exp, expm1 and log1p on four lanes, the building blocks of the float32
// kernels (f32.cpp). Each is within about one float32 ULP in every range, subnormal results
// included, with the IEEE answers at ±inf and NaN:
//
// - exp and expm1 reduce x = k ln2 + r, |r| <= ln2/2, with ln2 in two parts (Cody and Waite:
//   k * ln2_hi is exact), take e^r - 1 = r + r^2 Q(r) from its Taylor polynomial of degree 8
//   (truncation below 2^-31 relative), and scale by 2^k through the exponent bits, in two factors
//   so that 2^k for k down to -173 and up to 128 needs no special case: a result that is
//   subnormal, or that overflows, is rounded once, by the last multiplication.
// - expm1 = 2^k ((1 - 2^-k) + r + r^2 Q(r)), the first sum carried exactly (Fast2Sum), so it
//   keeps its relative accuracy near 0 and has no cancellation when k = 1 and r < 0.
// - log1p is musl's log1pf (from FreeBSD): u = 1 + x with its rounding carried as a correction,
//   u = 2^k m with m in [sqrt(2)/2, sqrt(2)), and log(m) = 2 atanh(s) from a minimax polynomial.

#include <cstdint>

#include "simd4.h"

namespace activations::simd {

// Exact float32 constants.
inline constexpr float kLog2e = 1.44269504088896341f;
inline constexpr float kLn2Hi = 0.693145751953125f;  // 0x3f317200: k * kLn2Hi is exact, |k| < 512
inline constexpr float kLn2Lo = 1.42860682030941723212e-6f;
// Adding 1.5 * 2^23 rounds a float of magnitude below 2^22 to an integer, which then sits in the
// low bits of the sum's representation.
inline constexpr float kShifter = 12582912.0f;
// Below this, e^x * a is zero for every |a| <= 2^24 used here; above the other, e^x overflows.
inline constexpr float kExpMin = -120.0f;
inline constexpr float kExpMax = 89.0f;

// 2^k for -126 <= k <= 127.
inline F4 pow2(I4 k) { return from_bits(shl(k + splat_i(127), 23)); }

// e^x as p * 2^k (p in [sqrt(2)/2, sqrt(2)]), kept apart so that a * e^x can be formed with one
// rounding even where e^x alone would be subnormal: ((a * p) * 2^k1) * 2^k2.
struct ExpParts {
  F4 p;     // e^r
  F4 em;    // e^r - 1 = hi + lo, hi exact: for expm1
  F4 hi;    // r_hi
  F4 lo;    // r_lo + r^2 Q(r)
  F4 two1;  // 2^k1
  F4 two2;  // 2^k2, k1 + k2 = k
  I4 k;

  // e^x.
  F4 value() const { return (p * two1) * two2; }
  // e^x in double, to about 2^-26 relative (2^-25.96 at worst from x = -120 to 88): the roundings
  // of r and lo, and the polynomial's truncation.
  D4 value_d() const {
    return ((splat_d(1.0) + widen(hi)) + widen(lo)) * widen(two1) * widen(two2);
  }
  // a * e^x = (a + a (e^r - 1)) 2^k: e^r is not rounded on the way, and a result that is
  // subnormal is rounded once.
  F4 times(F4 a) const { return ((a + a * em) * two1) * two2; }
  // e^x - 1. Where k < -25 (x < -17.7), e^x < 2^-25 and the result rounds to -1.
  F4 minus_one() const {
    const I4 neg = splat_i(0) - k;
    const M4 tiny = neg > splat_i(25);
    const I4 n = select(tiny, splat_i(25), neg);
    const I4 n1 = shr(n, 1);
    // 1 - 2^-k: exact for k >= -24, and 1 (rounded) for k >= 25.
    const F4 t = splat(1.0f) - pow2(n1) * pow2(n - n1);
    const F4 s = t + hi;  // |t| >= 1/2 >= |hi| unless t = 0: Fast2Sum
    const F4 err = hi - (s - t);
    const F4 sum = ((s + (err + lo)) * two1) * two2;
    return select(is_nan(hi), hi, select(tiny, splat(-1.0f), sum));
  }
};

inline ExpParts exp_parts(F4 x) {
  // NaN passes through both clamps (pmin/pmax keep their first operand when a compare fails).
  const F4 xc = pmin(pmax(x, splat(kExpMin)), splat(kExpMax));
  const F4 shifted = xc * splat(kLog2e) + splat(kShifter);
  const F4 kf = shifted - splat(kShifter);
  const I4 k = bits(shifted) - bits(splat(kShifter));
  const F4 r_hi = xc - kf * splat(kLn2Hi);  // exact
  const F4 r_lo = -(kf * splat(kLn2Lo));
  const F4 r = r_hi + r_lo;
  // Q(r) = 1/2 + r/6 + ... + r^6/8!
  F4 q = splat(1.0f / 40320);
  q = q * r + splat(1.0f / 5040);
  q = q * r + splat(1.0f / 720);
  q = q * r + splat(1.0f / 120);
  q = q * r + splat(1.0f / 24);
  q = q * r + splat(1.0f / 6);
  q = q * r + splat(0.5f);
  const F4 lo = r_lo + (r * r) * q;
  const F4 em = r_hi + lo;
  const I4 k1 = shr(k, 1);
  return {splat(1.0f) + em, em, r_hi, lo, pow2(k1), pow2(k - k1), k};
}

inline F4 exp(F4 x) { return exp_parts(x).value(); }

// e^y for y in double, to about 2^-26 relative, as value_d: e^hi (1 + lo), hi = y rounded to
// float32 and lo = y - hi exact (|lo| <= 2^-24 |hi|, so lo^2 / 2 is below 2^-35 while |y| <= 120).
// Below y = -120 the result is e^-120 (1 + lo), as exp_parts clamps; y must stay within float32's
// range.
inline D4 exp_d(D4 y) {
  const F4 hi = narrow(y);
  return exp_parts(hi).value_d() * (splat_d(1.0) + (y - widen(hi)));
}

// The lean forms, for the fast paths of the most used functions: x = n ln2 + t as above, then
// e^t - 1 = p(t) = t + t^2 Q(t) with Q the minimax polynomial of degree 4 for the relative error
// of p on [-ln2/2, ln2/2] (2^-25.8 with these float32 coefficients; fitted by Lawson's algorithm),
// and 2^n in one factor: valid where -126 <= n <= 127, and the callers keep to that range.
struct Lean {
  F4 p;  // e^t - 1
  F4 s;  // 2^n
};

// The shifter with the exponent bias: the low bits of x log2e + kBiasedShifter hold n + 127, and
// shifting them into the exponent field gives 2^n (the shifter's own bits shift out).
inline constexpr float kBiasedShifter = 12583039.0f;  // 1.5 * 2^23 + 127
// Q's coefficients, of t^0 to t^4.
inline constexpr float kLeanQ[5] = {0x1.fffffep-2f, 0x1.5554b0p-3f, 0x1.555674p-5f, 0x1.122792p-7f,
                                    0x1.6bec02p-10f};

inline Lean lean_parts(F4 x) {
  const F4 shifted = x * splat(kLog2e) + splat(kBiasedShifter);
  const F4 n = shifted - splat(kBiasedShifter);
  const F4 t = (x - n * splat(kLn2Hi)) - n * splat(kLn2Lo);
  const F4 s = from_bits(shl(bits(shifted), 23));
  F4 q = splat(kLeanQ[4]);
  for (int i = 3; i >= 0; --i) q = q * t + splat(kLeanQ[i]);
  return {t + (t * t) * q, s};
}

// e^x for -87.3 <= x <= 88.3 (normal results), rounded once after p.
inline F4 exp_lean(F4 x) {
  const Lean l = lean_parts(x);
  return l.s * l.p + l.s;
}

// e^-x, bit for bit exp_lean(-x), without negating x (three instructions in V8): the reduction
// runs with -log2e and gives u = -t exactly, and Horner's steps q*t + c become c - q*u, the same
// roundings with the signs moved (round to nearest is symmetric).
inline F4 exp_lean_neg(F4 x) {
  const F4 shifted = x * splat(-kLog2e) + splat(kBiasedShifter);
  const F4 n = shifted - splat(kBiasedShifter);
  const F4 u = (x + n * splat(kLn2Hi)) + n * splat(kLn2Lo);
  const F4 s = from_bits(shl(bits(shifted), 23));
  F4 q = splat(kLeanQ[4]);
  for (int i = 3; i >= 0; --i) q = splat(kLeanQ[i]) - q * u;
  const F4 p = (u * u) * q - u;
  return s * p + s;
}

// e^x - 1 for x <= 88.3: (2^n - 1) + 2^n p, where 2^n - 1 is exact for n >= -24 and 2^n p is
// exact, so the sum is the only rounding; for n < 0 the two terms have opposite signs but the
// sum is at least half the larger one. Below x = -17.5 the result rounds to -1, as the clamp
// gives (NaN passes through it).
inline F4 expm1_lean(F4 x) {
  const Lean l = lean_parts(pmax(x, splat(-17.5f)));
  return (l.s - splat(1.0f)) + l.s * l.p;
}

inline F4 expm1(F4 x) { return exp_parts(x).minus_one(); }

// log(1 + x) for x >= 0 (and NaN): musl's log1pf without its branches for x < 0 and x = inf.
inline F4 log1p_nonneg(F4 x) {
  constexpr float kLogLn2Hi = 6.9313812256e-01f;  // 0x3f317180
  constexpr float kLogLn2Lo = 9.0580006145e-06f;  // 0x3717f7d1
  const F4 one = splat(1.0f);
  const F4 u = one + x;
  const I4 iu = bits(u) + splat_i(0x3f800000 - 0x3f3504f3);
  const I4 k = shr(iu, 23) - splat_i(0x7f);  // 0, or 1 where u >= sqrt(2)
  const F4 dk = to_float(k);
  // log(1 + x) - log(u), to first order: the rounding of 1 + x (exact when k = 0 or 1).
  const F4 c = (x - (u - one)) / u;
  const F4 f = from_bits((iu & splat_i(0x007fffff)) + splat_i(0x3f3504f3)) - one;
  const F4 s = f / (splat(2.0f) + f);
  const F4 z = s * s;
  const F4 w = z * z;
  const F4 t1 = w * (splat(0.40000972152f) + w * splat(0.24279078841f));
  const F4 t2 = z * (splat(0.66666662693f) + w * splat(0.28498786688f));
  const F4 r = t2 + t1;
  const F4 hfsq = splat(0.5f) * f * f;
  return s * (hfsq + r) + (dk * splat(kLogLn2Lo) + c) - hfsq + f + dk * splat(kLogLn2Hi);
}

// Dekker's exact product without fma: a * b = p + two_prod_error(a, b, p), for |a|, |b| < 2^100.
inline void split(F4 a, F4& hi, F4& lo) {
  const F4 t = splat(4097.0f) * a;
  hi = t - (t - a);
  lo = a - hi;
}
inline F4 two_prod_error(F4 a, F4 b, F4 p) {
  F4 ah, al, bh, bl;
  split(a, ah, al);
  split(b, bh, bl);
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

}  // namespace activations::simd

namespace activations::simd {

// n / (1 + e)^2 for 0 <= e <= 1, with 1 + e and its square carried exactly: only the division
// and a final correction are rounded, so the result is within one ULP of n's own error.
inline F4 over_one_plus_squared(F4 n, F4 e) {
  const F4 d = splat(1.0f) + e;
  const F4 d_lo = e - (d - splat(1.0f));  // Fast2Sum: d + d_lo = 1 + e
  const F4 sq = d * d;
  const F4 sq_lo = two_prod_error(d, d, sq) + splat(2.0f) * d * d_lo;
  const F4 q = n / sq;
  return q - q * (sq_lo / sq);
}

}  // namespace activations::simd
