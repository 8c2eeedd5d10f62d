// libFuzzer harness: the trainer, Trainer::create() with random options, then up to four calls
// of step(), predict_grid() and dead_units().
//
// Valid options are drawn small (samples <= 200, epochs <= 3 per step, grids of n <= 16) so that
// an input runs in milliseconds; now and then an option, an epoch count or a grid size is out of
// range. Whether the core must accept them is decided here from the ranges trainer.h and the API
// document; rejected ones must give a non-ok Status with a message (and leave the trainer as it
// was). For accepted ones:
//  - the points: samples of them, max(1, round(trainFraction * samples)) for training, in
//    [-6, 6]^2 with labels 0 or 1; the layers: features -> hidden... -> 1, finite weights;
//  - step(e) returns the epoch count so far, and losses that are >= 0 or NaN (the binary
//    cross-entropy is never negative; learning rates up to 10 may diverge, so NaN and +inf are
//    allowed once training has begun);
//  - predict_grid(n) gives n * n probabilities in [0, 1], or NaN after a divergence;
//  - dead_units() lists, for each hidden layer, increasing unit indices within the layer;
//  - before any training, with any activation but exponential and its parameters in their slider
//    range, nothing can overflow (features below 36, weights below 3.3, 16 units a layer,
//    |f(z)| <= 1.06 |z| + 3: 7 x 3.3 x 36, then 6 layers of 16 x 3.3 x 1.06 (plus 3), stay below
//    ~1e14), so the losses and the grid are finite.

#include <cmath>
#include <cstring>

#include "activations/trainer.h"
#include "fuzz_support.h"

namespace activations::fuzz {
namespace {

// A real option: usually in [lo, hi], sometimes at an end of [min, max] or a few ULP off it,
// sometimes any double.
double draw_real(FuzzedDataProvider& in, double lo, double hi, double min, double max) {
  switch (in.ConsumeIntegralInRange<int>(0, 7)) {
    case 0: {
      const double edges[] = {min, max, 0.0};
      const double e = nudge(in.PickValueInArray(edges), in.ConsumeIntegralInRange<int>(-2, 2));
      return in.ConsumeBool() ? e : -e;
    }
    case 1:
      return draw_double(in);
    default:
      return in.ConsumeFloatingPointInRange<double>(lo, hi);
  }
}

struct Drawn {
  TrainerOptions options;
  const ActivationSpec* spec = nullptr;
  DrawnParams params;
};

Drawn draw_options(FuzzedDataProvider& in) {
  Drawn d;
  TrainerOptions& o = d.options;
  o.dataset = in.ConsumeIntegralInRange<int>(0, 15) == 0
                  ? in.ConsumeRandomLengthString(8)
                  : std::string(in.PickValueInArray(kDatasets));
  o.samples = draw_int(in, TrainerLimits::kMinSamples, 200, TrainerLimits::kMaxSamples);
  o.noise = draw_real(in, 0, 0.5, 0, 0.5);
  o.train_fraction = draw_real(in, 0.1, 0.9, 0.1, 0.9);
  o.seed = in.ConsumeIntegral<std::uint64_t>();

  o.features.clear();
  switch (in.ConsumeIntegralInRange<int>(0, 15)) {
    case 0:  // none
      break;
    case 1:  // one twice
      o.features = {"x1", "x2", in.ConsumeBool() ? "x1" : "x2"};
      break;
    case 2:  // an unknown one
      o.features = {"x1", in.ConsumeRandomLengthString(6)};
      break;
    default:  // a non-empty subset, in any order
      for (std::string_view f : kFeatures) {
        if (in.ConsumeBool()) {
          const auto at = in.ConsumeIntegralInRange<std::size_t>(0, o.features.size());
          o.features.insert(o.features.begin() + static_cast<std::ptrdiff_t>(at), std::string(f));
        }
      }
      if (o.features.empty()) o.features = {"x1"};
  }

  const int layers = in.ConsumeIntegralInRange<int>(0, 15) == 0
                         ? in.ConsumeIntegralInRange<int>(0, 8)
                         : in.ConsumeIntegralInRange<int>(0, TrainerLimits::kMaxLayers);
  o.hidden.clear();
  for (int l = 0; l < layers; ++l) {
    o.hidden.push_back(draw_int(in, 1, TrainerLimits::kMaxUnits, TrainerLimits::kMaxUnits));
  }

  o.activation = draw_activation_id(in);
  d.spec = find_activation(o.activation);
  static constexpr ParamSpec kAnyName[] = {{"alpha", 1.0, {0.0, 1.0}, 0.0, 1.0, 0.1}};
  d.params = draw_params(in, d.spec ? d.spec->params : std::span<const ParamSpec>(kAnyName));
  for (std::size_t i = 0; i < d.params.names.size(); ++i) {
    o.params.emplace_back(d.params.names[i], d.params.values[i]);
  }

  const char* optimizers[] = {"sgd", "momentum", "adam", "SGD", "rmsprop", ""};
  o.optimizer = in.ConsumeIntegralInRange<int>(0, 15) == 0
                    ? in.PickValueInArray(optimizers)
                    : optimizers[in.ConsumeIntegralInRange<int>(0, 2)];
  o.learning_rate = draw_real(in, 0.001, 1, 0, 10);
  o.batch_size = draw_int(in, 1, 64, TrainerLimits::kMaxSamples);
  if (in.ConsumeIntegralInRange<int>(0, 15) == 0) o.batch_size = TrainerLimits::kMaxSamples;
  o.l2 = draw_real(in, 0, 0.01, 0, 1);
  o.init = in.ConsumeBool() ? "" : draw_init(in);
  return d;
}

bool in_range(double v, double min, double max) { return std::isfinite(v) && v >= min && v <= max; }

// What trainer.h and the API document, worked out apart from the core's own checks.
bool valid(const Drawn& d) {
  using L = TrainerLimits;
  const TrainerOptions& o = d.options;
  if (std::find(std::begin(kDatasets), std::end(kDatasets), o.dataset) == std::end(kDatasets)) {
    return false;
  }
  if (o.optimizer != "sgd" && o.optimizer != "momentum" && o.optimizer != "adam") return false;
  if (o.samples < L::kMinSamples || o.samples > L::kMaxSamples) return false;
  if (!in_range(o.noise, 0, 0.5) || !in_range(o.train_fraction, 0.1, 0.9)) return false;
  if (!in_range(o.learning_rate, 0, 10) || o.learning_rate == 0) return false;
  if (o.batch_size < 1 || o.batch_size > L::kMaxSamples || !in_range(o.l2, 0, 1)) return false;
  if (o.features.empty()) return false;
  for (std::size_t i = 0; i < o.features.size(); ++i) {
    if (std::find(std::begin(kFeatures), std::end(kFeatures), o.features[i]) ==
            std::end(kFeatures) ||
        std::find(o.features.begin(), o.features.begin() + static_cast<std::ptrdiff_t>(i),
                  o.features[i]) != o.features.begin() + static_cast<std::ptrdiff_t>(i)) {
      return false;
    }
  }
  if (o.hidden.size() > static_cast<std::size_t>(L::kMaxLayers)) return false;
  for (int units : o.hidden) {
    if (units < 1 || units > L::kMaxUnits) return false;
  }
  if (d.spec == nullptr || d.spec->kind != Kind::kElementwise || !d.params.ok) return false;
  return o.init.empty() || known_init(o.init);
}

std::string describe(const Drawn& d) {
  const TrainerOptions& o = d.options;
  std::string features, hidden;
  for (const auto& f : o.features) features += (features.empty() ? "" : ",") + f;
  for (int h : o.hidden) hidden += (hidden.empty() ? "" : ",") + std::to_string(h);
  char text[600];
  std::snprintf(text, sizeof text,
                "dataset \"%s\" samples %d noise %s trainFraction %s seed %llu features [%s] "
                "hidden [%s] activation \"%s\" optimizer \"%s\" learningRate %s batchSize %d "
                "l2 %s init \"%s\"",
                o.dataset.c_str(), o.samples, show(o.noise).c_str(), show(o.train_fraction).c_str(),
                static_cast<unsigned long long>(o.seed), features.c_str(), hidden.c_str(),
                o.activation.c_str(), o.optimizer.c_str(), show(o.learning_rate).c_str(),
                o.batch_size, show(o.l2).c_str(), o.init.c_str());
  return std::string(text) + " " + show(d.params);
}

void check_created(const Trainer& t, const TrainerOptions& o, const std::string& what) {
  const auto& train = t.train_points();
  const auto& test = t.test_points();
  const std::size_t want_train =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(o.train_fraction * o.samples)));
  FUZZ_CHECK(train.size() == want_train &&
                 train.size() + test.size() == static_cast<std::size_t>(o.samples),
             "%s: %zu training and %zu test points", what.c_str(), train.size(), test.size());
  for (const auto* points : {&train, &test}) {
    for (const Point& p : *points) {
      FUZZ_CHECK(std::fabs(p.x1) <= 6 && std::fabs(p.x2) <= 6 && (p.label == 0 || p.label == 1),
                 "%s: point (%s, %s) label %s", what.c_str(), show(p.x1).c_str(),
                 show(p.x2).c_str(), show(p.label).c_str());
    }
  }
  const auto& layers = t.layers();
  FUZZ_CHECK(layers.size() == o.hidden.size() + 1, "%s: %zu layers", what.c_str(), layers.size());
  int in = static_cast<int>(o.features.size());
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const int out = l < o.hidden.size() ? o.hidden[l] : 1;
    const DenseLayer& layer = layers[l];
    FUZZ_CHECK(layer.in == in && layer.out == out &&
                   layer.weights.size() == static_cast<std::size_t>(in * out) &&
                   layer.biases.size() == static_cast<std::size_t>(out),
               "%s: layer %zu is %d -> %d", what.c_str(), l, layer.in, layer.out);
    for (double w : layer.weights) {
      FUZZ_CHECK(std::isfinite(w), "%s: initial weight %s", what.c_str(), show(w).c_str());
    }
    in = out;
  }
  FUZZ_CHECK(t.epoch() == 0, "%s: starts at epoch %d", what.c_str(), t.epoch());
}

void run(FuzzedDataProvider& in) {
  const Drawn d = draw_options(in);
  const TrainerOptions& o = d.options;
  const std::string what = describe(d);
  std::unique_ptr<Trainer> trainer;
  const Status s = Trainer::create(o, trainer);
  if (!valid(d)) {
    check_error(s, what.c_str());
    return;
  }
  FUZZ_CHECK(s.ok() && trainer, "%s: rejected: %s", what.c_str(), s.message().c_str());
  Trainer& t = *trainer;
  check_created(t, o, what);

  const bool bounded = d.spec->id != "exponential" && d.params.teaching;
  const int calls = in.ConsumeIntegralInRange<int>(1, 4);
  for (int call = 0; call < calls; ++call) {
    const int before = t.epoch();
    const std::string at =
        what + " (call " + std::to_string(call) + ", epoch " + std::to_string(before) + ")";
    switch (in.ConsumeIntegralInRange<int>(0, 2)) {
      case 0: {
        const int epochs = draw_int(in, 0, 3, TrainerLimits::kMaxEpochsPerStep);
        Trainer::Progress p{-1, -1, -1};
        const Status st = t.step(epochs, p);
        if (epochs < 0 || epochs > TrainerLimits::kMaxEpochsPerStep) {
          check_error(st, (at + " step(" + std::to_string(epochs) + ")").c_str());
          FUZZ_CHECK(t.epoch() == before, "%s: a rejected step moved to epoch %d", at.c_str(),
                     t.epoch());
          break;
        }
        FUZZ_CHECK(st.ok(), "%s: step(%d) rejected: %s", at.c_str(), epochs, st.message().c_str());
        FUZZ_CHECK(p.epoch == before + epochs && t.epoch() == p.epoch,
                   "%s: step(%d) reports epoch %d, trainer %d", at.c_str(), epochs, p.epoch,
                   t.epoch());
        FUZZ_CHECK(!(p.train_loss < 0) && !(p.test_loss < 0), "%s: step(%d) losses %s, %s",
                   at.c_str(), epochs, show(p.train_loss).c_str(), show(p.test_loss).c_str());
        if (bounded && p.epoch == 0) {
          FUZZ_CHECK(std::isfinite(p.train_loss) && std::isfinite(p.test_loss),
                     "%s: untrained losses %s, %s not finite", at.c_str(),
                     show(p.train_loss).c_str(), show(p.test_loss).c_str());
        }
        break;
      }
      case 1: {
        const int n = draw_int(in, 2, 16, TrainerLimits::kMaxGrid);
        std::vector<double> grid;
        const Status st = t.predict_grid(n, grid);
        if (n < 2 || n > TrainerLimits::kMaxGrid) {
          check_error(st, (at + " predict_grid(" + std::to_string(n) + ")").c_str());
          break;
        }
        FUZZ_CHECK(st.ok() && grid.size() == static_cast<std::size_t>(n) * n,
                   "%s: predict_grid(%d): %s, %zu values", at.c_str(), n, st.message().c_str(),
                   grid.size());
        for (double g : grid) {
          FUZZ_CHECK(std::isnan(g) ? !(bounded && before == 0) : g >= 0 && g <= 1,
                     "%s: predict_grid(%d) gives %s", at.c_str(), n, show(g).c_str());
        }
        break;
      }
      default: {
        const auto dead = t.dead_units();
        FUZZ_CHECK(dead.size() == o.hidden.size(), "%s: dead units of %zu layers", at.c_str(),
                   dead.size());
        for (std::size_t l = 0; l < dead.size(); ++l) {
          for (std::size_t k = 0; k < dead[l].size(); ++k) {
            const int u = dead[l][k];
            FUZZ_CHECK(u >= 0 && u < o.hidden[l] && (k == 0 || u > dead[l][k - 1]),
                       "%s: dead unit %d in layer %zu", at.c_str(), u, l);
          }
        }
      }
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
