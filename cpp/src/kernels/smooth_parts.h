#pragma once

// Pieces of the careful kernels (smooth.cpp) that the fast forms (smooth_fast.cpp) use too.

namespace activations::kernels::smooth {

// The standard normal density at z, with z^2 carried exactly.
double normal_pdf(double z);

// x - tanh x from its series, for |x| < 1/16: the first dropped term is below 2^-56 of the sum.
double tanh_shrink_series(double a);

}  // namespace activations::kernels::smooth
