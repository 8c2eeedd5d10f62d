#include "activations/registry.h"

#include <algorithm>
#include <limits>

#include "activations/softmax.h"
#include "kernels.h"

namespace activations {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

template <class K>
void batch(const double* z, std::size_t n, const double* p, double* f, double* df) {
  for (std::size_t i = 0; i < n; ++i) {
    f[i] = K::f(z[i], p);
    df[i] = K::df(z[i], p);
  }
}

struct Extras {
  std::span<const ParamSpec> params = {};
  std::span<const ConstantSpec> constants = {};
  std::span<const double> kinks = {};
};

template <class K>
constexpr ActivationSpec elementwise(std::string_view id, bool monotonic, Extras extras = {}) {
  return {.id = id,
          .kind = Kind::kElementwise,
          .params = extras.params,
          .constants = extras.constants,
          .kinks = extras.kinks,
          .monotonic = monotonic,
          .f = &K::f,
          .df = &K::df,
          .batch = &batch<K>};
}

void softmax_apply(const double* x, std::size_t n, const double* p, double* out) {
  softmax(x, n, p[0], out);
}
void softmax_jacobian_apply(const double* x, std::size_t n, const double* p, double* out) {
  softmax_jacobian(x, n, p[0], out);
}

constexpr double kKinkAtZero[] = {0.0};

constexpr ParamSpec kEluParams[] = {
    {.name = "alpha",
     .default_value = 1.0,
     .valid = {0.0, kInf, true, false},
     .ui_min = 0.1,
     .ui_max = 3.0,
     .ui_step = 0.05},
};

constexpr ConstantSpec kSeluConstants[] = {
    {"alpha", kernels::kSeluAlpha},
    {"scale", kernels::kSeluScale},
};

constexpr ParamSpec kSoftmaxParams[] = {
    {.name = "temperature",
     .default_value = 1.0,
     .valid = {0.0, kInf, false, false},
     .ui_min = 0.1,
     .ui_max = 5.0,
     .ui_step = 0.05},
};

constexpr ActivationSpec kRegistry[] = {
    elementwise<kernels::Sigmoid>("sigmoid", true),
    elementwise<kernels::Tanh>("tanh", true),
    elementwise<kernels::Relu>("relu", true, {.kinks = kKinkAtZero}),
    elementwise<kernels::Elu>("elu", true, {.params = kEluParams, .kinks = kKinkAtZero}),
    elementwise<kernels::Selu>("selu", true, {.constants = kSeluConstants, .kinks = kKinkAtZero}),
    {.id = "softmax",
     .kind = Kind::kVector,
     .params = kSoftmaxParams,
     .constants = {},
     .kinks = {},
     .monotonic = false,
     .apply = &softmax_apply,
     .jacobian = &softmax_jacobian_apply},
    elementwise<kernels::Softsign>("softsign", true),
    elementwise<kernels::Softplus>("softplus", true),
    elementwise<kernels::Exponential>("exponential", true),
};

}  // namespace

std::span<const ActivationSpec> registry() { return kRegistry; }

const ActivationSpec* find_activation(std::string_view id) {
  const auto it = std::find_if(std::begin(kRegistry), std::end(kRegistry),
                               [id](const ActivationSpec& spec) { return spec.id == id; });
  return it == std::end(kRegistry) ? nullptr : &*it;
}

}  // namespace activations
