#include "activations/softmax.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "compensated_sum.h"

namespace activations {
namespace {

// exp((x - m) / t) for x <= m. The difference and the quotient are carried as hi + lo, so the
// result is as accurate as exp() itself even when (x - m) / t is large: rounding the exponent
// alone would cost |(x - m) / t| / 2 ULP.
double shifted_exp(double x, double m, double t) {
  const double d = x - m;
  if (!std::isfinite(d)) return 0.0;  // d = -inf: x is -inf, or the difference overflowed
  const double bb = d - x;
  const double d_lo = (x - (d - bb)) + (-m - bb);  // two-sum: x - m == d + d_lo exactly
  const double q = d / t;
  const double e = std::exp(q);
  if (e == 0.0 || !std::isfinite(q)) return e;
  const double q_lo = (std::fma(-q, t, d) + d_lo) / t;  // what q lost
  return e + e * q_lo;
}

// Fills `out` with the probabilities and returns false when there is nothing more to do: a
// degenerate input (NaN, +inf, all -inf) whose answer is exact.
bool special_cases(const double* x, std::size_t n, double* out) {
  if (std::any_of(x, x + n, [](double v) { return std::isnan(v); })) {
    std::fill(out, out + n, std::nan(""));
    return true;
  }
  const auto infinite = std::count(x, x + n, HUGE_VAL);
  if (infinite > 0) {
    for (std::size_t i = 0; i < n; ++i) out[i] = x[i] == HUGE_VAL ? 1.0 / infinite : 0.0;
    return true;
  }
  if (std::all_of(x, x + n, [](double v) { return v == -HUGE_VAL; })) {
    std::fill(out, out + n, 1.0 / n);
    return true;
  }
  return false;
}

}  // namespace

void softmax(const double* x, std::size_t n, double temperature, double* out) {
  if (n == 0 || special_cases(x, n, out)) return;
  const double m = *std::max_element(x, x + n);
  detail::CompensatedSum total;
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = shifted_exp(x[i], m, temperature);
    total.add(out[i]);
  }
  const double s = total.value();  // >= 1: the largest term is exp(0)
  for (std::size_t i = 0; i < n; ++i) out[i] /= s;
}

void softmax_jacobian(const double* x, std::size_t n, double temperature, double* out) {
  if (n == 0) return;
  std::vector<double> s(n);
  std::vector<double> others(n);  // 1 - s_i
  if (special_cases(x, n, s.data())) {
    for (std::size_t i = 0; i < n; ++i) others[i] = 1.0 - s[i];  // exact: s_i is 0, 1/k or NaN
  } else {
    const double m = *std::max_element(x, x + n);
    std::vector<double> e(n);
    for (std::size_t i = 0; i < n; ++i) e[i] = shifted_exp(x[i], m, temperature);
    // 1 - s_i as the sum of the other terms: subtracting from 1 would cancel when s_i -> 1.
    detail::CompensatedSum prefix;
    for (std::size_t i = 0; i < n; ++i) {
      others[i] = prefix.value();
      prefix.add(e[i]);
    }
    const double total = prefix.value();
    detail::CompensatedSum suffix;
    for (std::size_t i = n; i-- > 0;) {
      others[i] = (others[i] + suffix.value()) / total;
      suffix.add(e[i]);
      s[i] = e[i] / total;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    double* row = out + i * n;
    for (std::size_t j = 0; j < n; ++j) row[j] = -(s[i] * s[j]) / temperature;
    row[i] = s[i] * others[i] / temperature;
  }
}

}  // namespace activations
