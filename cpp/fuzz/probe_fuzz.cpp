// libFuzzer harness: the network probe, run_probe(), with random options.
//
// Valid options are drawn small (depth <= 8, width <= 32, batch <= 32) so that a run takes about a
// millisecond; now and then an option is out of its range, or depth, width and batch are each in
// range but together beyond ProbeLimits::kMaxCells. Whether run_probe must accept the options is
// decided here, independently, from the ranges that probe.h and the API document; rejected
// options must give a non-ok Status with a message. For accepted ones:
//  - one ProbeLayer per layer, bins + 1 finite, non-decreasing histogram edges and bins
//    non-negative whole counts, no more than the last layer's batch * width values;
//  - saturated and dead fractions in [0, 1], never NaN; std and gradient norms >= 0 or NaN;
//  - no overflow where none can happen: for any activation but exponential, with its parameters
//    in their slider range, |f(z)| <= 1.06 |z| + 3 (SELU's scale is 1.0507) and |f'| <= 3 (ELU's
//    alpha up to 3; threshold's f jumps, but stays within |z| + 3), the weights of these
//    initialisers are below 3.3 in magnitude, the inputs below 1e6 + 8.6e6 and the upstream
//    gradient below 8.6 (Box-Muller's largest deviate), so 8 layers of 32 units grow them by at
//    most (32 * 3.3 * 3)^8 ~ 1e20: far below FLT_MAX. Then every statistic is finite and every
//    last-layer value is counted in the histogram;
//  - the same options give the same result, bit for bit, in one go or in steps with another run
//    in between.

#include <cmath>
#include <cstring>

#include "activations/probe.h"
#include "fuzz_support.h"

namespace activations::fuzz {
namespace {

// A real option: usually in [lo, hi], sometimes at an end of [min, max] or a few ULP off it,
// sometimes any double.
double draw_real(FuzzedDataProvider& in, double lo, double hi, double min, double max) {
  switch (in.ConsumeIntegralInRange<int>(0, 7)) {
    case 0: {
      const double edges[] = {min, max, -min, -max, 0.0};
      return nudge(in.PickValueInArray(edges), in.ConsumeIntegralInRange<int>(-2, 2));
    }
    case 1:
      return draw_double(in);
    default:
      return in.ConsumeFloatingPointInRange<double>(lo, hi);
  }
}

struct Drawn {
  ProbeOptions options;
  const ActivationSpec* spec = nullptr;
  DrawnParams params;
};

Drawn draw_options(FuzzedDataProvider& in) {
  Drawn d;
  ProbeOptions& o = d.options;
  o.activation = draw_activation_id(in);
  d.spec = find_activation(o.activation);
  static constexpr ParamSpec kAnyName[] = {{"alpha", 1.0, {0.0, 1.0}, 0.0, 1.0, 0.1}};
  d.params = draw_params(in, d.spec ? d.spec->params : std::span<const ParamSpec>(kAnyName));
  for (std::size_t i = 0; i < d.params.names.size(); ++i) {
    o.params.emplace_back(d.params.names[i], d.params.values[i]);
  }
  if (in.ConsumeIntegralInRange<int>(0, 15) == 0) {
    // Each in range, together too many cells: rejected before anything is allocated.
    o.depth = in.ConsumeIntegralInRange<int>(70, ProbeLimits::kMaxDepth);
    o.width = in.ConsumeIntegralInRange<int>(400, ProbeLimits::kMaxWidth);
    o.batch = in.ConsumeIntegralInRange<int>(1500, ProbeLimits::kMaxBatch);
  } else {
    o.depth = draw_int(in, 1, 8, ProbeLimits::kMaxDepth);
    o.width = draw_int(in, ProbeLimits::kMinWidth, 32, ProbeLimits::kMaxWidth);
    o.batch = draw_int(in, 1, 32, ProbeLimits::kMaxBatch);
  }
  o.histogram_bins = draw_int(in, 1, ProbeLimits::kMaxBins, ProbeLimits::kMaxBins);
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
      o.bottleneck = in.ConsumeIntegralInRange<int>(1, std::max(1, std::min(o.width, 32)));
      break;
    case 1:
      o.bottleneck = draw_int(in, 1, 4, std::max(o.width, 1));
      break;
    default:
      o.bottleneck = 0;
  }
  o.init = draw_init(in);
  o.input_mean = draw_real(in, -3, 3, -1e6, 1e6);
  o.input_std = draw_real(in, 0, 3, 0, 1e6);
  o.seed = in.ConsumeIntegral<std::uint64_t>();
  return d;
}

// What probe.h and the API document, worked out apart from the core's own checks.
bool valid(const Drawn& d) {
  using L = ProbeLimits;
  const ProbeOptions& o = d.options;
  if (d.spec == nullptr || d.spec->kind != Kind::kElementwise || !d.params.ok) return false;
  if (o.depth < 1 || o.depth > L::kMaxDepth || o.width < L::kMinWidth || o.width > L::kMaxWidth ||
      o.batch < 1 || o.batch > L::kMaxBatch || o.histogram_bins < 1 ||
      o.histogram_bins > L::kMaxBins) {
    return false;
  }
  if (o.bottleneck != 0 && (o.bottleneck < 1 || o.bottleneck > o.width)) return false;
  if (!known_init(o.init)) return false;
  if (!std::isfinite(o.input_mean) || std::fabs(o.input_mean) > 1e6) return false;
  if (!std::isfinite(o.input_std) || o.input_std < 0 || o.input_std > 1e6) return false;
  // Cells: batch * the width of every layer; with a bottleneck, one layer in the middle.
  std::size_t units = static_cast<std::size_t>(o.depth) * static_cast<std::size_t>(o.width);
  if (o.bottleneck != 0) units = units - static_cast<std::size_t>(o.width - o.bottleneck);
  return units * static_cast<std::size_t>(o.batch) <= L::kMaxCells;
}

std::string describe(const Drawn& d) {
  const ProbeOptions& o = d.options;
  char text[400];
  std::snprintf(text, sizeof text,
                "activation \"%s\" depth %d width %d batch %d bins %d bottleneck %d init \"%s\" "
                "mean %s std %s seed %llu",
                o.activation.c_str(), o.depth, o.width, o.batch, o.histogram_bins, o.bottleneck,
                o.init.c_str(), show(o.input_mean).c_str(), show(o.input_std).c_str(),
                static_cast<unsigned long long>(o.seed));
  return std::string(text) + " " + show(d.params);
}

bool same_result(const ProbeResult& a, const ProbeResult& b) {
  if (a.layers.size() != b.layers.size() || a.histogram_edges != b.histogram_edges ||
      a.histogram_counts != b.histogram_counts) {
    return false;
  }
  for (std::size_t l = 0; l < a.layers.size(); ++l) {
    const ProbeLayer &x = a.layers[l], &y = b.layers[l];
    if (!same(x.mean, y.mean) || !same(x.std, y.std) || !same(x.saturated, y.saturated) ||
        !same(x.dead, y.dead) || !same(x.gradient_norm, y.gradient_norm)) {
      return false;
    }
  }
  return true;
}

void run(FuzzedDataProvider& in) {
  const Drawn d = draw_options(in);
  const ProbeOptions& o = d.options;
  const std::string what = describe(d);
  ProbeResult result;
  const Status s = run_probe(o, result);
  if (!valid(d)) {
    check_error(s, what.c_str());
    return;
  }
  FUZZ_CHECK(s.ok(), "%s: rejected: %s", what.c_str(), s.message().c_str());

  FUZZ_CHECK(result.layers.size() == static_cast<std::size_t>(o.depth), "%s: %zu layers",
             what.c_str(), result.layers.size());
  const auto bins = static_cast<std::size_t>(o.histogram_bins);
  FUZZ_CHECK(result.histogram_edges.size() == bins + 1 && result.histogram_counts.size() == bins,
             "%s: %zu edges, %zu counts", what.c_str(), result.histogram_edges.size(),
             result.histogram_counts.size());
  for (std::size_t i = 0; i < result.histogram_edges.size(); ++i) {
    const double e = result.histogram_edges[i];
    FUZZ_CHECK(std::isfinite(e) && (i == 0 || e >= result.histogram_edges[i - 1]),
               "%s: histogram edge %zu = %s", what.c_str(), i, show(e).c_str());
  }
  const int last_width = o.depth == 1 && o.bottleneck != 0 ? o.bottleneck : o.width;
  const double values = static_cast<double>(o.batch) * last_width;
  double counted = 0;
  for (double c : result.histogram_counts) {
    FUZZ_CHECK(c >= 0 && c == std::floor(c), "%s: histogram count %s", what.c_str(),
               show(c).c_str());
    counted += c;
  }
  FUZZ_CHECK(counted <= values, "%s: %g values counted out of %g", what.c_str(), counted, values);

  const bool bounded = d.spec->id != "exponential" && d.params.teaching;
  for (std::size_t l = 0; l < result.layers.size(); ++l) {
    const ProbeLayer& p = result.layers[l];
    const std::string at = what + " layer " + std::to_string(l) + ": mean " + show(p.mean) +
                           " std " + show(p.std) + " saturated " + show(p.saturated) + " dead " +
                           show(p.dead) + " gradient " + show(p.gradient_norm);
    FUZZ_CHECK(p.saturated >= 0 && p.saturated <= 1 && p.dead >= 0 && p.dead <= 1,
               "%s: fractions out of [0, 1]", at.c_str());
    FUZZ_CHECK(!(p.std < 0) && !(p.gradient_norm < 0), "%s: negative std or norm", at.c_str());
    if (bounded) {
      FUZZ_CHECK(std::isfinite(p.mean) && std::isfinite(p.std) && std::isfinite(p.gradient_norm),
                 "%s: not finite, though nothing can overflow", at.c_str());
    }
  }
  if (bounded) {
    FUZZ_CHECK(counted == values, "%s: %g values counted out of %g, though all are finite",
               what.c_str(), counted, values);
  }

  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) {
    ProbeResult again;
    FUZZ_CHECK(run_probe(o, again).ok() && same_result(result, again), "%s: a second run differs",
               what.c_str());
  }
  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) {
    // Stepped, with another network run between two steps (it replaces the cached weights).
    ProbeRun stepped;
    FUZZ_CHECK(stepped.start(o).ok(), "%s: a stepped run was rejected", what.c_str());
    ProbeOptions other = o;
    other.seed = o.seed + 1;
    ProbeResult ignored;
    const int at = in.ConsumeIntegralInRange<int>(0, stepped.total_steps());
    while (!stepped.finished()) {
      if (stepped.steps_done() == at) run_probe(other, ignored);
      stepped.step();
    }
    FUZZ_CHECK(same_result(result, stepped.result()), "%s: a stepped run differs", what.c_str());
  }
}

}  // namespace
}  // namespace activations::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  activations::fuzz::run(in);
  return 0;
}
