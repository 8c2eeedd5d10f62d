#pragma once

// Piecewise-linear and piecewise-polynomial activations: the ReLU family, the "hard" ones used on
// mobile, Keras's sparse ones, and the shrinkage functions. Every piece is computed in a form that
// does not cancel near its roots (e.g. (x + 1.5) / 3, not x / 3 + 0.5). At a kink, f' is what
// TensorFlow's gradient returns. `nan` keeps NaN flowing through the comparisons.

#include <cmath>

namespace activations::kernels {

inline double keep_nan(double z, double value) { return std::isnan(z) ? z : value; }

struct Linear {
  static double f(double z, const double*) { return z; }
  static double df(double z, const double*) { return keep_nan(z, 1.0); }
};

// params: negative_slope. TF's LeakyReluGrad takes the slope at 0.
struct LeakyRelu {
  static double f(double z, const double* p) {
    if (z > 0) return z;
    return p[0] == 0 ? keep_nan(z, 0.0) : p[0] * z;  // 0 * -inf would be NaN; the limit is 0
  }
  static double df(double z, const double* p) { return z > 0 ? 1.0 : keep_nan(z, p[0]); }
};

// Relu6Grad passes the gradient only strictly inside (0, 6).
struct Relu6 {
  static double f(double z, const double*) {
    return z <= 0 ? 0.0 : (z >= 6 ? 6.0 : keep_nan(z, z));
  }
  static double df(double z, const double*) { return (z > 0 && z < 6) ? 1.0 : keep_nan(z, 0.0); }
};

// Keras 3: relu6(x + 3) / 6.
struct HardSigmoid {
  static double f(double z, const double*) {
    return z <= -3 ? 0.0 : (z >= 3 ? 1.0 : keep_nan(z, (z + 3.0) / 6.0));
  }
  static double df(double z, const double*) {
    return (z > -3 && z < 3) ? 1.0 / 6.0 : keep_nan(z, 0.0);
  }
};

// x * hard_sigmoid(x). Its slope (2x + 3) / 6 is written (x + 1.5) / 3, exact near its root;
// TF's product rule gives 0 at -3 and 1 at 3.
struct HardSilu {
  static double f(double z, const double*) {
    return z <= -3 ? 0.0 : (z >= 3 ? z : keep_nan(z, z * (z + 3.0) / 6.0));
  }
  static double df(double z, const double*) {
    if (z <= -3) return 0.0;
    if (z >= 3) return 1.0;
    return keep_nan(z, (z + 1.5) / 3.0);
  }
};

// clip(x, -1, 1). TF's ClipByValue gradient passes at the bounds themselves.
struct HardTanh {
  static double f(double z, const double*) {
    return z <= -1 ? -1.0 : (z >= 1 ? 1.0 : keep_nan(z, z));
  }
  static double df(double z, const double*) { return (z >= -1 && z <= 1) ? 1.0 : keep_nan(z, 0.0); }
};

struct SparsePlus {
  static double f(double z, const double*) {
    if (z <= -1) return 0.0;
    if (z >= 1) return z;
    const double u = z + 1.0;
    return keep_nan(z, u * u / 4.0);
  }
  static double df(double z, const double*) {
    return z <= -1 ? 0.0 : (z >= 1 ? 1.0 : keep_nan(z, (z + 1.0) / 2.0));
  }
};

// tf.where picks the flat branch at -1 and 1, so f' is 0 there.
struct SparseSigmoid {
  static double f(double z, const double*) {
    return z <= -1 ? 0.0 : (z >= 1 ? 1.0 : keep_nan(z, (z + 1.0) / 2.0));
  }
  static double df(double z, const double*) { return (z > -1 && z < 1) ? 0.5 : keep_nan(z, 0.0); }
};

// params: threshold. Zero on [-t, t], shifted identity outside; f' is 0 at +-t.
struct SoftShrink {
  static double f(double z, const double* p) {
    if (z > p[0]) return z - p[0];
    if (z < -p[0]) return z + p[0];
    return keep_nan(z, 0.0);
  }
  static double df(double z, const double* p) {
    return (z > p[0] || z < -p[0]) ? 1.0 : keep_nan(z, 0.0);
  }
};

// params: threshold. Identity where |x| > t, zero elsewhere: f itself jumps at +-t.
struct HardShrink {
  static double f(double z, const double* p) { return std::fabs(z) > p[0] ? z : keep_nan(z, 0.0); }
  static double df(double z, const double* p) {
    return std::fabs(z) > p[0] ? 1.0 : keep_nan(z, 0.0);
  }
};

// params: threshold, default_value. x where x > threshold, default_value elsewhere.
struct Threshold {
  static double f(double z, const double* p) { return z > p[0] ? z : keep_nan(z, p[1]); }
  static double df(double z, const double* p) { return z > p[0] ? 1.0 : keep_nan(z, 0.0); }
};

}  // namespace activations::kernels
