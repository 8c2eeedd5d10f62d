// libFuzzer harness: every elementwise activation of the registry, through evaluate(), on any
// doubles and any parameter values.
//
// A parameter list that resolve() must reject (unknown or repeated name, non-finite or
// out-of-range value) and outputs of the wrong size give a non-ok Status with a message and an
// error code that fits. For an accepted call, with the parameters in effect:
//  - evaluate() gives the bits of the spec's scalar f and df, and the spec's `values` (the
//    forward pass of the trainer) the bits of f;
//  - NaN in, NaN out (f and f'); any other z, infinities included, never gives NaN;
//  - for finite z, f and f' are finite unless the true value overflows. Only three functions
//    can overflow: exponential (f = f' = e^z beyond log(DBL_MAX)), SELU (scale * z) and Leaky ReLU
//    (negative_slope * z, the slope being any non-negative double). Every other f is bounded by
//    |z| plus a constant, or by its parameters, and every other f' by 1 or by a parameter, so a
//    finite z has a finite truth. (This implies the simpler rule "|z| <= 700 and parameters in
//    their slider range give finite values", for exponential too.)
//  - where the spec says monotonic: f' >= 0, and f is non-decreasing over the drawn points up to
//    4 ULP of each of the two values compared (the accuracy the core promises for each value).

#include <algorithm>
#include <cmath>
#include <utility>

#include "fuzz_support.h"

namespace activations::fuzz {
namespace {

std::vector<const ActivationSpec*> elementwise_specs() {
  std::vector<const ActivationSpec*> out;
  for (const ActivationSpec& s : registry()) {
    if (s.kind == Kind::kElementwise) out.push_back(&s);
  }
  return out;
}

double selu_scale() {
  for (const ConstantSpec& c : find_activation("selu")->constants) {
    if (c.name == "scale") return c.value;
  }
  std::abort();
}

// Whether the true f(z) (or f'(z)) may lie beyond DBL_MAX, for finite z. The thresholds are taken
// a hair early, by 2^-50 relative, so that the rounding of the threshold itself never flags a
// correct result.
bool f_may_overflow(std::string_view id, double z, const double* p) {
  constexpr double kEarly = 1.0 - 0x1p-50;
  if (id == "exponential") return z > 709.782712893384 * kEarly;
  if (id == "selu") return z >= kMax / selu_scale() * kEarly;
  if (id == "leaky_relu") return z < 0 && std::fabs(z) >= kMax / p[0] * kEarly;
  return false;
}

bool df_may_overflow(std::string_view id, double z) {
  return id == "exponential" && z > 709.782712893384 * (1.0 - 0x1p-50);
}

void run(FuzzedDataProvider& in) {
  static const std::vector<const ActivationSpec*> specs = elementwise_specs();
  const ActivationSpec& spec = *specs[in.ConsumeIntegralInRange<std::size_t>(0, specs.size() - 1)];
  const std::string id = !spec.aliases.empty() && in.ConsumeIntegralInRange<int>(0, 3) == 0
                             ? std::string(spec.aliases[0])
                             : std::string(spec.id);
  const DrawnParams d = draw_params(in, spec.params);
  const double* p = d.resolved.data();

  // Points: anywhere, and often a few ULP around the kinks of the parameters in effect.
  std::vector<double> anchors;
  for (const Kink& k : spec.kinks) anchors.push_back(k.at(p));
  std::vector<double> z(in.ConsumeIntegralInRange<std::size_t>(0, 16));
  for (double& v : z) v = draw_double(in, anchors);

  // Now and then an output of the wrong size.
  std::size_t nf = z.size(), ndf = z.size();
  const bool wrong_size = in.ConsumeIntegralInRange<int>(0, 15) == 0;
  if (wrong_size) {
    std::size_t& n = in.ConsumeBool() ? nf : ndf;
    n = in.ConsumeBool() || n == 0 ? n + 1 : n - 1;
  }
  std::vector<double> f(nf, kNaN), df(ndf, kNaN);

  const std::vector<NamedValue> given = d.given();
  const Status s = evaluate(id, given, z, f, df);
  const std::string context = id + " " + show(d);
  if (!d.ok || wrong_size) {
    check_error(s, context.c_str());
    FUZZ_CHECK(d.allows(s.code()) || (wrong_size && s.code() == ErrorCode::kInvalidArgument),
               "%s: error code %d (%s) does not fit the list", context.c_str(),
               static_cast<int>(s.code()), s.message().c_str());
    return;
  }
  FUZZ_CHECK(s.ok(), "%s: rejected a valid list: %s", context.c_str(), s.message().c_str());

  std::vector<double> values(z.size());
  spec.values(z.data(), z.size(), p, values.data());
  for (std::size_t i = 0; i < z.size(); ++i) {
    const std::string at = context + " z=" + show(z[i]) + " f=" + show(f[i]) + " df=" + show(df[i]);
    FUZZ_CHECK(
        same(f[i], spec.f(z[i], p)) && same(df[i], spec.df(z[i], p)) && same(values[i], f[i]),
        "%s: batch, scalar and values disagree (scalar f=%s df=%s, values %s)", at.c_str(),
        show(spec.f(z[i], p)).c_str(), show(spec.df(z[i], p)).c_str(), show(values[i]).c_str());
    if (std::isnan(z[i])) {
      FUZZ_CHECK(std::isnan(f[i]) && std::isnan(df[i]), "%s: NaN in, not NaN out", at.c_str());
      continue;
    }
    FUZZ_CHECK(!std::isnan(f[i]) && !std::isnan(df[i]), "%s: NaN from a number", at.c_str());
    if (std::isfinite(z[i])) {
      FUZZ_CHECK(std::isfinite(f[i]) || f_may_overflow(spec.id, z[i], p),
                 "%s: f infinite where the truth is finite", at.c_str());
      FUZZ_CHECK(std::isfinite(df[i]) || df_may_overflow(spec.id, z[i]),
                 "%s: f' infinite where the truth is finite", at.c_str());
    }
    if (spec.monotonic) {
      FUZZ_CHECK(df[i] >= 0, "%s: negative slope of a monotonic function", at.c_str());
    }
  }

  if (spec.monotonic) {
    std::vector<std::pair<double, double>> points;  // (z, f), NaN left out
    for (std::size_t i = 0; i < z.size(); ++i) {
      if (!std::isnan(z[i])) points.emplace_back(z[i], f[i]);
    }
    std::sort(points.begin(), points.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 1; i < points.size(); ++i) {
      const auto [za, fa] = points[i - 1];
      const auto [zb, fb] = points[i];
      FUZZ_CHECK(fb >= fa || fa - fb <= 4 * (ulp(fa) + ulp(fb)),
                 "%s: decreasing: f(%s) = %s > f(%s) = %s", context.c_str(), show(za).c_str(),
                 show(fa).c_str(), show(zb).c_str(), show(fb).c_str());
    }
  }
}

}  // namespace
}  // namespace activations::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  activations::fuzz::run(in);
  return 0;
}
