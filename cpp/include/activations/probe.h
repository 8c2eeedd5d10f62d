#pragma once

// The network probe: a deep random dense network, one forward pass of a random batch and one
// backward pass of a random gradient from the last layer, with statistics per layer. It shows
// the vanishing gradient of saturating functions and SELU's self-normalisation.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "activations/status.h"

namespace activations {

enum class Init { kLecunNormal, kGlorotUniform, kGlorotNormal, kHeNormal, kHeUniform };

struct ProbeOptions {
  std::string activation = "selu";
  std::vector<std::pair<std::string, double>> params;
  int depth = 30;
  int width = 128;
  int batch = 256;
  std::string init = "lecun_normal";
  double input_mean = 0.0;
  double input_std = 1.0;
  std::uint64_t seed = 1;
  // 0, or the width of one layer in the middle of the network (a bottleneck, e.g. 2).
  int bottleneck = 0;
  int histogram_bins = 40;
};

// Ranges every option must lie in, and the memory budget: the forward pass keeps f'(z) of every
// layer for the backward pass, batch * width * depth floats.
struct ProbeLimits {
  static constexpr int kMaxDepth = 100;
  static constexpr int kMinWidth = 2;
  static constexpr int kMaxWidth = 512;
  static constexpr int kMaxBatch = 2048;
  static constexpr std::size_t kMaxCells = std::size_t{1} << 24;
  static constexpr int kMaxBins = 200;
};

struct ProbeLayer {
  double mean;           // of the activations, over batch and units
  double std;            // idem
  double saturated;      // fraction of (sample, unit) with |f'(z)| < 0.01
  double dead;           // fraction of units that are 0 for every sample
  double gradient_norm;  // RMS of dL/dz over batch and units
};

struct ProbeResult {
  std::vector<ProbeLayer> layers;
  // Histogram of the last layer's activations: bins + 1 edges.
  std::vector<double> histogram_edges;
  std::vector<double> histogram_counts;
};

inline constexpr double kSaturationThreshold = 0.01;

Status run_probe(const ProbeOptions& options, ProbeResult& result);

// The engine itself, with everything random given: run_probe draws the weights, the input batch
// and the upstream gradient from the seed; tests give known ones. `weights(l, wt)` fills layer
// l's transposed weights (widths[l-1] rows by widths[l] columns) and is called twice per layer
// (forward, then backward), so they need never all be held in memory at once.
using WeightSource = void (*)(void* context, int layer, float* wt);

Status run_network(const Resolved& activation, const std::vector<int>& widths, int batch,
                   WeightSource weights, void* context, const float* input, const float* upstream,
                   int histogram_bins, ProbeResult& result);

// The same pass in steps, so that a caller (the page's worker) can stop between them: a step is
// one layer forward, or one layer backward. Stepping to the end gives run_network's result, bit
// for bit. `input` and `upstream` are copied; `weights` and `context` must outlive the pass.
class NetworkPass {
 public:
  NetworkPass(const Resolved& activation, std::vector<int> widths, int batch, WeightSource weights,
              void* context, const float* input, const float* upstream, int histogram_bins);

  int total_steps() const { return 2 * depth(); }
  int steps_done() const { return done_; }
  bool finished() const { return done_ == total_steps(); }
  void step();  // does nothing once finished
  const ProbeResult& result() const { return result_; }

 private:
  int depth() const { return static_cast<int>(widths_.size()) - 1; }
  void forward(std::size_t l);
  void backward(std::size_t l);

  Resolved activation_;
  std::vector<int> widths_;
  std::size_t rows_;
  WeightSource weights_;
  void* context_;
  int histogram_bins_;
  int done_ = 0;
  std::vector<float> a_;                    // the current layer's activations
  std::vector<float> g_;                    // dL/da of the current layer, backward, over scale_
  double scale_ = 1;                        // a power of two
  std::vector<float> wt_, w_, z_;           // scratch
  std::vector<std::vector<float>> slopes_;  // f'(z) per layer, for the backward pass
  ProbeResult result_;
};

// A probe run in steps (see NetworkPass): run_probe is start() and every step.
class ProbeRun {
 public:
  ProbeRun();
  ~ProbeRun();
  ProbeRun(const ProbeRun&) = delete;
  ProbeRun& operator=(const ProbeRun&) = delete;

  // Checks the options and draws the input; a non-ok status leaves no run.
  Status start(const ProbeOptions& options);
  int total_steps() const;
  int steps_done() const;
  bool finished() const;
  void step();
  const ProbeResult& result() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace activations
