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

// Fast forms: plain double (and libm) where the careful kernels above carry double-double,
// each within 2^-40 relative of the exact value wherever that is not below float32's range
// (see fast.h for who uses them).
double gelu_fast(double z);
double gelu_fast_df(double z);
double gelu_tanh_fast(double z);
double gelu_tanh_fast_df(double z);
double tanh_shrink_fast(double z);
double tanh_shrink_fast_df(double z);
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
  static double fast_f(double z, const double* p) {
    return p[0] != 0 ? smooth::gelu_tanh_fast(z) : smooth::gelu_fast(z);
  }
  static double fast_df(double z, const double* p) {
    return p[0] != 0 ? smooth::gelu_tanh_fast_df(z) : smooth::gelu_fast_df(z);
  }
};

// log(sigmoid(x)) = -softplus(-x). Where e^-|z| underflows (z > 745) the truth is a tiny
// negative number: -0 - 0 rounds it to -0, as +0 - 0 would not.
struct LogSigmoid {
  static double f(double z, const double*) {
    if (std::isnan(z)) return z;
    return (z < 0 ? z : -0.0) - std::log1p(std::exp(-std::fabs(z)));
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
  static double fast_f(double z, const double*) { return smooth::tanh_shrink_fast(z); }
  static double fast_df(double z, const double*) { return smooth::tanh_shrink_fast_df(z); }
};

}  // namespace activations::kernels
