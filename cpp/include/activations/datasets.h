#pragma once

// The lab's 2-D toy problems, generated from a seed. Points lie in [-6, 6]^2; labels are 0 or 1.
// circle, xor, gauss and spiral follow TensorFlow Playground's definitions; moons is two
// interleaving half circles.

#include <cstdint>
#include <string_view>
#include <vector>

namespace activations {

struct Point {
  double x1;
  double x2;
  double label;  // 0 or 1
};

inline constexpr std::string_view kDatasets[] = {"circle", "xor", "gauss", "spiral", "moons"};

// `noise` in [0, 0.5]; returns an empty vector for an unknown name.
std::vector<Point> make_dataset(std::string_view name, int samples, double noise,
                                std::uint64_t seed);

}  // namespace activations
