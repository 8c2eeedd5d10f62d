#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace activations::testing {

inline constexpr std::uint64_t kInfiniteUlp = std::numeric_limits<std::uint64_t>::max();

// Number of doubles between a and b (+0 and -0 count as one). NaN matches only NaN; an infinity
// matches only itself, so a finite truth answered with inf is an overflow, not "1 ULP".
inline std::uint64_t ulp_distance(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0 : kInfiniteUlp;
  if (std::isinf(a) || std::isinf(b)) return a == b ? 0 : kInfiniteUlp;
  const auto key = [](double x) {
    const auto bits = std::bit_cast<std::int64_t>(x);
    return bits >= 0 ? bits : -(bits & std::numeric_limits<std::int64_t>::max());
  };
  const std::int64_t ka = key(a);
  const std::int64_t kb = key(b);
  return ka >= kb ? static_cast<std::uint64_t>(ka) - static_cast<std::uint64_t>(kb)
                  : static_cast<std::uint64_t>(kb) - static_cast<std::uint64_t>(ka);
}

// Number of floats between a and b, with the same conventions.
inline std::uint64_t ulp_distance(float a, float b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0 : kInfiniteUlp;
  if (std::isinf(a) || std::isinf(b)) return a == b ? 0 : kInfiniteUlp;
  const auto key = [](float x) -> std::int64_t {
    const auto bits = std::bit_cast<std::int32_t>(x);
    return bits >= 0 ? bits
                     : -static_cast<std::int64_t>(bits & std::numeric_limits<std::int32_t>::max());
  };
  const std::int64_t d = key(a) - key(b);
  return static_cast<std::uint64_t>(d >= 0 ? d : -d);
}

// ULPs between a float32 result and the float32 rounding of `truth`, a double within a few double
// ULPs of the exact value. Where truth lies so close to the midpoint between two floats that its
// own error could decide the rounding (within 2^-45 relative: one double in 2^21 near a
// float32), either neighbour counts as the rounded truth.
inline std::uint64_t ulp_distance_to_truth(float got, double truth) {
  const float nearest = static_cast<float>(truth);
  std::uint64_t d = ulp_distance(got, nearest);
  if (!std::isfinite(truth) || static_cast<double>(nearest) == truth) return d;
  const float other = std::nextafter(nearest, static_cast<double>(nearest) < truth
                                                  ? std::numeric_limits<float>::infinity()
                                                  : -std::numeric_limits<float>::infinity());
  if (!std::isfinite(other)) return d;
  const double mid = (static_cast<double>(nearest) + static_cast<double>(other)) / 2;
  if (std::fabs(truth - mid) <= 0x1p-45 * std::fabs(truth)) {
    const std::uint64_t d2 = ulp_distance(got, other);
    if (d2 < d) d = d2;
  }
  return d;
}

}  // namespace activations::testing
