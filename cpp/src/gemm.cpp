#include "gemm.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace activations::detail {
namespace {

#if defined(__wasm_simd128__)
using V4 = v128_t;
inline V4 load(const float* p) { return wasm_v128_load(p); }
inline void store(float* p, V4 v) { wasm_v128_store(p, v); }
inline V4 splat(float x) { return wasm_f32x4_splat(x); }
inline V4 zero() { return wasm_f32x4_splat(0.0f); }
inline V4 mul_add(V4 acc, V4 a, V4 b) { return wasm_f32x4_add(acc, wasm_f32x4_mul(a, b)); }
// The four lanes' sum, in the same order in both builds.
inline float sum(V4 v) {
  return (wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1)) +
         (wasm_f32x4_extract_lane(v, 2) + wasm_f32x4_extract_lane(v, 3));
}
#else
struct V4 {
  float v[4];
};
inline V4 load(const float* p) { return {{p[0], p[1], p[2], p[3]}}; }
inline void store(float* p, V4 x) {
  for (int i = 0; i < 4; ++i) p[i] = x.v[i];
}
inline V4 splat(float x) { return {{x, x, x, x}}; }
inline V4 zero() { return splat(0.0f); }
inline V4 mul_add(V4 acc, V4 a, V4 b) {
  for (int i = 0; i < 4; ++i) acc.v[i] = acc.v[i] + a.v[i] * b.v[i];
  return acc;
}
inline float sum(V4 x) { return (x.v[0] + x.v[1]) + (x.v[2] + x.v[3]); }
#endif

// Four rows of C, eight columns at a time: 8 accumulators, two loads of B and one broadcast of
// A per step.
void block_4x8(const float* a, const float* b, float* c, std::size_t k, std::size_t n,
               std::size_t rows, std::size_t col) {
  V4 acc[4][2];
  for (std::size_t r = 0; r < 4; ++r) acc[r][0] = acc[r][1] = zero();
  for (std::size_t p = 0; p < k; ++p) {
    const V4 b0 = load(b + p * n + col);
    const V4 b1 = load(b + p * n + col + 4);
    for (std::size_t r = 0; r < rows; ++r) {
      const V4 x = splat(a[r * k + p]);
      acc[r][0] = mul_add(acc[r][0], x, b0);
      acc[r][1] = mul_add(acc[r][1], x, b1);
    }
  }
  for (std::size_t r = 0; r < rows; ++r) {
    store(c + r * n + col, acc[r][0]);
    store(c + r * n + col + 4, acc[r][1]);
  }
}

// The columns left over when n is not a multiple of 8, one at a time.
void tail_columns(const float* a, const float* b, float* c, std::size_t k, std::size_t n,
                  std::size_t rows, std::size_t from) {
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t col = from; col < n; ++col) {
      float s = 0.0f;
      for (std::size_t p = 0; p < k; ++p) s = s + a[r * k + p] * b[p * n + col];
      c[r * n + col] = s;
    }
  }
}

// Four rows of C by four of its columns, for C = A * B^T: each entry is the dot product of a row
// of A and a row of B, both contiguous, so B needs no transposed copy. 16 accumulators, eight
// loads per step. The first k - k % 4 products go four lanes at a time, the rest one at a time.
// Columns past `cols` (at the right edge) repeat the first one and are not stored.
void block_nt_4x4(const float* a, const float* b, float* c, std::size_t k, std::size_t n,
                  std::size_t rows, std::size_t col, std::size_t cols) {
  const std::size_t wide = k - k % 4;
  V4 acc[4][4];
  for (auto& row : acc) row[0] = row[1] = row[2] = row[3] = zero();
  const float* bj[4];
  for (std::size_t j = 0; j < 4; ++j) bj[j] = b + (col + (j < cols ? j : 0)) * k;
  for (std::size_t p = 0; p < wide; p += 4) {
    const V4 x[4] = {load(bj[0] + p), load(bj[1] + p), load(bj[2] + p), load(bj[3] + p)};
    for (std::size_t r = 0; r < rows; ++r) {
      const V4 y = load(a + r * k + p);
      for (std::size_t j = 0; j < 4; ++j) acc[r][j] = mul_add(acc[r][j], y, x[j]);
    }
  }
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < cols; ++j) {
      float s = sum(acc[r][j]);
      for (std::size_t p = wide; p < k; ++p) s = s + a[r * k + p] * bj[j][p];
      c[r * n + col + j] = s;
    }
  }
}

}  // namespace

void gemm(const float* a, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n) {
  const std::size_t wide = n - n % 8;
  for (std::size_t row = 0; row < m; row += 4) {
    const std::size_t rows = m - row < 4 ? m - row : 4;
    const float* a_rows = a + row * k;
    float* c_rows = c + row * n;
    for (std::size_t col = 0; col < wide; col += 8) block_4x8(a_rows, b, c_rows, k, n, rows, col);
    tail_columns(a_rows, b, c_rows, k, n, rows, wide);
  }
}

void gemm_nt(const float* a, const float* b, float* c, std::size_t m, std::size_t k,
             std::size_t n) {
  for (std::size_t row = 0; row < m; row += 4) {
    const std::size_t rows = m - row < 4 ? m - row : 4;
    for (std::size_t col = 0; col < n; col += 4) {
      block_nt_4x4(a + row * k, b, c + row * n, k, n, rows, col, n - col < 4 ? n - col : 4);
    }
  }
}

void transpose(const float* in, float* out, std::size_t m, std::size_t n) {
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < n; ++j) out[j * m + i] = in[i * n + j];
  }
}

}  // namespace activations::detail
