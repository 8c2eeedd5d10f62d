#pragma once

// Smooth activations from Keras 3: GELU (exact and tanh forms), SiLU, Mish, log-sigmoid,
// squareplus, CELU and tanh-shrink. Their derivatives have roots or their formulas cancel;
// the careful versions live in smooth.cpp.

#include <cmath>

#include "lesson.h"

namespace activations::kernels {

namespace smooth {
double silu_f(double z);
double silu_df(double z);
double mish_f(double z);
double mish_df(double z);
double gelu_f(double z);
double gelu_df(double z);
double gelu_tanh_f(double z);
double gelu_tanh_df(double z);
double celu_f(double z, double alpha);
double celu_df(double z, double alpha);
double squareplus_f(double z, double b);
double squareplus_df(double z, double b);
double tanh_shrink_f(double z);
double tanh_shrink_df(double z);

// Float32-grade forms, for the float32 path of the kernels without a vectorised form: plain double
// (and libm) where the double kernels carry double-double, each within 2^-40 relative of the
// exact value wherever that is not below float32's range, so its rounding to float32 is the
// truth's but within 2^-40 of a midpoint.
double gelu_f32(double z);
double gelu_df32(double z);
double gelu_tanh_f32(double z);
double gelu_tanh_df32(double z);
double tanh_shrink_f32(double z);
double tanh_shrink_df32(double z);
}  // namespace smooth

struct Silu {
  static double f(double z, const double*) { return smooth::silu_f(z); }
  static double df(double z, const double*) { return smooth::silu_df(z); }
};

struct Mish {
  static double f(double z, const double*) { return smooth::mish_f(z); }
  static double df(double z, const double*) { return smooth::mish_df(z); }
};

// params: approximate (0 = the exact erf form, Keras's default; 1 = the tanh form).
struct Gelu {
  static double f(double z, const double* p) {
    return p[0] != 0 ? smooth::gelu_tanh_f(z) : smooth::gelu_f(z);
  }
  static double df(double z, const double* p) {
    return p[0] != 0 ? smooth::gelu_tanh_df(z) : smooth::gelu_df(z);
  }
  static double f32(double z, const double* p) {
    return p[0] != 0 ? smooth::gelu_tanh_f32(z) : smooth::gelu_f32(z);
  }
  static double df32(double z, const double* p) {
    return p[0] != 0 ? smooth::gelu_tanh_df32(z) : smooth::gelu_df32(z);
  }
};

// log(sigmoid(x)) = -softplus(-x).
struct LogSigmoid {
  static double f(double z, const double*) {
    if (std::isnan(z)) return z;
    return (z < 0 ? z : 0.0) - std::log1p(std::exp(-std::fabs(z)));
  }
  static double df(double z, const double* p) { return Sigmoid::f(-z, p); }
};

// params: alpha.
struct Celu {
  static double f(double z, const double* p) { return smooth::celu_f(z, p[0]); }
  static double df(double z, const double* p) { return smooth::celu_df(z, p[0]); }
};

// params: b.
struct Squareplus {
  static double f(double z, const double* p) { return smooth::squareplus_f(z, p[0]); }
  static double df(double z, const double* p) { return smooth::squareplus_df(z, p[0]); }
};

// x - tanh(x), and tanh^2(x).
struct TanhShrink {
  static double f(double z, const double*) { return smooth::tanh_shrink_f(z); }
  static double df(double z, const double*) { return smooth::tanh_shrink_df(z); }
  static double f32(double z, const double*) { return smooth::tanh_shrink_f32(z); }
  static double df32(double z, const double*) { return smooth::tanh_shrink_df32(z); }
};

}  // namespace activations::kernels
