#include "activations/probe.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "activations/random.h"
#include "format.h"
#include "initializers.h"
#include "option_checks.h"

namespace activations {
namespace {

using detail::format_number;

constexpr std::string_view kApi = "probeNetwork";

Status option_error(std::string_view name, const std::string& message) {
  return detail::option_error(kApi, name, message);
}

Status check_int(std::string_view name, int value, int min, int max) {
  return detail::check_int(kApi, name, value, min, max);
}

struct Plan {
  Resolved activation;
  Init init = Init::kLecunNormal;
  std::vector<int> widths;  // widths[0] is the input's; widths[l] the output of layer l
};

Status plan(const ProbeOptions& o, Plan& p) {
  std::vector<NamedValue> given;
  for (const auto& [name, value] : o.params) given.push_back({name, value});
  if (Status s = resolve(o.activation, given, p.activation); !s.ok())
    return detail::in_api(kApi, s);
  if (p.activation.spec->kind != Kind::kElementwise) {
    return option_error("activation", "must be an elementwise function, not " + o.activation);
  }
  using L = ProbeLimits;
  for (Status s : {check_int("depth", o.depth, 1, L::kMaxDepth),
                   check_int("width", o.width, L::kMinWidth, L::kMaxWidth),
                   check_int("batch", o.batch, 1, L::kMaxBatch),
                   check_int("histogramBins", o.histogram_bins, 1, L::kMaxBins)}) {
    if (!s.ok()) return s;
  }
  if (o.bottleneck != 0 && (o.bottleneck < 1 || o.bottleneck > o.width)) {
    return option_error("bottleneck", "= " + std::to_string(o.bottleneck) +
                                          " is out of range; valid: 0 (none) or [1, " +
                                          std::to_string(o.width) + "]");
  }
  if (!detail::parse_init(o.init, p.init)) {
    return option_error("init",
                        "\"" + o.init + "\" is unknown; valid: " + std::string(detail::kInitNames));
  }
  if (!std::isfinite(o.input_mean) || std::fabs(o.input_mean) > 1e6) {
    return option_error("inputMean", "= " + format_number(o.input_mean) +
                                         " must be a finite number in [-1e6, 1e6]");
  }
  if (!std::isfinite(o.input_std) || o.input_std < 0 || o.input_std > 1e6) {
    return option_error("inputStd",
                        "= " + format_number(o.input_std) + " must be a finite number in [0, 1e6]");
  }
  p.widths.assign(static_cast<std::size_t>(o.depth) + 1, o.width);
  if (o.bottleneck != 0) p.widths[(static_cast<std::size_t>(o.depth) + 1) / 2] = o.bottleneck;
  std::size_t cells = 0;
  for (std::size_t l = 1; l < p.widths.size(); ++l) {
    cells += static_cast<std::size_t>(o.batch) * static_cast<std::size_t>(p.widths[l]);
  }
  if (cells > L::kMaxCells) {
    return option_error("batch", "* width * depth = " + std::to_string(cells) +
                                     " is more than this page keeps in memory (" +
                                     std::to_string(L::kMaxCells) +
                                     "); lower the depth, the width or the batch");
  }
  return Status::Ok();
}

struct Drawn {
  const ProbeOptions* options;
  const Plan* plan;
};

// Layer l's weights from the seed, as Keras's initialisers draw them (fan_in = inputs of the
// layer, fan_out = its outputs). They depend only on the seed, the init, l and the layer's
// widths, not on the network's depth.
void draw_layer(const Drawn& d, int layer, float* wt) {
  const double fan_in = d.plan->widths[static_cast<std::size_t>(layer) - 1];
  const double fan_out = d.plan->widths[static_cast<std::size_t>(layer)];
  const auto n = static_cast<std::size_t>(fan_in * fan_out);
  Random rng(d.options->seed, 1000 + static_cast<std::uint64_t>(layer));
  detail::initialize(d.plan->init, fan_in, fan_out, rng, wt, n);
}

// The first layers of the network drawn last, kept up to kCachedWeights floats: a lab runs the
// same network with up to four activations, forward and backward, and a drag of the depth slider
// only adds or removes layers at the end. Drawing them was most of a small batch's time. One
// buffer that only grows (to 16 MB at most), so that the cache does not fragment the heap.
constexpr std::size_t kCachedWeights = std::size_t{1} << 22;  // 16 MB

struct WeightCache {
  std::uint64_t seed = 0;
  Init init = Init::kLecunNormal;
  std::vector<int> widths;           // of the layers kept: widths[0] is the input's
  std::vector<std::size_t> offsets;  // layer l's weights start at offsets[l - 1]
  std::vector<float> weights;

  std::size_t kept() const { return offsets.size(); }
  // How many of this network's first layers are kept.
  std::size_t shared(const Drawn& d) const {
    if (seed != d.options->seed || init != d.plan->init || widths.empty()) return 0;
    const auto& w = d.plan->widths;
    const std::size_t n = std::min(widths.size(), w.size());
    std::size_t same = 0;
    while (same < n && widths[same] == w[same]) ++same;
    return same == 0 ? 0 : std::min(same - 1, kept());
  }
};

WeightCache& cache() {
  static WeightCache instance;
  return instance;
}

// Keeps this network's layers, from the first, as far as they fit.
void prepare_cache(const Drawn& d) {
  WeightCache& c = cache();
  const auto& w = d.plan->widths;
  const std::size_t depth = w.size() - 1;
  std::size_t keep = c.shared(d);
  if (keep == depth) return;  // deeper layers kept from a deeper network stay
  c.seed = d.options->seed;
  c.init = d.plan->init;
  c.widths.assign(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(keep) + 1);
  c.offsets.resize(keep);
  std::size_t size = keep == 0 ? 0
                               : c.offsets.back() + static_cast<std::size_t>(w[keep - 1]) *
                                                        static_cast<std::size_t>(w[keep]);
  for (std::size_t l = keep + 1; l <= depth; ++l) {
    const auto n = static_cast<std::size_t>(w[l - 1]) * static_cast<std::size_t>(w[l]);
    if (size + n > kCachedWeights) break;  // the rest is drawn as the run goes
    if (c.weights.size() < size + n) c.weights.resize(size + n);
    c.offsets.push_back(size);
    c.widths.push_back(w[l]);
    draw_layer(d, static_cast<int>(l), c.weights.data() + size);
    size += n;
  }
}

void draw_weights(void* context, int layer, float* wt) {
  const auto& d = *static_cast<const Drawn*>(context);
  const WeightCache& c = cache();
  const auto l = static_cast<std::size_t>(layer);
  if (l > c.shared(d)) return draw_layer(d, layer, wt);
  const auto n =
      static_cast<std::size_t>(d.plan->widths[l - 1]) * static_cast<std::size_t>(d.plan->widths[l]);
  std::copy_n(c.weights.data() + c.offsets[l - 1], n, wt);
}

}  // namespace

struct ProbeRun::State {
  ProbeOptions options;
  Plan plan;
  Drawn drawn{&options, &plan};
  std::unique_ptr<NetworkPass> pass;
};

ProbeRun::ProbeRun() = default;
ProbeRun::~ProbeRun() = default;

Status ProbeRun::start(const ProbeOptions& options) {
  state_.reset();
  auto s = std::make_unique<State>();
  s->options = options;
  if (Status status = plan(s->options, s->plan); !status.ok()) return status;
  const Plan& p = s->plan;
  const auto rows = static_cast<std::size_t>(options.batch);
  std::vector<float> input(rows * static_cast<std::size_t>(p.widths.front()));
  Random inputs(options.seed, 1);
  for (float& x : input) {
    x = static_cast<float>(options.input_mean + options.input_std * inputs.normal());
  }
  std::vector<float> upstream(rows * static_cast<std::size_t>(p.widths.back()));
  Random gradients(options.seed, 2);
  for (float& x : upstream) x = static_cast<float>(gradients.normal());
  // Another run between two steps may refill the cache; draw_weights then draws this network's
  // weights again, the same ones.
  prepare_cache(s->drawn);
  s->pass =
      std::make_unique<NetworkPass>(p.activation, p.widths, options.batch, &draw_weights, &s->drawn,
                                    input.data(), upstream.data(), options.histogram_bins);
  state_ = std::move(s);
  return Status::Ok();
}

int ProbeRun::total_steps() const { return state_ ? state_->pass->total_steps() : 0; }
int ProbeRun::steps_done() const { return state_ ? state_->pass->steps_done() : 0; }
bool ProbeRun::finished() const { return state_ && state_->pass->finished(); }
void ProbeRun::step() {
  if (state_) state_->pass->step();
}

const ProbeResult& ProbeRun::result() const {
  static const ProbeResult kNone;
  return state_ ? state_->pass->result() : kNone;
}

Status run_probe(const ProbeOptions& options, ProbeResult& result) {
  ProbeRun run;
  if (Status s = run.start(options); !s.ok()) return s;
  while (!run.finished()) run.step();
  result = run.result();
  return Status::Ok();
}

}  // namespace activations
