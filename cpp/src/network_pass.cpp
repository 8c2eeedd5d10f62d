// The probe's engine: a forward pass with statistics per layer, then a backward pass with the
// gradient's norm per layer, one layer per step.

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "activations/probe.h"
#include "gemm.h"

namespace activations {
namespace {

// Mean and variance by Welford's method: no cancellation when the mean is large.
struct Moments {
  double n = 0, mean = 0, m2 = 0;
  void add(double x) {
    n += 1;
    const double d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  double std() const { return n > 0 ? std::sqrt(m2 / n) : 0.0; }
};

void histogram(const std::vector<float>& values, int bins, ProbeResult& result) {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  for (float v : values) {
    if (std::isfinite(v)) {
      lo = std::min(lo, static_cast<double>(v));
      hi = std::max(hi, static_cast<double>(v));
    }
  }
  if (!(lo <= hi)) lo = hi = 0;  // no finite value
  if (lo == hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const auto b = static_cast<std::size_t>(bins);
  result.histogram_edges.resize(b + 1);
  for (std::size_t i = 0; i <= b; ++i) result.histogram_edges[i] = lo + (hi - lo) * i / b;
  result.histogram_counts.assign(b, 0.0);
  for (float v : values) {
    if (!std::isfinite(v)) continue;
    auto i = static_cast<std::size_t>((v - lo) / (hi - lo) * b);
    result.histogram_counts[std::min(i, b - 1)] += 1;
  }
}

// The backward pass multiplies by the weights' transpose. Measured in wasm (Node 20), at width 128:
// a transposed copy costs 31 us, and gemm_nt 0.5 us more per row than gemm after it; at width
// 512, 900 us and 4.5 us. A batch of 2 (a lab's preview) thus runs its backward pass 3 times
// faster with gemm_nt, and a batch of 256 (the full run) 7 % faster with the copy.
constexpr std::size_t kRowsWorthATranspose = 64;

}  // namespace

NetworkPass::NetworkPass(const Resolved& activation, std::vector<int> widths, int batch,
                         WeightSource weights, void* context, const float* input,
                         const float* upstream, int histogram_bins)
    : activation_(activation),
      widths_(std::move(widths)),
      rows_(static_cast<std::size_t>(batch)),
      weights_(weights),
      context_(context),
      histogram_bins_(histogram_bins) {
  const auto depth = static_cast<std::size_t>(this->depth());
  std::size_t max_width = 0;
  for (int w : widths_) max_width = std::max(max_width, static_cast<std::size_t>(w));
  a_.assign(input, input + rows_ * static_cast<std::size_t>(widths_[0]));
  g_.assign(upstream, upstream + rows_ * static_cast<std::size_t>(widths_[depth]));
  z_.resize(rows_ * max_width);
  wt_.resize(max_width * max_width);
  if (rows_ >= kRowsWorthATranspose) w_.resize(max_width * max_width);
  slopes_.resize(depth + 1);
  result_.layers.assign(depth, ProbeLayer{});
}

void NetworkPass::step() {
  if (finished()) return;
  const int depth = this->depth();
  if (done_ < depth) {
    forward(static_cast<std::size_t>(done_) + 1);
    if (done_ + 1 == depth) histogram(a_, histogram_bins_, result_);
  } else {
    backward(static_cast<std::size_t>(2 * depth - done_));
  }
  ++done_;
}

void NetworkPass::forward(std::size_t l) {
  const auto in = static_cast<std::size_t>(widths_[l - 1]);
  const auto out = static_cast<std::size_t>(widths_[l]);
  weights_(context_, static_cast<int>(l), wt_.data());
  detail::gemm(a_.data(), wt_.data(), z_.data(), rows_, in, out);
  std::vector<float> next(rows_ * out);
  auto& slope = slopes_[l];
  slope.resize(rows_ * out);
  Moments moments;
  std::size_t saturated = 0;
  std::vector<char> alive(out, 0);
  // The float32 SIMD kernels, straight on the layer's float pre-activations.
  activation_.spec->batch32(z_.data(), rows_ * out, activation_.params.data(), next.data(),
                            slope.data());
  for (std::size_t r = 0; r < rows_; ++r) {
    for (std::size_t j = 0; j < out; ++j) {
      const float value = next[r * out + j];
      moments.add(value);
      if (std::fabs(slope[r * out + j]) < kSaturationThreshold) ++saturated;
      if (value != 0) alive[j] = 1;
    }
  }
  auto& layer = result_.layers[l - 1];
  layer.mean = moments.mean;
  layer.std = moments.std();
  layer.saturated = static_cast<double>(saturated) / static_cast<double>(rows_ * out);
  layer.dead =
      static_cast<double>(std::count(alive.begin(), alive.end(), 0)) / static_cast<double>(out);
  a_ = std::move(next);
}

// g holds dL/da of layer l; delta = g * f'(z) is dL/dz, and delta * W is dL/da of layer l - 1.
void NetworkPass::backward(std::size_t l) {
  const auto in = static_cast<std::size_t>(widths_[l - 1]);
  const auto out = static_cast<std::size_t>(widths_[l]);
  double sum = 0;
  for (std::size_t i = 0; i < rows_ * out; ++i) {
    g_[i] *= slopes_[l][i];
    sum += static_cast<double>(g_[i]) * g_[i];
  }
  slopes_[l] = {};
  const double rms = std::sqrt(sum / static_cast<double>(rows_ * out));
  result_.layers[l - 1].gradient_norm = rms * scale_;
  if (l == 1) return;
  // g is kept near RMS 1 by powers of two, which are exact: the products below give the bits
  // unscaled ones would, 2^e times smaller, except that they never sink into float32's
  // subnormals nor overflow. Unscaled, sigmoid's gradient went subnormal after about 60 layers:
  // the pass ran 4 times slower in wasm, and the first layers' gradient came out 0.
  if (rms > 0 && std::isfinite(rms)) {
    const int e = std::clamp(std::ilogb(rms), -120, 120);
    if (e != 0) {
      const float factor = std::ldexp(1.0f, -e);
      for (float& x : g_) x *= factor;
      scale_ = std::ldexp(scale_, e);
    }
  }
  weights_(context_, static_cast<int>(l), wt_.data());
  std::vector<float> previous(rows_ * in);
  if (rows_ < kRowsWorthATranspose) {
    detail::gemm_nt(g_.data(), wt_.data(), previous.data(), rows_, out, in);
  } else {
    detail::transpose(wt_.data(), w_.data(), in, out);  // W: out x in
    detail::gemm(g_.data(), w_.data(), previous.data(), rows_, out, in);
  }
  g_ = std::move(previous);
}

Status run_network(const Resolved& activation, const std::vector<int>& widths, int batch,
                   WeightSource weights, void* context, const float* input, const float* upstream,
                   int histogram_bins, ProbeResult& result) {
  NetworkPass pass(activation, widths, batch, weights, context, input, upstream, histogram_bins);
  while (!pass.finished()) pass.step();
  result = pass.result();
  return Status::Ok();
}

}  // namespace activations
