#pragma once

// Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi)/2, about 106 bits.
// Used only where a formula cancels (near the root of a derivative, or x - tanh x), so the
// result can still be rounded correctly to double. Products use Dekker's split rather than
// fma, so native and wasm builds compute bit-identical results.

#include <cmath>

namespace activations::dd {

struct DD {
  double hi;
  double lo;
};

inline DD two_sum(double a, double b) {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

inline DD fast_two_sum(double a, double b) {  // requires |a| >= |b|
  const double s = a + b;
  return {s, b - (s - a)};
}

inline void split(double a, double& hi, double& lo) {
  constexpr double kSplitter = 134217729.0;  // 2^27 + 1
  const double t = kSplitter * a;
  hi = t - (t - a);
  lo = a - hi;
}

inline DD two_prod(double a, double b) {
  const double p = a * b;
  // Splitting a value beyond 2^996 overflows; products that large are only ever used where
  // their low part no longer matters.
  if (!(std::fabs(a) < 1e290 && std::fabs(b) < 1e290)) return {p, 0.0};
  double ah, al, bh, bl;
  split(a, ah, al);
  split(b, bh, bl);
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

inline DD add(DD a, DD b) {
  DD s = two_sum(a.hi, b.hi);
  const DD t = two_sum(a.lo, b.lo);
  s.lo += t.hi;
  s = fast_two_sum(s.hi, s.lo);
  s.lo += t.lo;
  return fast_two_sum(s.hi, s.lo);
}

inline DD add(DD a, double b) {
  DD s = two_sum(a.hi, b);
  s.lo += a.lo;
  return fast_two_sum(s.hi, s.lo);
}

inline DD neg(DD a) { return {-a.hi, -a.lo}; }

inline DD mul(DD a, DD b) {
  DD p = two_prod(a.hi, b.hi);
  p.lo += a.hi * b.lo + a.lo * b.hi;
  return fast_two_sum(p.hi, p.lo);
}

inline DD mul(DD a, double b) {
  DD p = two_prod(a.hi, b);
  p.lo += a.lo * b;
  return fast_two_sum(p.hi, p.lo);
}

inline DD div(DD a, DD b) {
  const double q1 = a.hi / b.hi;
  DD r = add(a, neg(mul(b, q1)));
  const double q2 = r.hi / b.hi;
  r = add(r, neg(mul(b, q2)));
  const double q3 = r.hi / b.hi;
  return add(fast_two_sum(q1, q2), q3);
}

inline double to_double(DD a) { return a.hi + a.lo; }

// exp(x) - 1 for |x| <= 0.35, to about 2^-104 relative.
DD expm1_small(DD x);
// exp(x) for any finite x whose result is a normal double (callers guard the ends).
DD exp(DD x);
// erf(x) for |x| <= 2.5, by its Taylor series.
DD erf_small(DD x);

// Constants, as hi + lo.
inline constexpr DD kLn2 = {0.6931471805599453, 2.3190468138462996e-17};
inline constexpr DD kInvSqrt2 = {0.7071067811865476, -4.833646656726457e-17};
inline constexpr DD kInvSqrt2Pi = {0.3989422804014327, -2.49232720227773e-17};
inline constexpr DD kTwoOverSqrtPi = {1.1283791670955126, 1.533545961316588e-17};
inline constexpr DD kSqrt2OverPi = {0.7978845608028654, -4.98465440455546e-17};
inline constexpr DD kGeluTanhCubic = {0.044715, 2.1960211427085595e-18};  // 0.044715 exactly

}  // namespace activations::dd
