// Throughput of the native core: one evaluate() call over a 1,000-point curve and over 10^6
// points, per function, and softmax with its Jacobian on a small vector.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "activations/trainer.h"

namespace {

using activations::NamedValue;

void BM_Evaluate(benchmark::State& state, std::string_view id) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<double> z(n), f(n), df(n);
  for (std::size_t i = 0; i < n; ++i) z[i] = -10.0 + 20.0 * i / n;
  for (auto _ : state) {
    auto status = activations::evaluate(id, {}, z, f, df);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(f.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n));
}

void BM_SoftmaxJacobian(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<double> x(n), s(n), j(n * n);
  for (std::size_t i = 0; i < n; ++i) x[i] = 0.5 * i;
  const std::vector<NamedValue> params = {{"temperature", 1.0}};
  for (auto _ : state) {
    auto a = activations::apply("softmax", params, x, s);
    auto b = activations::jacobian("softmax", params, x, j);
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
  }
}

// The training lab with TensorFlow Playground's defaults (xor, [4, 2], batch 10, 250 training
// points): one epoch, and the 100 x 100 boundary grid.
std::unique_ptr<activations::Trainer> playground(std::string_view activation) {
  activations::TrainerOptions o;
  o.dataset = "xor";
  o.activation = std::string(activation);
  std::unique_ptr<activations::Trainer> t;
  if (!activations::Trainer::create(o, t).ok()) std::abort();
  return t;
}

void BM_TrainerEpoch(benchmark::State& state, std::string_view activation) {
  auto t = playground(activation);
  activations::Trainer::Progress p{};
  for (auto _ : state) {
    auto s = t->step(1, p);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(t->train_points().size()));
}

void BM_TrainerGrid(benchmark::State& state, std::string_view activation) {
  auto t = playground(activation);
  std::vector<double> grid;
  for (auto _ : state) {
    auto s = t->predict_grid(100, grid);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(grid.data());
  }
}

}  // namespace

BENCHMARK_CAPTURE(BM_TrainerEpoch, tanh, "tanh")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_TrainerEpoch, relu, "relu")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_TrainerGrid, tanh, "tanh")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_TrainerGrid, relu, "relu")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_TrainerGrid, linear, "linear")->Unit(benchmark::kMicrosecond);

BENCHMARK(BM_SoftmaxJacobian)->Arg(6)->Arg(100)->Unit(benchmark::kMicrosecond);

// One benchmark per elementwise function of the registry, so new functions are measured too.
const bool kRegistered = [] {
  for (const auto& spec : activations::registry()) {
    if (spec.kind != activations::Kind::kElementwise) continue;
    benchmark::RegisterBenchmark(("BM_Evaluate/" + std::string(spec.id)).c_str(), BM_Evaluate,
                                 spec.id)
        ->Arg(1000)
        ->Arg(1000000)
        ->Unit(benchmark::kMicrosecond);
  }
  return true;
}();
