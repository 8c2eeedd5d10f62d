#pragma once

// Pieces of the careful kernels (smooth.cpp) that the fast forms (smooth_fast.cpp) use too.

namespace activations::kernels::smooth {

// The standard normal density at z, with z^2 carried exactly.
double normal_pdf(double z);

// The coefficients of x^3, x^5, ... in x - tanh x: -2^2n (2^2n - 1) B_2n / (2n)!, n = 2, 3, ...
inline constexpr double kTanhShrinkSeries[11] = {1.0 / 3,
                                                 -2.0 / 15,
                                                 17.0 / 315,
                                                 -62.0 / 2835,
                                                 1382.0 / 155925,
                                                 -21844.0 / 6081075,
                                                 929569.0 / 638512875,
                                                 -6404582.0 / 10854718875,
                                                 443861162.0 / 1856156927625,
                                                 -18888466084.0 / 194896477400625,
                                                 113927491862.0 / 2900518163668125};

// x - tanh x from its first six terms, for |x| < 1/16: the first dropped term is below 2^-56 of
// the sum.
double tanh_shrink_series(double a);

}  // namespace activations::kernels::smooth
