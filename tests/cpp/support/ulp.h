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

}  // namespace activations::testing
