// The float32 kernels' building blocks where one is meant to equal another bit for bit.
#include "f32_math.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>

namespace {

using activations::simd::F4;

float from_bits(std::uint32_t b) {
  float f;
  std::memcpy(&f, &b, sizeof f);
  return f;
}
std::uint32_t to_bits(float f) {
  std::uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}

// exp_lean_neg(x) is exp_lean(-x) without the negation: the same bits wherever exp_lean(-x) is
// valid (|x| <= 87, the lean range of its callers) and for NaN.
TEST(Float32Math, ExpLeanNegIsExpLeanOfMinusX) {
  float zs[4];
  float a[4];
  float b[4];
  std::uint64_t checked = 0;
  for (std::uint64_t base = 0; base < (1ull << 32); base += 4 * 61) {
    for (int l = 0; l < 4; ++l) {
      float z = from_bits(static_cast<std::uint32_t>(base + 61 * l));
      if (std::fabs(z) > 87.0f) z = std::fmod(z, 87.0f);
      zs[l] = z;
    }
    const F4 x = activations::simd::load(zs);
    activations::simd::store(a, activations::simd::exp_lean_neg(x));
    activations::simd::store(b, activations::simd::exp_lean(-x));
    for (int l = 0; l < 4; ++l) {
      if (std::isnan(zs[l])) {
        ASSERT_TRUE(std::isnan(a[l])) << zs[l];
        continue;
      }
      ASSERT_EQ(to_bits(a[l]), to_bits(b[l])) << "z = " << zs[l];
      ++checked;
    }
  }
  EXPECT_GT(checked, 60'000'000u);
}

// exp_d(y) is e^y to about 2^-26 relative for y in double (not only float32 values): the GELU
// kernels' exponents carry a low part that exp_d must not drop (up to 2^-24 |y|).
TEST(Float32Math, ExpDKeepsTheLowPartOfItsArgument) {
  double worst = 0;
  double at = 0;
  std::uint64_t checked = 0;
  for (double y0 = -120.0; y0 <= 88.0; y0 += 0x1p-7) {
    double ys[4];
    double got[4];
    // y0 plus a part below float32's precision: up to 0.49 of y0's float32 ULP.
    const double ulp = std::ldexp(1.0, std::ilogb(y0 == 0 ? 1.0 : y0) - 23);
    for (int l = 0; l < 4; ++l) ys[l] = y0 + (0.49 * l / 3) * ulp;
    const activations::simd::D4 y = {{ys[0], ys[1], ys[2], ys[3]}};
    const activations::simd::D4 e = activations::simd::exp_d(y);
    for (int l = 0; l < 4; ++l) {
      got[l] = e.v[l];
      const double rel = std::fabs(got[l] / std::exp(ys[l]) - 1);
      if (rel > worst) {
        worst = rel;
        at = ys[l];
      }
      ++checked;
    }
  }
  EXPECT_LE(worst, 0x1p-25) << "at y = " << at;
  EXPECT_GT(checked, 100'000u);
}

}  // namespace
