#pragma once

#include <cstddef>

namespace activations {

// The Euclidean projection of x / temperature onto the probability simplex (Martins & Astudillo,
// 2016): max(z_i - tau, 0), with tau carried in double-double so that small probabilities are
// still accurate. Exact zeros outside the support; NaN anywhere gives NaN everywhere.
void sparsemax(const double* x, std::size_t n, double temperature, double* out);

// (delta_ij - 1/|S|) on the support S, 0 elsewhere, divided by the temperature.
void sparsemax_jacobian(const double* x, std::size_t n, double temperature, double* out);

}  // namespace activations
