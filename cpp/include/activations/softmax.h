#pragma once

#include <cstddef>

namespace activations {

// softmax(x / temperature), computed so that every output is within a few ULP of the truth for
// any finite logits: the shifted, scaled exponent is carried in double-double.
// NaN anywhere gives NaN everywhere; +inf logits share the mass; all -inf gives a uniform vector.
void softmax(const double* x, std::size_t n, double temperature, double* out);

// d softmax_i / d x_j = s_i (delta_ij - s_j) / temperature, row-major n*n.
void softmax_jacobian(const double* x, std::size_t n, double temperature, double* out);

// log softmax(x / temperature), without ever taking the log of a rounded probability:
// (x_i - m) / T - log1p(sum over the others of exp((x_j - m) / T)).
void log_softmax(const double* x, std::size_t n, double temperature, double* out);

// d log_softmax_i / d x_j = (delta_ij - s_j) / temperature.
void log_softmax_jacobian(const double* x, std::size_t n, double temperature, double* out);

}  // namespace activations
