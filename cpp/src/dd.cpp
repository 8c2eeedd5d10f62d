#include "dd.h"

namespace activations::dd {

namespace {

// 1/k as double-double, for the series below: a multiplication instead of a division per term.
struct Reciprocals {
  DD of[128];
  Reciprocals() {
    for (int k = 1; k < 128; ++k) of[k] = div(DD{1.0, 0.0}, DD{static_cast<double>(k), 0.0});
  }
};
const Reciprocals& reciprocals() {
  static const Reciprocals table;
  return table;
}

}  // namespace

DD expm1_small(DD x) {
  // Halve 8 times so the Taylor series needs few terms, then undo with
  // expm1(2y) = expm1(y) * (2 + expm1(y)), which keeps relative accuracy for small results.
  constexpr int kHalvings = 8;
  const DD y = {std::ldexp(x.hi, -kHalvings), std::ldexp(x.lo, -kHalvings)};
  // expm1(y) = y (1 + y/2 (1 + y/3 (1 + ... ))), |y| <= 0.0014: 12 terms reach 2^-120.
  const Reciprocals& r = reciprocals();
  DD sum = {1.0, 0.0};
  for (int k = 12; k >= 2; --k) sum = add(mul(mul(y, sum), r.of[k]), 1.0);
  DD m = mul(y, sum);
  for (int i = 0; i < kHalvings; ++i) m = mul(m, add(m, 2.0));
  return m;
}

DD exp(DD x) {
  const double k = std::nearbyint(x.hi / kLn2.hi);
  const DD r = add(x, neg(mul(kLn2, k)));  // |r| <= ln2/2
  const DD e = add(expm1_small(r), 1.0);
  const int n = static_cast<int>(k);
  return {std::ldexp(e.hi, n), std::ldexp(e.lo, n)};
}

DD erf_small(DD x) {
  // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)); terms fall below 2^-110 of the
  // sum well before n = 60 for |x| <= 2.5.
  const Reciprocals& r = reciprocals();
  const DD x2 = mul(x, x);
  DD term = x;  // (-1)^n x^(2n+1) / n!
  DD sum = x;
  for (int n = 1; n < 60; ++n) {
    term = mul(mul(neg(term), x2), r.of[n]);
    const DD piece = mul(term, r.of[2 * n + 1]);
    sum = add(sum, piece);
    if (std::fabs(piece.hi) < std::fabs(sum.hi) * 1e-34) break;
  }
  return mul(sum, kTwoOverSqrtPi);
}

}  // namespace activations::dd
