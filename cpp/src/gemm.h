#pragma once

// C = A * B for float32 row-major matrices (A: m x k, B: k x n, C: m x n), the one operation the
// network probe spends its time in. With wasm SIMD it runs four lanes at a time; natively the
// same code runs on plain 4-float arrays in the same order, so both builds give the same bits.

#include <cstddef>

namespace activations::detail {

void gemm(const float* a, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n);

// C = A * B^T (A: m x k, B: n x k, C: m x n), without a transposed copy of B. In wasm it is
// about 10 % slower than gemm, and a 128 x 128 transpose costs as much as gemm on 8 rows: for a
// few rows, gemm_nt is faster than transpose and gemm; for many, slower.
void gemm_nt(const float* a, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n);

// out (n x m) = in (m x n) transposed.
void transpose(const float* in, float* out, std::size_t m, std::size_t n);

}  // namespace activations::detail
