#include "activations/registry.h"

#include <algorithm>
#include <limits>

#include "activations/softmax.h"
#include "activations/sparsemax.h"
#include "kernels/f32.h"
#include "kernels/fast.h"
#include "kernels/lesson.h"
#include "kernels/piecewise.h"
#include "kernels/smooth.h"

namespace activations {
namespace {

namespace k = kernels;

constexpr double kInf = std::numeric_limits<double>::infinity();

// The careful kernel (K::f, K::df), or with kFast its fast form (kernels/fast.h). z[i] is read
// once, before f[i] is written: f may be z itself.
template <class K, bool kFast>
void batch(const double* z, std::size_t n, const double* p, double* f, double* df) {
  for (std::size_t i = 0; i < n; ++i) {
    const double x = z[i];
    f[i] = kFast ? k::fast_f<K>(x, p) : K::f(x, p);
    df[i] = kFast ? k::fast_df<K>(x, p) : K::df(x, p);
  }
}

template <class K, bool kFast>
void values(const double* z, std::size_t n, const double* p, double* f) {
  for (std::size_t i = 0; i < n; ++i) f[i] = kFast ? k::fast_f<K>(z[i], p) : K::f(z[i], p);
}

struct Extras {
  std::span<const ParamSpec> params = {};
  std::span<const ConstantSpec> constants = {};
  std::span<const Kink> kinks = {};
  std::span<const std::string_view> aliases = {};
  std::string_view init = "glorot_uniform";
};

template <class K>
constexpr ActivationSpec elementwise(std::string_view id, bool monotonic, Extras extras = {}) {
  return {.id = id,
          .kind = Kind::kElementwise,
          .params = extras.params,
          .constants = extras.constants,
          .kinks = extras.kinks,
          .aliases = extras.aliases,
          .monotonic = monotonic,
          .init = extras.init,
          .f = &K::f,
          .df = &K::df,
          .batch = &batch<K, false>,
          .values = &values<K, false>,
          .batch_fast = &batch<K, true>,
          .values_fast = &values<K, true>,
          .batch32 = &k::f32::batch<K>,
          .values32 = &k::f32::values<K>,
          .vectorised32 = &k::f32::vectorised<K>};
}

template <void (*Apply)(const double*, std::size_t, double, double*),
          void (*Jacobian)(const double*, std::size_t, double, double*)>
constexpr ActivationSpec vector(std::string_view id, std::span<const ParamSpec> params) {
  return {.id = id,
          .kind = Kind::kVector,
          .params = params,
          .constants = {},
          .kinks = {},
          .aliases = {},
          .monotonic = false,
          .init = "glorot_uniform",
          .apply = [](const double* x, std::size_t n, const double* p,
                      double* out) { Apply(x, n, p[0], out); },
          .jacobian = [](const double* x, std::size_t n, const double* p,
                         double* out) { Jacobian(x, n, p[0], out); }};
}

constexpr ParamSpec number(std::string_view name, double fallback, Interval valid, double ui_min,
                           double ui_max, double ui_step) {
  return {name, fallback, valid, ui_min, ui_max, ui_step, ParamType::kNumber};
}

constexpr Interval kPositive = {0.0, kInf, false, false};
constexpr Interval kNonNegative = {0.0, kInf, true, false};
constexpr Interval kReal = {-kInf, kInf, false, false};

constexpr ParamSpec kEluParams[] = {number("alpha", 1.0, kNonNegative, 0.1, 3.0, 0.05)};
constexpr ParamSpec kCeluParams[] = {number("alpha", 1.0, kPositive, 0.1, 3.0, 0.05)};
constexpr ParamSpec kLeakyParams[] = {number("negative_slope", 0.2, kNonNegative, 0.0, 1.0, 0.01)};
constexpr ParamSpec kSquareplusParams[] = {number("b", 4.0, kPositive, 0.05, 10.0, 0.05)};
constexpr ParamSpec kShrinkParams[] = {number("threshold", 0.5, kNonNegative, 0.0, 3.0, 0.05)};
// Keras gives these two no defaults; 0 and 0 make it a ReLU until the reader moves them.
constexpr ParamSpec kThresholdParams[] = {number("threshold", 0.0, kReal, -3.0, 3.0, 0.05),
                                          number("default_value", 0.0, kReal, -3.0, 3.0, 0.05)};
constexpr ParamSpec kGeluParams[] = {
    {"approximate", 0.0, {0.0, 1.0}, 0.0, 1.0, 1.0, ParamType::kBoolean}};
constexpr ParamSpec kTemperature[] = {number("temperature", 1.0, kPositive, 0.1, 5.0, 0.05)};

constexpr ConstantSpec kSeluConstants[] = {
    {"alpha", k::kSeluAlpha},
    {"scale", k::kSeluScale},
};

constexpr Kink kAtZero[] = {{0.0}};
constexpr Kink kAtZeroAndSix[] = {{0.0}, {6.0}};
constexpr Kink kAtPlusMinusThree[] = {{-3.0}, {3.0}};
constexpr Kink kAtPlusMinusOne[] = {{-1.0}, {1.0}};
constexpr Kink kAtPlusMinusThreshold[] = {{0.0, 0, -1.0}, {0.0, 0, 1.0}};
constexpr Kink kAtThreshold[] = {{0.0, 0, 1.0}};

constexpr std::string_view kSiluAliases[] = {"swish"};
constexpr std::string_view kHe = "he_normal";
constexpr std::string_view kHardSiluAliases[] = {"hard_swish"};

constexpr ActivationSpec kRegistry[] = {
    // The lesson's functions, in its order.
    elementwise<k::Sigmoid>("sigmoid", true),
    elementwise<k::Tanh>("tanh", true),
    elementwise<k::Relu>("relu", true, {.kinks = kAtZero, .init = kHe}),
    elementwise<k::Elu>("elu", true, {.params = kEluParams, .kinks = kAtZero, .init = kHe}),
    elementwise<k::Selu>("selu", true,
                         {.constants = kSeluConstants, .kinks = kAtZero, .init = "lecun_normal"}),
    vector<softmax, softmax_jacobian>("softmax", kTemperature),
    elementwise<k::Softsign>("softsign", true),
    elementwise<k::Softplus>("softplus", true, {.init = kHe}),
    elementwise<k::Exponential>("exponential", true),
    // Every other elementwise activation of Keras 3.
    elementwise<k::Gelu>("gelu", false, {.params = kGeluParams, .init = kHe}),
    elementwise<k::Silu>("silu", false, {.aliases = kSiluAliases, .init = kHe}),
    elementwise<k::Mish>("mish", false, {.init = kHe}),
    elementwise<k::LeakyRelu>("leaky_relu", true,
                              {.params = kLeakyParams, .kinks = kAtZero, .init = kHe}),
    elementwise<k::Relu6>("relu6", true, {.kinks = kAtZeroAndSix, .init = kHe}),
    elementwise<k::HardSigmoid>("hard_sigmoid", true, {.kinks = kAtPlusMinusThree}),
    elementwise<k::HardSilu>(
        "hard_silu", false, {.kinks = kAtPlusMinusThree, .aliases = kHardSiluAliases, .init = kHe}),
    elementwise<k::HardTanh>("hard_tanh", true, {.kinks = kAtPlusMinusOne}),
    elementwise<k::LogSigmoid>("log_sigmoid", true),
    elementwise<k::Celu>("celu", true, {.params = kCeluParams, .init = kHe}),
    elementwise<k::Squareplus>("squareplus", true, {.params = kSquareplusParams, .init = kHe}),
    elementwise<k::SparsePlus>("sparse_plus", true, {.init = kHe}),
    elementwise<k::SparseSigmoid>("sparse_sigmoid", true, {.kinks = kAtPlusMinusOne}),
    elementwise<k::SoftShrink>("soft_shrink", true,
                               {.params = kShrinkParams, .kinks = kAtPlusMinusThreshold}),
    elementwise<k::HardShrink>("hard_shrink", true,
                               {.params = kShrinkParams, .kinks = kAtPlusMinusThreshold}),
    elementwise<k::TanhShrink>("tanh_shrink", true),
    elementwise<k::Threshold>("threshold", false,
                              {.params = kThresholdParams, .kinks = kAtThreshold, .init = kHe}),
    elementwise<k::Linear>("linear", true),
    // Beside softmax.
    vector<log_softmax, log_softmax_jacobian>("log_softmax", kTemperature),
    vector<sparsemax, sparsemax_jacobian>("sparsemax", kTemperature),
};

}  // namespace

std::span<const ActivationSpec> registry() { return kRegistry; }

const ActivationSpec* find_activation(std::string_view id) {
  const auto it =
      std::find_if(std::begin(kRegistry), std::end(kRegistry), [id](const ActivationSpec& spec) {
        return spec.id == id ||
               std::find(spec.aliases.begin(), spec.aliases.end(), id) != spec.aliases.end();
      });
  return it == std::end(kRegistry) ? nullptr : &*it;
}

}  // namespace activations
