#include "initializers.h"

#include <cmath>

namespace activations::detail {
namespace {

struct InitName {
  std::string_view name;
  Init init;
};
constexpr InitName kInits[] = {
    {"lecun_normal", Init::kLecunNormal},   {"glorot_uniform", Init::kGlorotUniform},
    {"glorot_normal", Init::kGlorotNormal}, {"he_normal", Init::kHeNormal},
    {"he_uniform", Init::kHeUniform},
};

// The standard deviation of a standard normal truncated to [-2, 2]: Keras divides by it so the
// truncated initialisers still have the intended variance.
constexpr double kTruncatedStd = 0.87962566103423978;

template <class T>
void fill(Init init, double fan_in, double fan_out, Random& rng, T* out, std::size_t n) {
  const auto normal = [&](double variance) {
    const double s = std::sqrt(variance) / kTruncatedStd;
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<T>(s * rng.truncated_normal());
  };
  const auto uniform = [&](double limit) {
    for (std::size_t i = 0; i < n; ++i) {
      out[i] = static_cast<T>((2.0 * rng.uniform() - 1.0) * limit);
    }
  };
  switch (init) {
    case Init::kLecunNormal:
      return normal(1.0 / fan_in);
    case Init::kGlorotNormal:
      return normal(2.0 / (fan_in + fan_out));
    case Init::kHeNormal:
      return normal(2.0 / fan_in);
    case Init::kGlorotUniform:
      return uniform(std::sqrt(6.0 / (fan_in + fan_out)));
    case Init::kHeUniform:
      return uniform(std::sqrt(6.0 / fan_in));
  }
}

}  // namespace

bool parse_init(std::string_view name, Init& init) {
  for (const auto& i : kInits) {
    if (i.name == name) {
      init = i.init;
      return true;
    }
  }
  return false;
}

void initialize(Init init, double fan_in, double fan_out, Random& rng, float* out, std::size_t n) {
  fill(init, fan_in, fan_out, rng, out, n);
}

void initialize(Init init, double fan_in, double fan_out, Random& rng, double* out, std::size_t n) {
  fill(init, fan_in, fan_out, rng, out, n);
}

}  // namespace activations::detail
