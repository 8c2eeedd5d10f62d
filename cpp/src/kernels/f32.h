#pragma once

// The float32 batch kernels of the elementwise functions: four lanes at a time (WebAssembly
// SIMD, or the same operations on plain arrays; see simd4.h), within 4 float32 ULP of the exact
// value for every float32 input. K is the double kernel of lesson.h, piecewise.h or smooth.h; a
// function without a vectorised form (or with parameters outside the range its vectorised form
// handles) runs the double kernel element by element and rounds the result.

#include <cstddef>

namespace activations::kernels::f32 {

// f and f' at every z (f and df have n elements).
template <class K>
void batch(const float* z, std::size_t n, const double* params, float* f, float* df);

// f alone.
template <class K>
void values(const float* z, std::size_t n, const double* params, float* f);

// Whether batch<K> and values<K> are vectorised for these parameters.
template <class K>
bool vectorised(const double* params);

}  // namespace activations::kernels::f32
