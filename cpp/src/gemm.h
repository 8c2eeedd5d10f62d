#pragma once

// C = A * B for float32 row-major matrices (A: m x k, B: k x n, C: m x n), the one operation the
// network probe spends its time in. With wasm SIMD it runs four lanes at a time; natively the
// same code runs on plain 4-float arrays in the same order, so both builds give the same bits.

#include <cstddef>

namespace activations::detail {

void gemm(const float* a, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n);

// out (n x m) = in (m x n) transposed.
void transpose(const float* in, float* out, std::size_t m, std::size_t n);

}  // namespace activations::detail
