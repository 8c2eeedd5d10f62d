#pragma once

#include <array>
#include <span>
#include <string_view>

#include "activations/activation.h"
#include "activations/status.h"

namespace activations {

// Every function the core knows, in the lesson's order.
std::span<const ActivationSpec> registry();

// nullptr when `id` is unknown.
const ActivationSpec* find_activation(std::string_view id);

struct NamedValue {
  std::string_view name;
  double value;
};

// A spec with every parameter checked, and defaults filled in for those not given.
struct Resolved {
  const ActivationSpec* spec = nullptr;
  std::array<double, kMaxParams> params{};
};

Status resolve(std::string_view id, std::span<const NamedValue> given, Resolved& out);

// Largest vector accepted by apply(), and by jacobian() (whose output is n*n).
inline constexpr std::size_t kMaxVectorLength = std::size_t{1} << 20;
inline constexpr std::size_t kMaxJacobianLength = 1024;

// Elementwise: f and df must have z's size.
Status evaluate(std::string_view id, std::span<const NamedValue> params, std::span<const double> z,
                std::span<double> f, std::span<double> df);
// The same in float32, through the vectorised kernels (within 4 float32 ULP of the exact value).
Status evaluate(std::string_view id, std::span<const NamedValue> params, std::span<const float> z,
                std::span<float> f, std::span<float> df);
// f alone, in double or in float32: f must have z's size.
Status evaluate_f(std::string_view id, std::span<const NamedValue> params,
                  std::span<const double> z, std::span<double> f);
Status evaluate_f(std::string_view id, std::span<const NamedValue> params, std::span<const float> z,
                  std::span<float> f);

// Vector functions: out has x's size (apply) or its square (jacobian, row-major).
Status apply(std::string_view id, std::span<const NamedValue> params, std::span<const double> x,
             std::span<double> out);
Status jacobian(std::string_view id, std::span<const NamedValue> params, std::span<const double> x,
                std::span<double> out);

}  // namespace activations
