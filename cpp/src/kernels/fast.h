#pragma once

// A kernel's fast form, where it has one (K::fast_f and K::fast_df: GELU and tanh_shrink, in
// smooth.h), and its careful f and f' otherwise. The careful kernels aim at a few double ULPs,
// and GELU's and tanh_shrink's carry double-double for it; the fast forms are within 2^-40
// relative, which is all a training step (the trainer) can use, at 4 to 13 times the speed.

namespace activations::kernels {

template <class K>
concept HasFastForm = requires(double z, const double* p) {
  K::fast_f(z, p);
  K::fast_df(z, p);
};

template <class K>
double fast_f(double z, const double* p) {
  if constexpr (HasFastForm<K>) {
    return K::fast_f(z, p);
  } else {
    return K::f(z, p);
  }
}

template <class K>
double fast_df(double z, const double* p) {
  if constexpr (HasFastForm<K>) {
    return K::fast_df(z, p);
  } else {
    return K::df(z, p);
  }
}

}  // namespace activations::kernels
