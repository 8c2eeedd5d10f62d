// libFuzzer harness: softmax, log_softmax and sparsemax and their Jacobians, called directly and
// through apply() and jacobian() with a `temperature` parameter, on vectors of 0 to 64 doubles.
//
// A temperature that is not a finite positive number (or an unknown or repeated parameter, an
// elementwise id, an output of the wrong size) must be rejected with a message. For a valid one,
// apply() and jacobian() give the bits of the direct functions, and:
//  - NaN anywhere in x gives NaN everywhere, in every output and Jacobian;
//  - otherwise softmax and sparsemax lie in [0, 1], never NaN, preserve the order of x (up to 4
//    ULP of each value), and sum to 1 within 2^-50 + 2^-53 (see kSumTolerance);
//  - log_softmax <= 0, never NaN; it is -inf only where softmax is 0, and elsewhere exp of it
//    agrees with softmax as far as their accuracies allow (see check_log);
//  - every row of the three Jacobians is NaN-free, sums to 0 within 16 * 2^-52 of the sum of
//    its magnitudes (rows with an entry that overflowed to infinity, at tiny temperatures, are
//    only checked for NaN), and has the signs of (delta_ij - s_j): diagonal >= 0, the rest <= 0;
//    softmax's and sparsemax's are symmetric, bit for bit, and softmax's and log_softmax's are
//    built from the very softmax values returned: -s_i s_j / T and -s_j / T off the diagonal.

#include <algorithm>
#include <cmath>
#include <numeric>

#include "activations/softmax.h"
#include "activations/sparsemax.h"
#include "fuzz_support.h"

namespace activations::fuzz {
namespace {

// Each output is within 4 ULP of the truth (the core's promise, tested against mpmath), and an
// ULP of a normal double s is at most 2^-52 s; the true outputs sum to exactly 1, so
//   |sum_i s_i - 1| <= sum_i 4 * 2^-52 * s_i = 2^-50 * sum_i s_i ~ 2^-50,
// whatever n is. The compensated sum of the check adds at most 2^-53; subnormal outputs, whose
// ULP is the absolute 2^-1074, add n * 4 * 2^-1074.
constexpr double kSumTolerance = 0x1p-50 * (1 + 0x1p-48) + 0x1p-53;

using Fn = void (*)(const double*, std::size_t, double, double*);

struct Family {
  const char* id;
  Fn apply;
  Fn jacobian;
};
constexpr Family kFamilies[] = {{"softmax", softmax, softmax_jacobian},
                                {"log_softmax", log_softmax, log_softmax_jacobian},
                                {"sparsemax", sparsemax, sparsemax_jacobian}};

struct Outputs {
  std::vector<double> values, jacobian;
};

Outputs direct(const Family& family, const std::vector<double>& x, double t) {
  Outputs o{std::vector<double>(x.size(), kNaN), std::vector<double>(x.size() * x.size(), kNaN)};
  family.apply(x.data(), x.size(), t, o.values.data());
  family.jacobian(x.data(), x.size(), t, o.jacobian.data());
  return o;
}

// Outputs in [0, 1] that sum to 1, in the order of x.
void check_simplex(const std::string& what, const std::vector<double>& x,
                   const std::vector<double>& s) {
  if (s.empty()) return;
  Sum sum;
  for (std::size_t i = 0; i < s.size(); ++i) {
    FUZZ_CHECK(s[i] >= 0 && s[i] <= 1, "%s: output %zu = %s", what.c_str(), i, show(s[i]).c_str());
    sum.add(s[i]);
  }
  const double tolerance = kSumTolerance + static_cast<double>(s.size()) * 0x1p-1072;
  FUZZ_CHECK(std::fabs(sum.value() - 1) <= tolerance, "%s: sum - 1 = %s (tolerance %s), outputs %s",
             what.c_str(), show(sum.value() - 1).c_str(), show(tolerance).c_str(), show(s).c_str());
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const double lo = s[order[k - 1]], hi = s[order[k]];
    FUZZ_CHECK(hi >= lo || lo - hi <= 4 * (ulp(lo) + ulp(hi)),
               "%s: order not kept: x[%zu] <= x[%zu] but outputs %s > %s", what.c_str(),
               order[k - 1], order[k], show(lo).c_str(), show(hi).c_str());
  }
}

// log_softmax against softmax. With each within 4 ULP, an error of 4 ULP in l (at most
// 4 * 2^-52 |l|) is a relative error of as much in exp(l); exp adds one ULP and s its own 4:
// |exp(l) - s| <= (4 |l| + 8) * 2^-52 * s, plus 2^-1070 where s is subnormal.
// And l_i = (x_i - max x) / T - log(sum_j e^((x_j - max x) / T)), where the log lies in
// [0, log n]: for finite logits, l_i is finite wherever |x_i / 2 - max x / 2| / T (halved so
// that the difference cannot overflow) is below DBL_MAX / 4.
void check_log(const std::string& what, const std::vector<double>& x, double t,
               const std::vector<double>& s, const std::vector<double>& l) {
  const double m = x.empty() ? 0 : *std::max_element(x.begin(), x.end());
  for (std::size_t i = 0; i < l.size(); ++i) {
    FUZZ_CHECK(l[i] <= 0, "%s: log_softmax[%zu] = %s", what.c_str(), i, show(l[i]).c_str());
    if (std::isfinite(m) && std::isfinite(x[i]) && std::fabs(x[i] / 2 - m / 2) / t < kMax / 4) {
      FUZZ_CHECK(std::isfinite(l[i]), "%s: log_softmax[%zu] = %s, but its truth is finite",
                 what.c_str(), i, show(l[i]).c_str());
    }
    if (l[i] == -kInf) {
      FUZZ_CHECK(s[i] == 0, "%s: log_softmax[%zu] = -inf but softmax = %s", what.c_str(), i,
                 show(s[i]).c_str());
      continue;
    }
    const double e = std::exp(l[i]);
    // (With s = 0 the relative part is 0, even where 4 |l| overflows.)
    const double relative = s[i] == 0 ? 0.0 : (4 * std::fabs(l[i]) + 8) * 0x1p-52 * s[i];
    const double tolerance = relative + 0x1p-1070;
    FUZZ_CHECK(std::fabs(e - s[i]) <= tolerance,
               "%s: exp(log_softmax[%zu] = %s) = %s, softmax = %s (tolerance %s)", what.c_str(), i,
               show(l[i]).c_str(), show(e).c_str(), show(s[i]).c_str(), show(tolerance).c_str());
  }
}

// Every true row sums to exactly 0: s_i (1 - sum_j s_j) / T for softmax, (1 - sum_j s_j) / T for
// log_softmax, (1 - k / k) / T on sparsemax's support of k entries. The core builds the diagonal
// from 1 - s_i computed as the sum of the other terms, so a computed row is off by its entries'
// own roundings: s_j = e_j / total (one rounding), the compensated sum of the others (about one),
// the product and the division by T (two), each relative to the entry. That is under
// 4 * 2^-52 of the sum of the row's magnitudes; 16 * 2^-52 leaves a margin, and still catches a
// diagonal more than 32 ULP off (the diagonal is half the row's magnitude) or a missing term.
// Rows are summed scaled by 2^-8: with up to 64 entries each below DBL_MAX (tiny temperatures
// bring them close), neither sum can overflow. Scaling is exact above 2^-1014; below, each entry
// loses at most 2^-1074 of scaled value, which the absolute slack n * 2^-1074 covers.
void check_jacobian(const std::string& what, const std::vector<double>& j, std::size_t n,
                    bool symmetric) {
  constexpr double kScale = 0x1p-8;
  for (std::size_t r = 0; r < n; ++r) {
    const double* row = j.data() + r * n;
    Sum sum, magnitude;
    bool finite = true;
    for (std::size_t c = 0; c < n; ++c) {
      FUZZ_CHECK(!std::isnan(row[c]), "%s: J[%zu][%zu] is NaN", what.c_str(), r, c);
      FUZZ_CHECK(c == r ? row[c] >= 0 : row[c] <= 0, "%s: J[%zu][%zu] = %s has the wrong sign",
                 what.c_str(), r, c, show(row[c]).c_str());
      if (symmetric) {
        FUZZ_CHECK(same(row[c], j[c * n + r]), "%s: J[%zu][%zu] = %s but J[%zu][%zu] = %s",
                   what.c_str(), r, c, show(row[c]).c_str(), c, r, show(j[c * n + r]).c_str());
      }
      finite = finite && std::isfinite(row[c]);
      sum.add(row[c] * kScale);
      magnitude.add(std::fabs(row[c]) * kScale);
    }
    if (!finite) continue;
    const double tolerance = 16 * 0x1p-52 * magnitude.value() + static_cast<double>(n) * 0x1p-1074;
    FUZZ_CHECK(std::fabs(sum.value()) <= tolerance,
               "%s: row %zu sums to %s / 2^8 (tolerance %s / 2^8), row %s", what.c_str(), r,
               show(sum.value()).c_str(), show(tolerance).c_str(),
               show(std::span<const double>(row, n)).c_str());
  }
}

void check_family(const std::string& what, const std::vector<double>& x, double t,
                  const Outputs& soft, const Outputs& log, const Outputs& sparse) {
  const std::size_t n = x.size();
  if (std::any_of(x.begin(), x.end(), [](double v) { return std::isnan(v); })) {
    for (const Outputs* o : {&soft, &log, &sparse}) {
      for (const auto* v : {&o->values, &o->jacobian}) {
        FUZZ_CHECK(std::all_of(v->begin(), v->end(), [](double e) { return std::isnan(e); }),
                   "%s: NaN in x, but not NaN everywhere out", what.c_str());
      }
    }
    return;
  }
  check_simplex("softmax " + what, x, soft.values);
  check_simplex("sparsemax " + what, x, sparse.values);
  check_log(what, x, t, soft.values, log.values);
  check_jacobian("softmax J " + what, soft.jacobian, n, true);
  check_jacobian("log_softmax J " + what, log.jacobian, n, false);
  check_jacobian("sparsemax J " + what, sparse.jacobian, n, true);
  const std::vector<double>& s = soft.values;
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < n; ++c) {
      if (r == c) continue;
      FUZZ_CHECK(same(soft.jacobian[r * n + c], -(s[r] * s[c]) / t) &&
                     same(log.jacobian[r * n + c], -s[c] / t),
                 "%s: J[%zu][%zu] (softmax %s, log_softmax %s) not built from softmax %s, %s",
                 what.c_str(), r, c, show(soft.jacobian[r * n + c]).c_str(),
                 show(log.jacobian[r * n + c]).c_str(), show(s[r]).c_str(), show(s[c]).c_str());
    }
  }
}

std::vector<double> draw_vector(FuzzedDataProvider& in) {
  std::vector<double> x(in.ConsumeIntegralInRange<std::size_t>(0, 64));
  for (std::size_t i = 0; i < x.size(); ++i) {
    const int mode = in.ConsumeIntegralInRange<int>(0, 7);
    if (i > 0 && mode <= 1) {  // ties and near-ties with an earlier entry
      const double earlier = x[in.ConsumeIntegralInRange<std::size_t>(0, i - 1)];
      x[i] = mode == 0 ? earlier : nudge(earlier, in.ConsumeIntegralInRange<int>(-4, 4));
    } else {
      x[i] = draw_double(in);
    }
  }
  return x;
}

void run(FuzzedDataProvider& in) {
  const std::vector<double> x = draw_vector(in);
  const std::size_t n = x.size();
  const DrawnParams d = draw_params(in, find_activation("softmax")->params);
  const double t = d.resolved[0];
  const std::string context = "x=" + show(x) + " " + show(d);

  Outputs outputs[3];
  if (d.ok) {
    for (int f = 0; f < 3; ++f) outputs[f] = direct(kFamilies[f], x, t);
    check_family(context, x, t, outputs[0], outputs[1], outputs[2]);
  }

  // The checked entry points, for one family (or an elementwise id, which they must refuse).
  const int pick = in.ConsumeIntegralInRange<int>(0, 15);
  const bool elementwise = pick == 15;
  const Family& family = kFamilies[pick % 3];
  const std::string id = elementwise ? "tanh" : family.id;
  const bool wrong_size = in.ConsumeIntegralInRange<int>(0, 15) == 0;
  std::vector<double> out(n + (wrong_size ? 1 : 0), kNaN);
  std::vector<double> jac(n * n + (wrong_size ? 1 : 0), kNaN);
  const std::vector<NamedValue> given = d.given();
  const Status sa = apply(id, given, x, out);
  const Status sj = jacobian(id, given, x, jac);
  const std::string what = id + " " + context;
  if (d.ok && !elementwise && !wrong_size) {
    FUZZ_CHECK(sa.ok() && sj.ok(), "%s: rejected: %s", what.c_str(),
               (sa.ok() ? sj : sa).message().c_str());
    const Outputs& o = outputs[pick % 3];
    for (std::size_t i = 0; i < n; ++i) {
      FUZZ_CHECK(same(out[i], o.values[i]), "%s: apply()[%zu] = %s, direct %s", what.c_str(), i,
                 show(out[i]).c_str(), show(o.values[i]).c_str());
    }
    for (std::size_t i = 0; i < n * n; ++i) {
      FUZZ_CHECK(same(jac[i], o.jacobian[i]), "%s: jacobian()[%zu] = %s, direct %s", what.c_str(),
                 i, show(jac[i]).c_str(), show(o.jacobian[i]).c_str());
    }
    return;
  }
  for (const Status* s : {&sa, &sj}) {
    check_error(*s, what.c_str());
    // tanh has no temperature: a given one is an unknown parameter there.
    const bool fits =
        (elementwise && (s->code() == ErrorCode::kInvalidArgument ||
                         (!d.names.empty() && s->code() == ErrorCode::kUnknownParameter))) ||
        (wrong_size && s->code() == ErrorCode::kInvalidArgument) || d.allows(s->code());
    FUZZ_CHECK(fits, "%s: error code %d (%s) does not fit", what.c_str(),
               static_cast<int>(s->code()), s->message().c_str());
  }
}

}  // namespace
}  // namespace activations::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  activations::fuzz::run(in);
  return 0;
}
