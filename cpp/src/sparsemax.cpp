#include "activations/sparsemax.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "dd.h"

namespace activations {
namespace {

// x / t as hi + lo: the outputs are differences z_i - tau that can be far smaller than z_i.
dd::DD scaled(double x, double t) {
  const double q = x / t;
  if (!std::isfinite(q)) return {q, 0.0};
  // two_prod splits only factors below 1e290: a larger t is scaled by 2^-512, and x with it, so
  // that the remainder stays exact (both scalings are exact wherever q does not underflow).
  const double k = t >= 1e290 ? 0x1p-512 : 1.0;
  const dd::DD p = dd::two_prod(q, t * k);
  // q t at DBL_MAX overflows (in p.hi, or in the split products of p.lo): then |q| > 1e18 and
  // the remainder is below q's ULP.
  if (!std::isfinite(p.hi) || !std::isfinite(p.lo)) return {q, 0.0};
  return {q, ((x * k - p.hi) - p.lo) / (t * k)};
}

// The support (indices with positive output) and tau, for z = x / t.
struct Projection {
  std::vector<std::size_t> support;
  dd::DD tau{0, 0};
  std::vector<dd::DD> z;
};

// Degenerate inputs whose answer is exact, judged on z = x / t (which can overflow): NaN anywhere
// (all NaN), +inf entries (they share the mass), all -inf (uniform). Writes them to `out`.
bool special_cases(const std::vector<dd::DD>& z, const double* x, double* out) {
  const std::size_t n = z.size();
  if (std::any_of(z.begin(), z.end(), [](const dd::DD& v) { return std::isnan(v.hi); })) {
    std::fill(out, out + n, std::nan(""));
    return true;
  }
  // Entries of z beyond the double range are at least 1 apart unless their x are equal: the
  // largest x among them takes all the mass (shared on a tie).
  double top = -HUGE_VAL;
  for (std::size_t i = 0; i < n; ++i) {
    if (z[i].hi == HUGE_VAL) top = std::max(top, x[i]);
  }
  if (top > -HUGE_VAL) {
    const auto winners = std::count_if(x, x + n, [&](double v) { return v == top; });
    for (std::size_t i = 0; i < n; ++i) out[i] = x[i] == top ? 1.0 / winners : 0.0;
    return true;
  }
  if (std::all_of(z.begin(), z.end(), [](const dd::DD& v) { return v.hi == -HUGE_VAL; })) {
    std::fill(out, out + n, 1.0 / n);
    return true;
  }
  return false;
}

std::vector<dd::DD> scaled_all(const double* x, std::size_t n, double t) {
  std::vector<dd::DD> z(n);
  for (std::size_t i = 0; i < n; ++i) z[i] = scaled(x[i], t);
  return z;
}

// z - max(z): sparsemax is shift invariant, and the outputs (of order 1) must be resolved next
// to z's largest entry, which can be near 1e308 with a tiny temperature; even double-double
// cannot hold 1e300 + 1, but after the shift the largest entry is exactly 0. An entry more than
// DBL_MAX below the largest (found by fuzzing: -DBL_MAX next to 1e299) becomes -inf, not the
// NaN that double-double addition makes of an overflow; it is far outside the support anyway.
void shift_to_max(std::vector<dd::DD>& z) {
  const dd::DD top = *std::max_element(z.begin(), z.end(), [](const dd::DD& a, const dd::DD& b) {
    return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
  });
  for (dd::DD& v : z) {
    if (v.hi == -HUGE_VAL) continue;
    const dd::DD d = dd::add(v, dd::neg(top));
    v = std::isfinite(d.hi) ? d : dd::DD{-HUGE_VAL, 0.0};
  }
}

Projection project(std::vector<dd::DD> z) {
  Projection p;
  shift_to_max(z);
  p.z = std::move(z);
  const std::size_t n = p.z.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return p.z[a].hi > p.z[b].hi || (p.z[a].hi == p.z[b].hi && p.z[a].lo > p.z[b].lo);
  });
  // The support is the largest k with 1 + k z_(k) > z_(1) + ... + z_(k).
  dd::DD cumulative{0, 0};
  dd::DD sum_at_k{0, 0};
  std::size_t k = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const dd::DD zr = p.z[order[r]];
    // The largest z is 0 and its output at most 1, so tau >= -1: from z_r < -1 on, no entry is
    // in the support (and the sums below cannot overflow).
    if (zr.hi < -1) break;
    cumulative = dd::add(cumulative, zr);
    const dd::DD lhs = dd::add(dd::mul(zr, static_cast<double>(r + 1)), 1.0);
    if (dd::to_double(dd::add(lhs, dd::neg(cumulative))) > 0) {
      k = r + 1;
      sum_at_k = cumulative;
    }
  }
  p.tau = dd::div(dd::add(sum_at_k, -1.0), dd::DD{static_cast<double>(k), 0.0});
  p.support.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k));
  return p;
}

}  // namespace

void sparsemax(const double* x, std::size_t n, double temperature, double* out) {
  if (n == 0) return;
  std::vector<dd::DD> z = scaled_all(x, n, temperature);
  if (special_cases(z, x, out)) return;
  const Projection p = project(std::move(z));
  std::fill(out, out + n, 0.0);
  for (std::size_t i : p.support) {
    out[i] = std::max(0.0, dd::to_double(dd::add(p.z[i], dd::neg(p.tau))));
  }
}

void sparsemax_jacobian(const double* x, std::size_t n, double temperature, double* out) {
  if (n == 0) return;
  std::vector<dd::DD> z = scaled_all(x, n, temperature);
  std::vector<double> s(n);
  std::vector<std::size_t> support;
  if (special_cases(z, x, s.data())) {
    if (std::isnan(s[0])) {
      std::fill(out, out + n * n, s[0]);
      return;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (s[i] > 0) support.push_back(i);
    }
  } else {
    support = project(std::move(z)).support;
  }
  std::fill(out, out + n * n, 0.0);
  const double share = 1.0 / static_cast<double>(support.size());
  for (std::size_t i : support) {
    for (std::size_t j : support) out[i * n + j] = ((i == j ? 1.0 : 0.0) - share) / temperature;
  }
}

}  // namespace activations
