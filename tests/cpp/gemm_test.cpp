// The probe's two matrix products against a double-precision sum, on shapes that hit every
// edge of their blocks: rows not a multiple of 4, columns not a multiple of 8 (gemm) or 4
// (gemm_nt), and inner lengths not a multiple of 4.

#include "gemm.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <vector>

namespace activations::detail {
namespace {

// Deterministic values in [-1, 1) with no pattern a wrong index would still match.
std::vector<float> values(std::size_t count, unsigned salt) {
  std::vector<float> v(count);
  unsigned state = 2654435761u * (salt + 1);
  for (float& x : v) {
    state = state * 1664525u + 1013904223u;
    x = static_cast<float>(state >> 8) / static_cast<float>(1u << 23) - 1.0f;
  }
  return v;
}

// Checks c against sum_p a[r][p] * b(p, j) in double; float's error is at most about k ulps of
// the sum of the products' magnitudes.
template <typename B>
void expect_product(const std::vector<float>& a, B b, const std::vector<float>& c, std::size_t m,
                    std::size_t k, std::size_t n) {
  for (std::size_t r = 0; r < m; ++r) {
    for (std::size_t j = 0; j < n; ++j) {
      double exact = 0, magnitude = 0;
      for (std::size_t p = 0; p < k; ++p) {
        exact += static_cast<double>(a[r * k + p]) * b(p, j);
        magnitude += std::fabs(static_cast<double>(a[r * k + p]) * b(p, j));
      }
      const double tolerance = static_cast<double>(k + 2) * 0x1p-24 * magnitude;
      ASSERT_NEAR(c[r * n + j], exact, tolerance)
          << "m=" << m << " k=" << k << " n=" << n << " at (" << r << ", " << j << ")";
    }
  }
}

TEST(Gemm, MatchesADoubleSumOnEveryEdgeOfItsBlocks) {
  for (std::size_t m : {1, 2, 3, 4, 5, 9}) {
    for (std::size_t k : {1, 3, 4, 7, 16, 33}) {
      for (std::size_t n : {1, 5, 8, 11, 17}) {
        const auto a = values(m * k, 1), b = values(k * n, 2);
        std::vector<float> c(m * n, NAN);
        gemm(a.data(), b.data(), c.data(), m, k, n);
        expect_product(
            a, [&](std::size_t p, std::size_t j) { return double{b[p * n + j]}; }, c, m, k, n);
      }
    }
  }
}

TEST(GemmNt, MatchesADoubleSumOnEveryEdgeOfItsBlocks) {
  for (std::size_t m : {1, 2, 3, 4, 5, 9}) {
    for (std::size_t k : {1, 3, 4, 7, 16, 33}) {
      for (std::size_t n : {1, 2, 3, 4, 5, 11, 17}) {
        const auto a = values(m * k, 3), b = values(n * k, 4);  // b is n x k
        std::vector<float> c(m * n, NAN);
        gemm_nt(a.data(), b.data(), c.data(), m, k, n);
        expect_product(
            a, [&](std::size_t p, std::size_t j) { return double{b[j * k + p]}; }, c, m, k, n);
      }
    }
  }
}

TEST(GemmNt, WritesNothingOutsideC) {
  const std::size_t m = 5, k = 7, n = 6;
  const auto a = values(m * k, 5), b = values(n * k, 6);
  std::vector<float> c(m * n + 8, -7.0f);
  gemm_nt(a.data(), b.data(), c.data(), m, k, n);
  for (std::size_t i = m * n; i < c.size(); ++i) EXPECT_EQ(c[i], -7.0f);
}

}  // namespace
}  // namespace activations::detail
