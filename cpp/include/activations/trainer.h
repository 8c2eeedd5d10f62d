#pragma once

// A small multilayer perceptron trained on a 2-D toy problem, as in TensorFlow Playground but with
// any activation of the registry: inputs x1, x2 and optional derived features, up to 6 hidden
// layers of up to 16 units, a sigmoid output with binary cross-entropy, and SGD, momentum or Adam
// with L2 regularisation. Everything is double precision and deterministic for a seed.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "activations/datasets.h"
#include "activations/registry.h"
#include "activations/status.h"

namespace activations {

inline constexpr std::string_view kFeatures[] = {"x1",   "x2",    "x1sq", "x2sq",
                                                 "x1x2", "sinx1", "sinx2"};

struct TrainerOptions {
  std::string dataset = "circle";
  int samples = 500;
  double noise = 0.0;
  double train_fraction = 0.5;
  std::uint64_t seed = 1;
  std::vector<std::string> features = {"x1", "x2"};
  std::vector<int> hidden = {4, 2};
  std::string activation = "tanh";
  std::vector<std::pair<std::string, double>> params;
  std::string optimizer = "sgd";  // sgd, momentum, adam
  double learning_rate = 0.03;
  int batch_size = 10;
  double l2 = 0.0;
  std::string init;  // empty: the one the registry suggests for the activation
};

struct TrainerLimits {
  static constexpr int kMinSamples = 10;
  static constexpr int kMaxSamples = 5000;
  static constexpr int kMaxLayers = 6;
  static constexpr int kMaxUnits = 16;
  static constexpr int kMaxGrid = 512;
  static constexpr int kMaxEpochsPerStep = 1000;
};

// One dense layer: out x in weights (row-major) and out biases.
struct DenseLayer {
  int in = 0;
  int out = 0;
  std::vector<double> weights;
  std::vector<double> biases;
};

namespace detail {
struct TrainerState;
}

class Trainer {
 public:
  static Status create(const TrainerOptions& options, std::unique_ptr<Trainer>& out);
  ~Trainer();

  struct Progress {
    int epoch;
    double train_loss;
    double test_loss;
  };
  // Trains `epochs` more epochs, each a pass over the reshuffled training set in mini-batches;
  // epochs in [0, kMaxEpochsPerStep].
  Status step(int epochs, Progress& progress);

  // P(label = 1) on an n x n grid over [-6, 6]^2, in one batched pass: row i has
  // x2 = 6 - 12 i / (n - 1), column j has x1 = -6 + 12 j / (n - 1). n in [2, kMaxGrid].
  Status predict_grid(int n, std::vector<double>& out) const;

  const std::vector<DenseLayer>& layers() const;
  // Per hidden layer, the units whose activation is 0 for every training sample.
  std::vector<std::vector<int>> dead_units() const;
  const std::vector<Point>& train_points() const;
  const std::vector<Point>& test_points() const;
  int epoch() const;

  // For tests: the mean loss on the training set (with the L2 term), and its gradient with
  // respect to every weight and bias, laid out like layers().
  double training_loss() const;
  std::vector<DenseLayer> training_gradient() const;
  void set_layers(const std::vector<DenseLayer>& layers);

 private:
  explicit Trainer(std::unique_ptr<detail::TrainerState> state);
  std::unique_ptr<detail::TrainerState> s_;
};

}  // namespace activations
