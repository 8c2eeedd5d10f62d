// Throughput of the native core: one evaluate() call over a 1,000-point curve and over 10^6
// points, per function, and softmax with its Jacobian on a small vector.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "activations/registry.h"

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

}  // namespace

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
