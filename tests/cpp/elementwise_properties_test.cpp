// Properties the reference points do not pin down on their own: the derivative conventions at
// kinks, NaN propagation, monotonicity on a dense grid, and f' being the derivative of f.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "activations/registry.h"

namespace activations {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double inf() { return std::numeric_limits<double>::infinity(); }

struct Point {
  double f;
  double df;
};

Point eval(std::string_view id, double z, std::vector<NamedValue> params = {}) {
  Point p{};
  const Status status = evaluate(id, params, {&z, 1}, {&p.f, 1}, {&p.df, 1});
  EXPECT_TRUE(status.ok()) << status.message();
  return p;
}

TEST(Kinks, ReluDerivativeAtZeroIsZero) {
  EXPECT_EQ(eval("relu", 0.0).df, 0.0);
  EXPECT_EQ(eval("relu", -0.0).df, 0.0);
  EXPECT_EQ(eval("relu", 0.0).f, 0.0);
}

TEST(Kinks, EluDerivativeAtZeroIsAlpha) {
  EXPECT_EQ(eval("elu", 0.0).df, 1.0);
  EXPECT_EQ(eval("elu", 0.0, {{"alpha", 1.5}}).df, 1.5);
  EXPECT_EQ(eval("elu", 0.0, {{"alpha", 0.25}}).df, 0.25);
  EXPECT_EQ(eval("elu", 0.0, {{"alpha", 1.5}}).f, 0.0);
}

TEST(Kinks, SeluDerivativeAtZeroIsScale) {
  const auto& constants = find_activation("selu")->constants;
  ASSERT_EQ(constants.size(), 2u);
  EXPECT_EQ(eval("selu", 0.0).df, constants[1].value);
  EXPECT_EQ(eval("selu", 0.0).f, 0.0);
  // Just left of 0 the slope is scale * alpha.
  EXPECT_NEAR(eval("selu", -1e-12).df, constants[0].value * constants[1].value, 1e-11);
}

TEST(NaN, PropagatesThroughEveryFunction) {
  for (const auto& spec : registry()) {
    if (spec.kind != Kind::kElementwise) continue;
    const Point p = eval(spec.id, kNaN);
    EXPECT_TRUE(std::isnan(p.f)) << spec.id;
    EXPECT_TRUE(std::isnan(p.df)) << spec.id;
  }
}

TEST(Monotonic, NonDecreasingWithNonNegativeDerivative) {
  for (const auto& spec : registry()) {
    if (spec.kind != Kind::kElementwise || !spec.monotonic) continue;
    double previous = -std::numeric_limits<double>::infinity();
    for (double z = -60.0; z <= 60.0; z += 1.0 / 64) {
      const Point p = eval(spec.id, z);
      EXPECT_GE(p.f, previous) << spec.id << " at z=" << z;
      EXPECT_GE(p.df, 0.0) << spec.id << " at z=" << z;
      previous = p.f;
    }
  }
}

// Central differences agree with f' for every function with its default parameters (and GELU's
// tanh form), away from the points where f or f' jumps.
TEST(Derivative, MatchesCentralDifferences) {
  std::vector<std::pair<const ActivationSpec*, std::vector<NamedValue>>> cases;
  for (const auto& spec : registry()) {
    if (spec.kind == Kind::kElementwise) cases.push_back({&spec, {}});
  }
  cases.push_back({find_activation("gelu"), {{"approximate", 1.0}}});
  cases.push_back({find_activation("elu"), {{"alpha", 1.5}}});
  for (const auto& [spec, params] : cases) {
    Resolved r;
    ASSERT_TRUE(resolve(spec->id, params, r).ok());
    for (double z = -8.0; z <= 8.0; z += 0.37) {
      const bool near_kink =
          std::any_of(spec->kinks.begin(), spec->kinks.end(),
                      [&](const Kink& k) { return std::fabs(z - k.at(r.params.data())) < 1e-3; });
      if (near_kink || std::fabs(z) < 1e-3) continue;
      const double h = 1e-6;
      const double numeric =
          (eval(spec->id, z + h, params).f - eval(spec->id, z - h, params).f) / (2 * h);
      const double exact = eval(spec->id, z, params).df;
      EXPECT_NEAR(numeric, exact, 1e-6 * std::max(1.0, std::fabs(exact)))
          << spec->id << " at z=" << z;
    }
  }
}

TEST(Limits, InfiniteInputsGiveTheFunctionsLimits) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(eval("sigmoid", inf).f, 1.0);
  EXPECT_EQ(eval("sigmoid", -inf).f, 0.0);
  EXPECT_EQ(eval("tanh", -inf).f, -1.0);
  EXPECT_EQ(eval("elu", -inf, {{"alpha", 1.5}}).f, -1.5);
  EXPECT_EQ(eval("softsign", inf).f, 1.0);
  EXPECT_EQ(eval("softsign", -inf).f, -1.0);
  EXPECT_EQ(eval("softplus", -inf).f, 0.0);
  EXPECT_EQ(eval("softplus", inf).f, inf);
  EXPECT_EQ(eval("exponential", -inf).f, 0.0);
  for (const char* id : {"sigmoid", "tanh", "softsign"}) {
    EXPECT_EQ(eval(id, inf).df, 0.0) << id;
    EXPECT_EQ(eval(id, -inf).df, 0.0) << id;
  }
}

// A zero result keeps the sign of the value it rounds: ELU(-0) = -0 as in TensorFlow, and
// log-sigmoid, always negative, is -0 once it underflows. ulp_distance cannot see this.
TEST(Limits, ZerosHaveTheSignOfTheTruth) {
  struct Case {
    const char* id;
    double z;
    bool negative;
  };
  const Case cases[] = {
      {"elu", -0.0, true},          {"selu", -0.0, true},          {"celu", -0.0, true},
      {"tanh", -0.0, true},         {"silu", -0.0, true},          {"gelu", -0.0, true},
      {"log_sigmoid", 800.0, true}, {"log_sigmoid", inf(), true},  {"silu", -800.0, true},
      {"gelu", -50.0, true},        {"elu", 0.0, false},           {"sigmoid", -800.0, false},
      {"softplus", -800.0, false},  {"exponential", -800.0, false}};
  for (const Case& c : cases) {
    const double f = eval(c.id, c.z).f;
    EXPECT_EQ(f, 0.0) << c.id << " at " << c.z;
    EXPECT_EQ(std::signbit(f), c.negative) << c.id << " at " << c.z;
  }
}

// Squareplus where x^2 + b overflows: |x| beyond 1e150, or b beyond 1e300 up to DBL_MAX (found by
// fuzzing; the mpmath rows for b = 1e300, 3e305 and DBL_MAX check the values to 4 ULP). Here, on
// a wider set of points, the exact identities f(x) f(-x) = b / 4 and f(x) - f(-x) = x, f(0) =
// sqrt(b) / 2, f' in [0, 1] and f' (x) + f'(-x) = 1.
TEST(Squareplus, HugeInputsAndParameters) {
  const double max = std::numeric_limits<double>::max();
  const double b_values[] = {4.0, 1e290, 1e300, 3e305, max};
  const double z_values[] = {0.0,   1e-300, 1.0,   1e140, 1e150, 1.0000000000000002e150,
                             3e151, 1e154,  1e160, 1e200, 1e300, max};
  for (double b : b_values) {
    const std::vector<NamedValue> params = {{"b", b}};
    EXPECT_NEAR(eval("squareplus", 0.0, params).f, std::sqrt(b) / 2, 2e-16 * std::sqrt(b)) << b;
    double previous = 0;
    for (double z : z_values) {
      const Point up = eval("squareplus", z, params);
      const Point down = eval("squareplus", -z, params);
      const std::string at = "b=" + std::to_string(b) + " z=" + std::to_string(z);
      ASSERT_TRUE(std::isfinite(up.f) && std::isfinite(down.f)) << at;
      EXPECT_GE(up.f, previous) << at;
      previous = up.f;
      EXPECT_TRUE(up.df >= 0 && up.df <= 1 && down.df >= 0 && down.df <= 1) << at;
      EXPECT_NEAR(up.df + down.df, 1.0, 4e-16) << at;
      // Products and differences of two values within 4 ULP each.
      const double product = (up.f / 2) * (down.f / 2);  // halved: up.f can be near DBL_MAX
      if (down.f > 1e-290) {
        EXPECT_NEAR(product / (b / 16), 1.0, 2e-15) << at;
      }
      EXPECT_NEAR(up.f - down.f, z, 2e-15 * up.f) << at;
    }
  }
}

// CELU with alpha near DBL_MAX (found by fuzzing): at z = -DBL_MAX, z / alpha is just beyond -1,
// and q alpha rounded beyond DBL_MAX, which made f' infinite instead of e^-1.
TEST(Celu, HugeAlpha) {
  const double max = std::numeric_limits<double>::max();
  for (double alpha : {std::nextafter(max, 0.0), max, 1e300, 1e290}) {
    const std::vector<NamedValue> params = {{"alpha", alpha}};
    const double z = -alpha * (1 + 0x1p-52);  // -alpha rounded up: just beyond -alpha
    const Point p = eval("celu", std::max(z, -max), params);
    EXPECT_NEAR(p.df, std::exp(std::max(z, -max) / alpha), 1e-16) << alpha;
    EXPECT_TRUE(std::isfinite(p.f)) << alpha;
    // A tiny z, whose quotient by alpha underflows: f = z (it was -0), f' = 1.
    EXPECT_EQ(eval("celu", -1e-300, params).f, -1e-300) << alpha;
    EXPECT_EQ(eval("celu", -1e-300, params).df, 1.0) << alpha;
  }
}

}  // namespace
}  // namespace activations
