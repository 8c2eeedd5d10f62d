// The float32 kernels against the double core over a dense sweep of the whole float32 range.
//
// The truth is the double kernel at the float32 input (exact in double), rounded to float32: the
// double core is within a few double ULPs of the exact value (elementwise_reference_test.cpp),
// i.e. 2^-29 of a float32 ULP, so its rounding is the exact value's rounding except within
// 2^-45 of a midpoint, where ulp_distance_to_truth accepts either neighbour.
//
// Natively the kernels run on plain 4-float arrays with the same operations as the wasm SIMD
// build; tests/js/float32.test.mjs runs the same sweep on both wasm modules.

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "ulp.h"

namespace activations {
namespace {

using testing::ulp_distance;
using testing::ulp_distance_to_truth;

constexpr std::uint64_t kMaxUlp = 4;

// Every 4096th bit pattern (with a deterministic jitter in the low 12 bits, so mantissas are not
// all round), both signs: 2^20 points across the whole range, NaNs included. Then every 256th
// pattern with |z| in [2^-4, 2^7), where every function changes shape: 720,896 more. Then the
// special values.
std::vector<float> sweep_points() {
  std::vector<float> z;
  z.reserve((1u << 20) + 720896 + 32);
  for (std::uint32_t i = 0; i < (1u << 20); ++i) {
    const std::uint32_t jitter = (i * 2654435761u) >> 20;
    z.push_back(std::bit_cast<float>((i << 12) | jitter));
  }
  for (std::uint32_t sign : {0u, 0x80000000u}) {
    for (std::uint32_t b = 0x3d800000u; b < 0x43000000u; b += 256) {
      z.push_back(std::bit_cast<float>(sign | (b + ((b >> 8) & 255))));
    }
  }
  const float specials[] = {
      0.0f, -0.0f, std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
      std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::denorm_min(),
      -std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::min(),
      -std::numeric_limits<float>::min(), std::numeric_limits<float>::max(),
      -std::numeric_limits<float>::max(), 1.0f, -1.0f, 3.0f, -3.0f, 6.0f, 0.5f, -0.5f,
      88.72283935546875f, 88.7228470f, -87.33654785f, -103.972076f, -104.0f, -150.0f, 17.0f, -17.0f,
      9.0f, -9.0f,
      // SELU's scale z overflows from the float after this one.
      0x1.e74b3p+127f, 0x1.e74b32p+127f,
      // The every-float run's worst points that the grid above misses: Mish's f (4 ULP), SiLU's
      // f and f', squareplus's f' (default parameters).
      -0x1.aab886p-11f, -0x1.302076p+1f, -0x1.0bba3p-1f, -0x1.926684p-6f};
  z.insert(z.end(), std::begin(specials), std::end(specials));
  return z;
}

struct Case {
  std::string id;
  std::vector<NamedValue> params;
  std::string label;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& spec : registry()) {
    if (spec.kind != Kind::kElementwise) continue;
    out.push_back({std::string(spec.id), {}, std::string(spec.id)});
  }
  // Parameters that are not float32 numbers, and the other GELU.
  out.push_back({"elu", {{"alpha", 1.5}}, "elu alpha=1.5"});
  out.push_back({"elu", {{"alpha", 0.0}}, "elu alpha=0"});
  out.push_back({"gelu", {{"approximate", 1.0}}, "gelu approximate"});
  out.push_back({"leaky_relu", {{"negative_slope", 0.01}}, "leaky_relu 0.01"});
  out.push_back({"leaky_relu", {{"negative_slope", 1.5}}, "leaky_relu 1.5"});
  out.push_back({"celu", {{"alpha", 0.3}}, "celu alpha=0.3"});
  out.push_back({"squareplus", {{"b", 0.3}}, "squareplus b=0.3"});
  out.push_back({"soft_shrink", {{"threshold", 0.05}}, "soft_shrink 0.05"});
  out.push_back({"hard_shrink", {{"threshold", 0.05}}, "hard_shrink 0.05"});
  out.push_back({"threshold", {{"threshold", 0.3}, {"default_value", -1.7}}, "threshold 0.3 -1.7"});
  return out;
}

// A zero must keep the sign of the truth's float32 rounding: ELU(-0) is -0, as in the double
// core and TensorFlow. ulp_distance treats the two zeros as one.
bool zero_of_wrong_sign(float got, double want) {
  const float rounded = static_cast<float>(want);
  return got == 0 && rounded == 0 && std::signbit(got) != std::signbit(rounded);
}

struct Worst {
  std::uint64_t ulp = 0;
  float z = 0;
  float got = 0;
  double want = 0;
  void add(std::uint64_t u, float at, float g, double w) {
    if (u > ulp) *this = {u, at, g, w};
  }
};

TEST(Float32, WithinFourUlpOfTheTruthOverTheWholeRange) {
  const std::vector<float> z = sweep_points();
  const std::vector<double> zd(z.begin(), z.end());
  std::vector<float> f(z.size()), df(z.size()), f_only(z.size());
  std::vector<double> tf(z.size()), tdf(z.size());
  std::printf("%-22s %10s %8s %8s\n", "function", "points", "f ULP", "f' ULP");
  for (const Case& c : cases()) {
    ASSERT_TRUE(evaluate(c.id, c.params, std::span<const float>(z), f, df).ok()) << c.label;
    ASSERT_TRUE(evaluate_f(c.id, c.params, std::span<const float>(z), f_only).ok()) << c.label;
    ASSERT_TRUE(evaluate(c.id, c.params, zd, tf, tdf).ok()) << c.label;
    Worst wf, wdf;
    std::size_t differ = 0, wrong_zero = 0;
    for (std::size_t i = 0; i < z.size(); ++i) {
      wf.add(ulp_distance_to_truth(f[i], tf[i]), z[i], f[i], tf[i]);
      wdf.add(ulp_distance_to_truth(df[i], tdf[i]), z[i], df[i], tdf[i]);
      if (zero_of_wrong_sign(f[i], tf[i]) || zero_of_wrong_sign(df[i], tdf[i])) {
        if (wrong_zero++ == 0) {
          ADD_FAILURE() << c.label << " at z = " << std::hexfloat << z[i] << ": f = " << f[i]
                        << ", want " << tf[i] << "; f' = " << df[i] << ", want " << tdf[i];
        }
      }
      if (std::bit_cast<std::uint32_t>(f[i]) != std::bit_cast<std::uint32_t>(f_only[i]) &&
          !(std::isnan(f[i]) && std::isnan(f_only[i]))) {
        ++differ;
      }
    }
    std::printf("%-22s %10zu %8llu %8llu\n", c.label.c_str(), z.size(),
                static_cast<unsigned long long>(wf.ulp), static_cast<unsigned long long>(wdf.ulp));
    EXPECT_LE(wf.ulp, kMaxUlp) << c.label << " f at z = " << wf.z << " (" << std::hexfloat << wf.z
                               << "): got " << wf.got << ", want " << wf.want;
    EXPECT_LE(wdf.ulp, kMaxUlp) << c.label << " f' at z = " << wdf.z << " (" << std::hexfloat
                                << wdf.z << "): got " << wdf.got << ", want " << wdf.want;
    EXPECT_EQ(differ, 0u) << c.label << ": f alone differs from f with f'";
    EXPECT_EQ(wrong_zero, 0u) << c.label << ": zeros of the wrong sign";
  }
}

// Every float32, for the functions named in ACTIVATIONS_EXHAUSTIVE (comma-separated, each with
// its default parameters or one set as "id/name=value"; default: the bench's seven). Minutes per
// function: run by hand with --gtest_also_run_disabled_tests.
TEST(Float32, DISABLED_EveryFloatWithinFourUlp) {
  const char* env = std::getenv("ACTIVATIONS_EXHAUSTIVE");
  std::string list = env != nullptr ? env : "sigmoid,tanh,relu,elu,selu,softplus,exponential";
  constexpr std::size_t kChunk = 1u << 20;
  std::vector<float> z(kChunk), f(kChunk), df(kChunk);
  std::vector<double> zd(kChunk), tf(kChunk), tdf(kChunk);
  for (std::size_t start = 0, end; start < list.size(); start = end + 1) {
    end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    // An entry may set one parameter: "gelu/approximate=1".
    const std::string entry = list.substr(start, end - start);
    const std::size_t slash = entry.find('/');
    const std::string id = entry.substr(0, slash);
    std::vector<NamedValue> params;
    std::string param_name;
    if (slash != std::string::npos) {
      const std::size_t eq = entry.find('=', slash);
      ASSERT_NE(eq, std::string::npos) << "\"" << entry << "\": write id/name=value";
      param_name = entry.substr(slash + 1, eq - slash - 1);
      params.push_back({param_name, std::stod(entry.substr(eq + 1))});
    }
    Worst wf, wdf;
    for (std::uint64_t base = 0; base < (1ull << 32); base += kChunk) {
      for (std::size_t i = 0; i < kChunk; ++i) {
        z[i] = std::bit_cast<float>(static_cast<std::uint32_t>(base + i));
        zd[i] = z[i];
      }
      ASSERT_TRUE(evaluate(id, params, std::span<const float>(z), f, df).ok()) << entry;
      ASSERT_TRUE(evaluate(id, params, zd, tf, tdf).ok()) << entry;
      for (std::size_t i = 0; i < kChunk; ++i) {
        wf.add(ulp_distance_to_truth(f[i], tf[i]), z[i], f[i], tf[i]);
        wdf.add(ulp_distance_to_truth(df[i], tdf[i]), z[i], df[i], tdf[i]);
        if (zero_of_wrong_sign(f[i], tf[i]) || zero_of_wrong_sign(df[i], tdf[i])) {
          ADD_FAILURE() << entry << ": wrong sign of zero at z = " << std::hexfloat << z[i];
        }
      }
    }
    std::printf("%-12s every float32: f %llu ULP (at %a), f' %llu ULP (at %a)\n", entry.c_str(),
                static_cast<unsigned long long>(wf.ulp), wf.z,
                static_cast<unsigned long long>(wdf.ulp), wdf.z);
    EXPECT_LE(wf.ulp, kMaxUlp) << entry;
    EXPECT_LE(wdf.ulp, kMaxUlp) << entry;
  }
}

TEST(Float32, TailsGetTheSameBitsAsFullBlocks) {
  // 4 + 3 elements: the last three go through a padded block.
  const std::vector<float> z = {-2.5f, 0.25f, 7.0f, -0.0f, 1.5f, -40.0f, 0.75f};
  for (const auto& spec : registry()) {
    if (spec.kind != Kind::kElementwise) continue;
    std::vector<float> f(z.size()), df(z.size());
    ASSERT_TRUE(evaluate(spec.id, {}, std::span<const float>(z), f, df).ok());
    for (std::size_t i = 0; i < z.size(); ++i) {
      float one_f, one_df;
      ASSERT_TRUE(
          evaluate(spec.id, {}, std::span<const float>(&z[i], 1), {&one_f, 1}, {&one_df, 1}).ok());
      EXPECT_EQ(std::bit_cast<std::uint32_t>(one_f), std::bit_cast<std::uint32_t>(f[i]))
          << spec.id << " at " << z[i];
      EXPECT_EQ(std::bit_cast<std::uint32_t>(one_df), std::bit_cast<std::uint32_t>(df[i]))
          << spec.id << " at " << z[i];
    }
  }
}

// A threshold is compared with z: the float32 path must keep the double comparison wherever the
// threshold is, including thresholds below the smallest float32 and between two floats.
TEST(Float32, ThresholdsOfAnySizeKeepTheirComparisons) {
  const double thresholds[] = {
      1e-45,         -1e-46,        1e-39, -1e-39, 0x1p-100, 0x1p-75, 0x1p-60 + 0x1p-140,
      0.5 - 0x1p-54, 0.5 + 0x1p-53, 0.1,   -0.1,   1e-300,   -1e-300, 0x1p61,
      1e30};
  for (const char* id : {"soft_shrink", "hard_shrink", "threshold"}) {
    for (double t : thresholds) {
      if (t < 0 && id[0] != 't') continue;  // the shrinks take a threshold >= 0
      // The floats next to the threshold, next to its negative, and the smallest ones.
      std::vector<float> z = {0.0f,
                              -0.0f,
                              std::numeric_limits<float>::denorm_min(),
                              -std::numeric_limits<float>::denorm_min(),
                              1.0f,
                              -1.0f};
      for (double c : {t, -t}) {
        float near = static_cast<float>(c);
        for (int i = 0; i < 3; ++i) near = std::nextafter(near, -INFINITY);
        for (int i = 0; i < 7; ++i, near = std::nextafter(near, INFINITY)) z.push_back(near);
      }
      const std::vector<double> zd(z.begin(), z.end());
      const std::vector<NamedValue> params = {{"threshold", t}, {"default_value", -3.0}};
      const std::vector<NamedValue> used(params.begin(), params.begin() + (id[0] == 't' ? 2 : 1));
      std::vector<float> f(z.size()), df(z.size());
      std::vector<double> tf(z.size()), tdf(z.size());
      ASSERT_TRUE(evaluate(id, used, std::span<const float>(z), f, df).ok()) << id << " " << t;
      ASSERT_TRUE(evaluate(id, used, zd, tf, tdf).ok()) << id << " " << t;
      for (std::size_t i = 0; i < z.size(); ++i) {
        EXPECT_LE(ulp_distance_to_truth(f[i], tf[i]), 1u)
            << id << " threshold " << std::hexfloat << t << " f at z = " << z[i] << ": got " << f[i]
            << ", want " << tf[i];
        EXPECT_LE(ulp_distance_to_truth(df[i], tdf[i]), 0u)
            << id << " threshold " << std::hexfloat << t << " f' at z = " << z[i];
      }
    }
  }
}

TEST(Float32, ChecksSizes) {
  std::vector<float> z = {1, 2, 3}, f(3), df(2);
  EXPECT_EQ(evaluate("tanh", {}, std::span<const float>(z), f, df).culprit(), "df");
  EXPECT_EQ(evaluate_f("tanh", {}, std::span<const float>(z), std::span<float>(df)).culprit(), "f");
  EXPECT_EQ(evaluate("softmax", {}, std::span<const float>(z), f, f).code(),
            ErrorCode::kInvalidArgument);
}

TEST(Float32, VectorisedForTheDefaults) {
  for (const auto& spec : registry()) {
    if (spec.kind != Kind::kElementwise) continue;
    double p[kMaxParams] = {};
    for (std::size_t i = 0; i < spec.params.size(); ++i) p[i] = spec.params[i].default_value;
    EXPECT_TRUE(spec.vectorised32(p)) << spec.id;
  }
}

}  // namespace
}  // namespace activations
