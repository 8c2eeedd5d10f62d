#pragma once

// The elementwise functions and their derivatives, in forms that stay finite and accurate for
// every double: no exp() of a large positive argument, no cancellation in 1 - t^2.
// Each kernel takes the already-validated parameters in registry order.

#include <cmath>

#include "../dd.h"

namespace activations::kernels {

// SELU's constants, from Klambauer et al. (2017), as Keras defines them.
inline constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
inline constexpr double kSeluScale = 1.0507009873554804934193349852946;
// The exact product, rounded once (not the product of the two rounded constants).
inline constexpr double kSeluScaleAlpha = 1.7580993408473768599402175208123;

struct Sigmoid {
  static double f(double z, const double*) {
    if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);  // also takes NaN
    return e / (1.0 + e);
  }
  // sigma(z)(1 - sigma(z)) = e / (1 + e)^2 with e = exp(-|z|): even, and never exp(+large).
  static double df(double z, const double*) {
    const double e = std::exp(-std::fabs(z));
    const double d = 1.0 + e;
    return e / d / d;
  }
};

struct Tanh {
  static double f(double z, const double*) { return std::tanh(z); }
  // 1 - tanh^2(z) cancels for large |z|; sech^2(z) = 4e / (1 + e)^2 with e = exp(-2|z|) does not.
  static double df(double z, const double*) {
    const double e = std::exp(-2.0 * std::fabs(z));
    const double d = 1.0 + e;
    return 4.0 * e / d / d;
  }
};

struct Relu {
  static double f(double z, const double*) { return z > 0 ? z : (z <= 0 ? 0.0 : z); }
  // relu'(0) = 0, as TensorFlow and PyTorch return.
  static double df(double z, const double*) { return z > 0 ? 1.0 : (z <= 0 ? 0.0 : z); }
};

// params: alpha
struct Elu {
  static double f(double z, const double* p) { return z > 0 ? z : p[0] * std::expm1(z); }
  // alpha * exp(z) directly: ELU(z) + alpha would lose digits where ELU(z) is close to -alpha.
  static double df(double z, const double* p) { return z > 0 ? 1.0 : p[0] * std::exp(z); }
};

struct Selu {
  static double f(double z, const double*) {
    return z > 0 ? kSeluScale * z : kSeluScaleAlpha * std::expm1(z);
  }
  // selu'(0) = scale: TensorFlow's SeluGrad takes the linear branch at 0.
  static double df(double z, const double*) {
    return z >= 0 ? kSeluScale : kSeluScaleAlpha * std::exp(z);
  }
};

struct Softsign {
  static double f(double z, const double*) {
    if (std::isinf(z)) return std::copysign(1.0, z);
    return z / (1.0 + std::fabs(z));
  }
  // (1/a)/a rather than 1/a^2: a^2 overflows for |z| > 1e154 while the true value is still normal.
  static double df(double z, const double*) {
    const double a = 1.0 + std::fabs(z);
    return 1.0 / a / a;
  }
};

struct Softplus {
  // log(1 + e^z) = max(z, 0) + log1p(e^-|z|).
  static double f(double z, const double*) {
    if (std::isnan(z)) return z;
    return (z > 0 ? z : 0.0) + std::log1p(std::exp(-std::fabs(z)));
  }
  static double df(double z, const double* p) { return Sigmoid::f(z, p); }
};

struct Exponential {
  static double f(double z, const double*) { return std::exp(z); }
  static double df(double z, const double*) { return std::exp(z); }
};

}  // namespace activations::kernels
