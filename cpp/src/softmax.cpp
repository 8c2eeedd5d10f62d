#include "activations/softmax.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "compensated_sum.h"
#include "dd.h"

namespace activations {
namespace {

// (x - m) / t as hi + lo, for x <= m. Rounding the exponent alone would cost |(x - m) / t| / 2
// ULP in exp(); carrying the remainder keeps the result as accurate as exp() itself.
// Returns {-inf, 0} when x is -inf, and -inf or a huge negative hi when the quotient overflows.
dd::DD shifted(double x, double m, double t) {
  if (x == -HUGE_VAL) return {-HUGE_VAL, 0.0};
  dd::DD d = dd::two_sum(x, -m);  // x - m == d.hi + d.lo exactly
  if (!std::isfinite(d.hi)) {
    // The difference overflowed: then |x| and |m| are both above 2^970, so halving x, m and t
    // (t too, unless it is so small that q overflows anyway) is exact and changes no quotient.
    d = dd::two_sum(x / 2, -(m / 2));
    t /= 2;
  }
  const double q = d.hi / t;
  if (!std::isfinite(q)) return {q, 0.0};
  // two_prod splits only factors below 1e290: a larger t is scaled by 2^-512, and d with it, so
  // that the remainder stays exact (both scalings are exact wherever q does not underflow).
  const double k = t >= 1e290 ? 0x1p-512 : 1.0;
  const dd::DD p = dd::two_prod(q, t * k);
  // q t at DBL_MAX overflows (in p.hi, or in the split products of p.lo): then |q| > 1e18, e^q
  // underflows and the remainder is below q's ULP.
  if (!std::isfinite(p.hi) || !std::isfinite(p.lo)) return {q, 0.0};
  return {q, (((d.hi * k - p.hi) - p.lo) + d.lo * k) / (t * k)};
}

double exp_of(dd::DD q) {
  const double e = std::exp(q.hi);
  return e == 0.0 ? 0.0 : e + e * q.lo;
}

// Degenerate inputs whose answer is exact: NaN anywhere (all NaN), +inf logits (they share the
// mass), all -inf (uniform). Fills `s` with the probabilities and returns true for them.
bool special_cases(const double* x, std::size_t n, double* s) {
  if (std::any_of(x, x + n, [](double v) { return std::isnan(v); })) {
    std::fill(s, s + n, std::nan(""));
    return true;
  }
  const auto infinite = std::count(x, x + n, HUGE_VAL);
  if (infinite > 0) {
    for (std::size_t i = 0; i < n; ++i) s[i] = x[i] == HUGE_VAL ? 1.0 / infinite : 0.0;
    return true;
  }
  if (std::all_of(x, x + n, [](double v) { return v == -HUGE_VAL; })) {
    std::fill(s, s + n, 1.0 / n);
    return true;
  }
  return false;
}

// The pieces every function of the family needs, for a non-degenerate input: the probabilities
// s, and 1 - s_i computed as the sum of the other terms (subtracting from 1 would cancel when
// s_i -> 1), plus the shifted exponents.
struct Pieces {
  std::vector<dd::DD> q;
  std::vector<double> s;
  std::vector<double> others;
  std::size_t argmax = 0;
  double rest = 0;  // sum of the terms other than the largest, whose term is exp(0) = 1
};

Pieces pieces(const double* x, std::size_t n, double t) {
  Pieces p;
  p.argmax = static_cast<std::size_t>(std::max_element(x, x + n) - x);
  const double m = x[p.argmax];
  p.q.resize(n);
  std::vector<double> e(n);
  for (std::size_t i = 0; i < n; ++i) {
    p.q[i] = shifted(x[i], m, t);
    e[i] = exp_of(p.q[i]);
  }
  p.others.resize(n);
  detail::CompensatedSum prefix;
  for (std::size_t i = 0; i < n; ++i) {
    p.others[i] = prefix.value();
    prefix.add(e[i]);
  }
  const double total = prefix.value();  // >= 1: the largest term is exp(0)
  detail::CompensatedSum rest;
  for (std::size_t i = 0; i < n; ++i) {
    if (i != p.argmax) rest.add(e[i]);
  }
  p.rest = rest.value();
  p.s.resize(n);
  detail::CompensatedSum suffix;
  for (std::size_t i = n; i-- > 0;) {
    p.others[i] = (p.others[i] + suffix.value()) / total;
    suffix.add(e[i]);
    p.s[i] = e[i] / total;
  }
  return p;
}

// J_ij = (diag_i delta_ij - s_i s_j) / t, or (delta_ij - s_j) / t for the log.
void fill_jacobian(const std::vector<double>& s, const std::vector<double>& others, double t,
                   bool log, double* out) {
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    double* row = out + i * n;
    for (std::size_t j = 0; j < n; ++j) row[j] = -(log ? s[j] : s[i] * s[j]) / t;
    row[i] = (log ? others[i] : s[i] * others[i]) / t;
  }
}

void jacobian(const double* x, std::size_t n, double t, bool log, double* out) {
  if (n == 0) return;
  std::vector<double> s(n);
  std::vector<double> others(n);
  if (special_cases(x, n, s.data())) {
    for (std::size_t i = 0; i < n; ++i) others[i] = 1.0 - s[i];  // exact: s_i is 0, 1/k or NaN
  } else {
    Pieces p = pieces(x, n, t);
    s = std::move(p.s);
    others = std::move(p.others);
  }
  fill_jacobian(s, others, t, log, out);
}

}  // namespace

void softmax(const double* x, std::size_t n, double temperature, double* out) {
  if (n == 0 || special_cases(x, n, out)) return;
  const Pieces p = pieces(x, n, temperature);
  std::copy(p.s.begin(), p.s.end(), out);
}

void softmax_jacobian(const double* x, std::size_t n, double temperature, double* out) {
  jacobian(x, n, temperature, false, out);
}

void log_softmax(const double* x, std::size_t n, double temperature, double* out) {
  if (n == 0) return;
  if (special_cases(x, n, out)) {
    for (std::size_t i = 0; i < n; ++i) out[i] = std::log(out[i]);  // log 0 = -inf, log NaN
    return;
  }
  const Pieces p = pieces(x, n, temperature);
  // log(sum_j e^{q_j}) = log1p(sum over j != argmax), since e^{q_argmax} = 1.
  const double log_total = std::log1p(p.rest);
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = p.q[i].hi == -HUGE_VAL ? -HUGE_VAL : (p.q[i].hi - log_total) + p.q[i].lo;
  }
}

void log_softmax_jacobian(const double* x, std::size_t n, double temperature, double* out) {
  jacobian(x, n, temperature, true, out);
}

}  // namespace activations
