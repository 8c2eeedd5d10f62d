#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace activations {

inline constexpr std::size_t kMaxParams = 4;

// A set of real numbers with open or closed ends; infinite ends are always open.
struct Interval {
  double min;
  double max;
  bool min_inclusive = true;
  bool max_inclusive = true;

  constexpr bool contains(double v) const {
    return (min_inclusive ? v >= min : v > min) && (max_inclusive ? v <= max : v < max);
  }
};

// "[0, +inf)", "(0, 1]".
std::string to_string(const Interval& interval);

enum class ParamType {
  kNumber,
  kBoolean,  // 0 (false) or 1 (true), as GELU's `approximate`
};

std::string_view param_type_name(ParamType type);

// A tunable parameter, named exactly as the Keras argument.
struct ParamSpec {
  std::string_view name;
  double default_value;
  Interval valid;
  // What a slider offers by default: a teaching range inside `valid`.
  double ui_min;
  double ui_max;
  double ui_step;
  ParamType type = ParamType::kNumber;
};

// A fixed constant a function uses (SELU's alpha and scale), shown but not tunable.
struct ConstantSpec {
  std::string_view name;
  double value;
};

// A point where f or f' may jump, at offset + factor * params[param] (param < 0: a fixed point).
// Plots cut the curves there and mark the value the convention gives.
struct Kink {
  double offset;
  int param = -1;
  double factor = 0.0;

  constexpr double at(const double* params) const {
    return param < 0 ? offset : offset + factor * params[param];
  }
};

enum class Kind {
  kElementwise,  // f: R -> R, applied to each element
  kVector,       // f: R^n -> R^n (softmax and friends)
};

std::string_view kind_name(Kind kind);

using ScalarFn = double (*)(double z, const double* params);
using BatchFn = void (*)(const double* z, std::size_t n, const double* params, double* f,
                         double* df);
using ValuesFn = void (*)(const double* z, std::size_t n, const double* params, double* f);
// The same in float32: vectorised kernels, within 4 float32 ULP.
using BatchFn32 = void (*)(const float* z, std::size_t n, const double* params, float* f,
                           float* df);
using ValuesFn32 = void (*)(const float* z, std::size_t n, const double* params, float* f);
// Whether the float32 kernels are vectorised for these parameters (or fall back to the double
// kernel, element by element).
using VectorisedFn32 = bool (*)(const double* params);
// `out` has n elements (apply) or n*n, row-major (jacobian). Inputs are already validated.
using VectorFn = void (*)(const double* x, std::size_t n, const double* params, double* out);

// One registry entry: everything the rest of the project knows about a function.
struct ActivationSpec {
  std::string_view id;  // the Keras id
  Kind kind;
  std::span<const ParamSpec> params;
  std::span<const ConstantSpec> constants;
  std::span<const Kink> kinks;
  std::span<const std::string_view> aliases;  // other Keras names ("swish" for silu)
  bool monotonic;  // non-decreasing on the whole real line, for every valid parameter
  // The weight initialiser that suits it: "he_normal" for ReLU-like functions, "lecun_normal"
  // for SELU, "glorot_uniform" (Keras's default) for the rest.
  std::string_view init = "glorot_uniform";
  // Elementwise functions.
  ScalarFn f = nullptr;
  ScalarFn df = nullptr;  // at a kink: what TensorFlow's gradient returns
  BatchFn batch = nullptr;
  ValuesFn values = nullptr;  // f alone, for forward passes that need no slopes
  // The same within 2^-40 relative instead of a few ULPs (or 0 where the value is below float32's
  // range), faster where the careful kernel carries double-double (GELU, tanh_shrink; the same
  // functions for every other kernel): for training, which cannot use the last bits.
  BatchFn batch_fast = nullptr;
  ValuesFn values_fast = nullptr;
  // Vector functions.
  VectorFn apply = nullptr;
  VectorFn jacobian = nullptr;
  // Elementwise functions in float32.
  BatchFn32 batch32 = nullptr;
  ValuesFn32 values32 = nullptr;
  VectorisedFn32 vectorised32 = nullptr;
};

}  // namespace activations
