#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "activations/registry.h"
#include "reference.h"
#include "ulp.h"

namespace activations::testing {
namespace {

constexpr std::uint64_t kMaxUlp = 4;

std::vector<double> softmax_of(const std::vector<double>& x, double t = 1.0) {
  std::vector<double> out(x.size());
  const std::vector<NamedValue> params = {{"temperature", t}};
  const Status s = apply("softmax", params, x, out);
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

std::vector<double> jacobian_of(const std::vector<double>& x, double t = 1.0) {
  std::vector<double> out(x.size() * x.size());
  const std::vector<NamedValue> params = {{"temperature", t}};
  const Status s = jacobian("softmax", params, x, out);
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

// softmax, log_softmax and sparsemax against mpmath (sparsemax in exact rationals).
TEST(VectorReference, OutputsAndJacobiansWithinFourUlp) {
  const auto cases = read_vector(reference_path("vector.tsv"));
  ASSERT_GT(cases.size(), 400u);
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> worst;
  for (const auto& c : cases) {
    const std::vector<NamedValue> params = {{"temperature", c.temperature}};
    std::vector<double> y(c.logits.size());
    std::vector<double> j(y.size() * y.size());
    ASSERT_TRUE(apply(c.id, params, c.logits, y).ok());
    ASSERT_TRUE(jacobian(c.id, params, c.logits, j).ok());
    auto& [wy, wj] = worst[c.id];
    for (std::size_t i = 0; i < y.size(); ++i) {
      const auto u = ulp_distance(y[i], c.output[i]);
      wy = std::max(wy, u);
      EXPECT_LE(u, kMaxUlp) << c.id << " y[" << i << "] T=" << c.temperature << " n=" << y.size()
                            << " got " << y[i] << " want " << c.output[i];
    }
    for (std::size_t k = 0; k < j.size(); ++k) {
      const auto u = ulp_distance(j[k], c.jacobian[k]);
      wj = std::max(wj, u);
      EXPECT_LE(u, kMaxUlp) << c.id << " J[" << k << "] T=" << c.temperature << " n=" << y.size();
    }
  }
  for (const auto& [id, w] : worst) {
    std::cout << "[ max ulp  ] " << id << " " << w.first << ", jacobian " << w.second << "\n";
  }
}

TEST(Softmax, SumsToOneAndRowsOfTheJacobianSumToZero) {
  const std::vector<double> x = {3.0, -1.0, 0.5, 12.0, -7.25};
  for (double t : {0.1, 1.0, 4.0}) {
    const auto s = softmax_of(x, t);
    EXPECT_NEAR(std::accumulate(s.begin(), s.end(), 0.0), 1.0, 4e-16);
    const auto j = jacobian_of(x, t);
    for (std::size_t i = 0; i < x.size(); ++i) {
      double row = 0;
      for (std::size_t k = 0; k < x.size(); ++k) row += j[i * x.size() + k];
      EXPECT_NEAR(row, 0.0, 1e-16 / t) << "row " << i << " T=" << t;
      for (std::size_t k = 0; k < x.size(); ++k) {
        EXPECT_EQ(j[i * x.size() + k], j[k * x.size() + i]) << "not symmetric";
      }
    }
  }
}

// The source's s(1 - s) is the diagonal only: off the diagonal the entries are -s_i s_j.
TEST(Softmax, DiagonalIsSTimesOneMinusS) {
  const std::vector<double> x = {1.0, 2.0, 3.0};
  const auto s = softmax_of(x);
  const auto j = jacobian_of(x);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(j[i * 3 + i], s[i] * (1 - s[i]), 1e-16);
    for (std::size_t k = 0; k < 3; ++k) {
      if (k != i) {
        EXPECT_NEAR(j[i * 3 + k], -s[i] * s[k], 1e-16);
      }
    }
  }
}

TEST(Softmax, ShiftInvariantAndStableForHugeLogits) {
  const auto a = softmax_of({1.0, 2.0, 3.0});
  const auto b = softmax_of({1001.0, 1002.0, 1003.0});
  for (std::size_t i = 0; i < 3; ++i) EXPECT_LE(ulp_distance(a[i], b[i]), 2u);
  const auto c = softmax_of({1e308, -1e308, 1.7976931348623157e308});
  for (double v : c) EXPECT_TRUE(std::isfinite(v));
}

TEST(Softmax, TemperatureLimits) {
  const std::vector<double> x = {1.0, 3.0, 2.0};
  const auto cold = softmax_of(x, 1e-300);
  EXPECT_EQ(cold, (std::vector<double>{0.0, 1.0, 0.0}));
  const auto hot = softmax_of(x, 1e300);
  for (double v : hot) EXPECT_DOUBLE_EQ(v, 1.0 / 3);
}

TEST(Softmax, SpecialValues) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(softmax_of({inf, 0.0, inf}), (std::vector<double>{0.5, 0.0, 0.5}));
  EXPECT_EQ(softmax_of({-inf, -inf}), (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(softmax_of({-inf, 0.0}), (std::vector<double>{0.0, 1.0}));
  for (double v : softmax_of({1.0, nan, 2.0})) EXPECT_TRUE(std::isnan(v));
  for (double v : jacobian_of({1.0, nan})) EXPECT_TRUE(std::isnan(v));
  EXPECT_TRUE(softmax_of({}).empty());
}

}  // namespace
}  // namespace activations::testing

namespace activations {
namespace {

// Temperatures from 1e290 up (found by fuzzing): x / T is split into quotient and remainder
// with scaled factors, since two_prod cannot split them; and at 2^1024, x - max(x) overflows and
// is halved, T with it. Scaling x and T by the same power of two changes nothing in exact
// arithmetic, and must change nothing here either: the same outputs as at T = 0.1, bit for bit.
// (The mpmath rows at T = 1e290 to DBL_MAX check the values.)
TEST(VectorFamily, HugeTemperaturesMatchTheSameProblemScaledDown) {
  const std::vector<double> x = {0.30000000000000004, 0.1, 0.27, -0.9, 0.29};
  const std::vector<NamedValue> small = {{"temperature", 0.1}};
  for (const char* id : {"softmax", "log_softmax", "sparsemax"}) {
    std::vector<double> want(x.size());
    ASSERT_TRUE(apply(id, small, x, want).ok());
    for (int e : {967, 1000, 1020, 1024}) {  // T from 1.5e290 to 1.8e307
      std::vector<double> scaled(x.size());
      for (std::size_t i = 0; i < x.size(); ++i) scaled[i] = std::ldexp(x[i], e);
      const std::vector<NamedValue> huge = {{"temperature", std::ldexp(0.1, e)}};
      std::vector<double> got(x.size());
      ASSERT_TRUE(apply(id, huge, scaled, got).ok());
      EXPECT_EQ(got, want) << id << " T=0.1*2^" << e;
    }
  }
}

// Entries more than DBL_MAX below the largest (found by fuzzing: every output was 0): z - max(z)
// overflows there, and those entries lie far outside the support.
TEST(VectorFamily, EntriesMoreThanDblMaxBelowTheLargest) {
  const double max = std::numeric_limits<double>::max();
  const double inf = std::numeric_limits<double>::infinity();
  struct Case {
    std::vector<double> x, want;
  };
  const Case cases[] = {
      {{-max, -999.92639851006345, 9.6329950730354636e298, -inf, -max}, {0, 0, 1, 0, 0}},
      {{-max, 1e299, 1e299, -1.5e308}, {0, 0.5, 0.5, 0}},
      {{max, -max, 0.0}, {1, 0, 0}},
  };
  const std::vector<NamedValue> params = {{"temperature", 1.0}};
  for (const Case& c : cases) {
    for (const char* id : {"softmax", "sparsemax"}) {
      std::vector<double> out(c.x.size());
      ASSERT_TRUE(apply(id, params, c.x, out).ok());
      EXPECT_EQ(out, c.want) << id;
    }
  }
}

// A temperature so small that z = x / T is near 1e300: the outputs (of order 1) are below even
// double-double's resolution next to z, unless the projection works relative to max(z).
TEST(Sparsemax, TinyTemperaturesStillGiveTheArgMax) {
  const std::vector<double> x = {1, 2, 3};
  for (double t : {1e-300, 1e-320, 5e-324, 1e-200}) {
    std::vector<double> out(3);
    const std::vector<NamedValue> params = {{"temperature", t}};
    ASSERT_TRUE(apply("sparsemax", params, x, out).ok());
    EXPECT_EQ(out, (std::vector<double>{0, 0, 1})) << t;
  }
}

}  // namespace
}  // namespace activations
