#include "activations/trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "initializers.h"
#include "option_checks.h"
#include "trainer_checks.h"

namespace activations {
namespace detail {

// Buffers of one pass, kept between calls so training allocates nothing. Every matrix is unit
// by unit (unit u's values for all rows are contiguous), so the loops run along rows and
// vectorise: z[l] and a[l] are the pre-activations and activations of layer l (1-based), df[l]
// the slopes f'(z[l]).
struct Work {
  std::vector<double> input;
  std::vector<Point> points;
  std::vector<std::vector<double>> z, a, df;
  std::vector<double> delta, previous;
};

struct TrainerState {
  TrainerOptions options;
  Resolved activation;
  std::vector<int> features;  // indices into kFeatures
  std::vector<Point> train, test;
  std::vector<double> train_x, test_x;  // features, one column of all points per feature
  std::vector<double> train_y;
  std::vector<DenseLayer> layers, grads;
  std::vector<DenseLayer> velocity, second;  // optimiser state, shaped like layers
  int adam_t = 0;
  int epoch = 0;
  Random shuffle{1, 4};
  std::vector<std::size_t> order;
  Work work;       // training
  Work side_work;  // losses, the grid and dead units
};

}  // namespace detail

namespace {

using detail::TrainerState;
using detail::Work;

// Rows scored per pass outside training, which bounds the buffers of a large grid.
constexpr std::size_t kChunk = 4096;

double feature(int which, const Point& p) {
  switch (which) {
    case 0:
      return p.x1;
    case 1:
      return p.x2;
    case 2:
      return p.x1 * p.x1;
    case 3:
      return p.x2 * p.x2;
    case 4:
      return p.x1 * p.x2;
    case 5:
      return std::sin(p.x1);
    default:
      return std::sin(p.x2);
  }
}

// Column f of the result holds feature features[f] of every point.
void feature_columns(const std::vector<int>& features, const Point* points, std::size_t n,
                     std::vector<double>& x) {
  x.resize(n * features.size());
  for (std::size_t f = 0; f < features.size(); ++f) {
    double* column = x.data() + f * n;
    for (std::size_t r = 0; r < n; ++r) column[r] = feature(features[f], points[r]);
  }
}

// log(1 + e^z) - y z: binary cross-entropy from the logit, without log(0) or overflow.
double bce_from_logit(double z, double y) {
  return (z > 0 ? z : 0.0) - y * z + std::log1p(std::exp(-std::fabs(z)));
}

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

DenseLayer zeros_like(const DenseLayer& l) {
  return {l.in, l.out, std::vector<double>(l.weights.size()), std::vector<double>(l.biases.size())};
}

// Forward pass of `rows` points whose features are the columns of `x`. Hidden layers apply the
// activation's fast form (activation.h) and keep f'(z) when `slopes`; the last layer gives
// logits, since the sigmoid is folded into the loss.
void forward(const TrainerState& s, const double* x, std::size_t rows, Work& w, bool slopes) {
  const std::size_t depth = s.layers.size();
  w.z.resize(depth + 1);
  w.a.resize(depth + 1);
  w.df.resize(depth + 1);
  const double* p = s.activation.params.data();
  for (std::size_t l = 1; l <= depth; ++l) {
    const DenseLayer& layer = s.layers[l - 1];
    const auto in = static_cast<std::size_t>(layer.in);
    const auto out = static_cast<std::size_t>(layer.out);
    std::vector<double>& z = w.z[l];
    z.resize(rows * out);
    for (std::size_t o = 0; o < out; ++o) {
      double* zo = z.data() + o * rows;
      std::fill_n(zo, rows, layer.biases[o]);
      for (std::size_t i = 0; i < in; ++i) {
        const double wi = layer.weights[o * in + i];
        const double* xi = x + i * rows;
        for (std::size_t r = 0; r < rows; ++r) zo[r] += wi * xi[r];
      }
    }
    if (l == depth) break;
    std::vector<double>& a = w.a[l];
    a.resize(rows * out);
    if (slopes) {
      w.df[l].resize(rows * out);
      s.activation.spec->batch_fast(z.data(), z.size(), p, a.data(), w.df[l].data());
    } else {
      s.activation.spec->values_fast(z.data(), z.size(), p, a.data());
    }
    x = a.data();
  }
}

// Mean cross-entropy of the points, whose feature columns are `x`.
double data_loss(TrainerState& s, const std::vector<double>& x, const std::vector<Point>& points) {
  if (points.empty()) return 0.0;
  forward(s, x.data(), points.size(), s.side_work, false);
  const std::vector<double>& logits = s.side_work.z.back();
  double sum = 0;
  for (std::size_t r = 0; r < points.size(); ++r) sum += bce_from_logit(logits[r], points[r].label);
  return sum / static_cast<double>(points.size());
}

// s.grads = gradient of (mean cross-entropy of the `rows` points with feature columns `x` and
// labels `y`, + L2 term), by backpropagation.
void gradient(TrainerState& s, const double* x, const double* y, std::size_t rows) {
  Work& w = s.work;
  forward(s, x, rows, w, true);
  const std::size_t depth = s.layers.size();
  w.delta.resize(rows);
  const double scale = 1.0 / static_cast<double>(rows);
  for (std::size_t r = 0; r < rows; ++r) w.delta[r] = (sigmoid(w.z.back()[r]) - y[r]) * scale;
  for (std::size_t l = depth; l >= 1; --l) {
    const DenseLayer& layer = s.layers[l - 1];
    DenseLayer& g = s.grads[l - 1];
    const auto in = static_cast<std::size_t>(layer.in);
    const auto out = static_cast<std::size_t>(layer.out);
    const double* input = l == 1 ? x : w.a[l - 1].data();
    for (std::size_t o = 0; o < out; ++o) {
      const double* d = w.delta.data() + o * rows;
      double bias = 0;
      for (std::size_t r = 0; r < rows; ++r) bias += d[r];
      g.biases[o] = bias;
      for (std::size_t i = 0; i < in; ++i) {
        const double* xi = input + i * rows;
        double sum = 0;
        for (std::size_t r = 0; r < rows; ++r) sum += d[r] * xi[r];
        g.weights[o * in + i] = sum + s.options.l2 * layer.weights[o * in + i];
      }
    }
    if (l == 1) break;
    // dL/dz of the layer below: (W^T delta) * f'(z).
    w.previous.assign(rows * in, 0.0);
    for (std::size_t i = 0; i < in; ++i) {
      double* pi = w.previous.data() + i * rows;
      for (std::size_t o = 0; o < out; ++o) {
        const double wo = layer.weights[o * in + i];
        const double* d = w.delta.data() + o * rows;
        for (std::size_t r = 0; r < rows; ++r) pi[r] += wo * d[r];
      }
    }
    const std::vector<double>& slope = w.df[l - 1];
    for (std::size_t k = 0; k < w.previous.size(); ++k) w.previous[k] *= slope[k];
    std::swap(w.delta, w.previous);
  }
}

template <class Rule>
void for_each_parameter(TrainerState& s, Rule rule) {
  for (std::size_t l = 0; l < s.layers.size(); ++l) {
    DenseLayer& p = s.layers[l];
    for (std::size_t k = 0; k < p.weights.size(); ++k) {
      rule(p.weights[k], s.grads[l].weights[k], s.velocity[l].weights[k], s.second[l].weights[k]);
    }
    for (std::size_t k = 0; k < p.biases.size(); ++k) {
      rule(p.biases[k], s.grads[l].biases[k], s.velocity[l].biases[k], s.second[l].biases[k]);
    }
  }
}

void update(TrainerState& s) {
  const double lr = s.options.learning_rate;
  if (s.options.optimizer == "sgd") {
    for_each_parameter(s, [lr](double& w, double g, double&, double&) { w -= lr * g; });
  } else if (s.options.optimizer == "momentum") {
    // Keras's SGD(momentum=0.9): v = 0.9 v - lr g; w += v.
    for_each_parameter(s, [lr](double& w, double g, double& v, double&) {
      v = 0.9 * v - lr * g;
      w += v;
    });
  } else {
    // Keras's Adam defaults: beta1 0.9, beta2 0.999, epsilon 1e-7.
    ++s.adam_t;
    const double c1 = 1.0 - std::pow(0.9, s.adam_t);
    const double c2 = 1.0 - std::pow(0.999, s.adam_t);
    for_each_parameter(s, [=](double& w, double g, double& m, double& v) {
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      w -= lr * (m / c1) / (std::sqrt(v / c2) + 1e-7);
    });
  }
}

}  // namespace

Trainer::Trainer(std::unique_ptr<TrainerState> state) : s_(std::move(state)) {}
Trainer::~Trainer() = default;

Status Trainer::create(const TrainerOptions& options, std::unique_ptr<Trainer>& out) {
  auto s = std::make_unique<TrainerState>();
  s->options = options;
  Init init;
  if (Status status = detail::check_trainer_options(options, s->activation, s->features, init);
      !status.ok()) {
    return status;
  }
  // The points, shuffled once and split into training and test sets.
  std::vector<Point> all =
      make_dataset(options.dataset, options.samples, options.noise, options.seed);
  Random split(options.seed, 5);
  for (std::size_t i = all.size(); i > 1; --i) {
    std::swap(all[i - 1], all[static_cast<std::size_t>(split.uniform() * static_cast<double>(i))]);
  }
  const auto n_train = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::lround(options.train_fraction * all.size())));
  s->train.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n_train));
  s->test.assign(all.begin() + static_cast<std::ptrdiff_t>(n_train), all.end());
  feature_columns(s->features, s->train.data(), s->train.size(), s->train_x);
  feature_columns(s->features, s->test.data(), s->test.size(), s->test_x);
  for (const Point& p : s->train) s->train_y.push_back(p.label);
  // The layers, drawn as Keras's initialiser draws them, biases at 0. Each layer has its own
  // stream, so the same seed and initialiser give the same weights whatever the activation.
  int in = static_cast<int>(s->features.size());
  std::vector<int> outs = options.hidden;
  outs.push_back(1);
  for (std::size_t l = 0; l < outs.size(); ++l) {
    DenseLayer layer{in, outs[l], std::vector<double>(static_cast<std::size_t>(in * outs[l])),
                     std::vector<double>(static_cast<std::size_t>(outs[l]), 0.0)};
    Random rng(options.seed, 2000 + l);
    detail::initialize(init, in, outs[l], rng, layer.weights.data(), layer.weights.size());
    s->grads.push_back(zeros_like(layer));
    s->velocity.push_back(zeros_like(layer));
    s->second.push_back(zeros_like(layer));
    s->layers.push_back(std::move(layer));
    in = outs[l];
  }
  s->shuffle = Random(options.seed, 4);
  s->order.resize(s->train.size());
  std::iota(s->order.begin(), s->order.end(), 0);
  out.reset(new Trainer(std::move(s)));
  return Status::Ok();
}

Status Trainer::step(int epochs, Progress& progress) {
  if (Status st =
          detail::check_int("trainer.step", "epochs", epochs, 0, TrainerLimits::kMaxEpochsPerStep);
      !st.ok()) {
    return st;
  }
  TrainerState& s = *s_;
  const std::size_t nf = s.features.size();
  const std::size_t n = s.train.size();
  const std::size_t batch = std::min(static_cast<std::size_t>(s.options.batch_size), n);
  std::vector<double> labels(batch);
  for (int e = 0; e < epochs; ++e) {
    for (std::size_t i = n; i > 1; --i) {
      std::swap(s.order[i - 1], s.order[static_cast<std::size_t>(s.shuffle.uniform() * i)]);
    }
    for (std::size_t start = 0; start < n; start += batch) {
      const std::size_t rows = std::min(batch, n - start);
      s.work.input.resize(rows * nf);
      for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t k = s.order[start + r];
        for (std::size_t f = 0; f < nf; ++f) s.work.input[f * rows + r] = s.train_x[f * n + k];
        labels[r] = s.train_y[k];
      }
      gradient(s, s.work.input.data(), labels.data(), rows);
      update(s);
    }
    ++s.epoch;
  }
  progress = {s.epoch, data_loss(s, s.train_x, s.train), data_loss(s, s.test_x, s.test)};
  return Status::Ok();
}

Status Trainer::predict_grid(int n, std::vector<double>& out) const {
  if (Status st = detail::check_int("trainer.predictGrid", "n", n, 2, TrainerLimits::kMaxGrid);
      !st.ok())
    return st;
  TrainerState& s = *s_;
  const auto side = static_cast<std::size_t>(n);
  const std::size_t cells = side * side;
  out.resize(cells);
  Work& w = s.side_work;
  // A chunk of whole rows of the grid at a time bounds the buffers for large n.
  const std::size_t rows_per_chunk = std::max<std::size_t>(1, kChunk / side);
  for (std::size_t top = 0; top < side; top += rows_per_chunk) {
    const std::size_t bottom = std::min(side, top + rows_per_chunk);
    w.points.clear();
    for (std::size_t i = top; i < bottom; ++i) {
      const double x2 = 6.0 - 12.0 * static_cast<double>(i) / static_cast<double>(side - 1);
      for (std::size_t j = 0; j < side; ++j) {
        w.points.push_back(
            {-6.0 + 12.0 * static_cast<double>(j) / static_cast<double>(side - 1), x2, 0});
      }
    }
    const std::size_t rows = w.points.size();
    feature_columns(s.features, w.points.data(), rows, w.input);
    forward(s, w.input.data(), rows, w, false);
    const std::vector<double>& logits = w.z.back();
    for (std::size_t r = 0; r < rows; ++r) out[top * side + r] = sigmoid(logits[r]);
  }
  return Status::Ok();
}

const std::vector<DenseLayer>& Trainer::layers() const { return s_->layers; }
const std::vector<Point>& Trainer::train_points() const { return s_->train; }
const std::vector<Point>& Trainer::test_points() const { return s_->test; }
int Trainer::epoch() const { return s_->epoch; }

std::vector<std::vector<int>> Trainer::dead_units() const {
  TrainerState& s = *s_;
  Work& w = s.side_work;
  forward(s, s.train_x.data(), s.train.size(), w, false);
  std::vector<std::vector<int>> dead;
  for (std::size_t l = 1; l < s.layers.size(); ++l) {
    const auto out = static_cast<std::size_t>(s.layers[l - 1].out);
    std::vector<int> units;
    for (std::size_t u = 0; u < out; ++u) {
      bool zero = true;
      const double* a = w.a[l].data() + u * s.train.size();
      for (std::size_t r = 0; r < s.train.size() && zero; ++r) zero = a[r] == 0;
      if (zero) units.push_back(static_cast<int>(u));
    }
    dead.push_back(std::move(units));
  }
  return dead;
}

double Trainer::training_loss() const {
  double sum = 0;
  for (const DenseLayer& layer : s_->layers) {
    for (double w : layer.weights) sum += w * w;
  }
  return data_loss(*s_, s_->train_x, s_->train) + 0.5 * s_->options.l2 * sum;
}

std::vector<DenseLayer> Trainer::training_gradient() const {
  TrainerState& s = *s_;
  gradient(s, s.train_x.data(), s.train_y.data(), s.train.size());
  return s.grads;
}

void Trainer::set_layers(const std::vector<DenseLayer>& layers) { s_->layers = layers; }

}  // namespace activations
