#include "activations/datasets.h"

#include <cmath>

#include "activations/random.h"

namespace activations {
namespace {

constexpr double kPi = 3.141592653589793;

double uniform(Random& rng, double a, double b) { return a + (b - a) * rng.uniform(); }

// Two concentric classes: inside radius 2.5 and a ring from 3.5 to 5; the label follows the
// noisy position, as in the Playground.
void circle(std::vector<Point>& out, int n, double noise, Random& rng) {
  constexpr double kRadius = 5;
  for (int i = 0; i < n; ++i) {
    const bool inner = i < n / 2;
    const double r = inner ? uniform(rng, 0, kRadius * 0.5) : uniform(rng, kRadius * 0.7, kRadius);
    const double angle = uniform(rng, 0, 2 * kPi);
    const double x = r * std::sin(angle) + uniform(rng, -kRadius, kRadius) * noise;
    const double y = r * std::cos(angle) + uniform(rng, -kRadius, kRadius) * noise;
    out.push_back({x, y, std::hypot(x, y) < kRadius * 0.5 ? 1.0 : 0.0});
  }
}

void xor_points(std::vector<Point>& out, int n, double noise, Random& rng) {
  constexpr double kPadding = 0.3;
  for (int i = 0; i < n; ++i) {
    double x = uniform(rng, -5, 5);
    double y = uniform(rng, -5, 5);
    x += x > 0 ? kPadding : -kPadding;
    y += y > 0 ? kPadding : -kPadding;
    const double label = x * y >= 0 ? 1.0 : 0.0;
    out.push_back({x + uniform(rng, -5, 5) * noise, y + uniform(rng, -5, 5) * noise, label});
  }
}

// Two Gaussian blobs at (2, 2) and (-2, -2); noise widens them (variance 0.5 to 4).
void gauss(std::vector<Point>& out, int n, double noise, Random& rng) {
  const double sd = std::sqrt(0.5 + noise / 0.5 * 3.5);
  for (int i = 0; i < n; ++i) {
    const bool positive = i < n / 2;
    const double c = positive ? 2 : -2;
    out.push_back({c + sd * rng.normal(), c + sd * rng.normal(), positive ? 1.0 : 0.0});
  }
}

void spiral(std::vector<Point>& out, int n, double noise, Random& rng) {
  const int half = n / 2;
  for (int arm = 0; arm < 2; ++arm) {
    const int count = arm == 0 ? half : n - half;
    for (int i = 0; i < count; ++i) {
      const double r = static_cast<double>(i) / count * 5;
      const double t = 1.75 * i / count * 2 * kPi + (arm == 0 ? 0 : kPi);
      out.push_back({r * std::sin(t) + uniform(rng, -1, 1) * noise,
                     r * std::cos(t) + uniform(rng, -1, 1) * noise, arm == 0 ? 1.0 : 0.0});
    }
  }
}

// Two interleaving half circles (radius 2.5), shifted and centred in the square.
void moons(std::vector<Point>& out, int n, double noise, Random& rng) {
  constexpr double kRadius = 2.5;
  for (int i = 0; i < n; ++i) {
    const bool upper = i < n / 2;
    const double t = uniform(rng, 0, kPi);
    double x = kRadius * std::cos(t);
    double y = kRadius * std::sin(t);
    if (!upper) {
      x = kRadius - x;
      y = kRadius * 0.5 - y;
    }
    x -= kRadius * 0.5;
    y -= kRadius * 0.25;
    out.push_back({x + noise * 2 * rng.normal(), y + noise * 2 * rng.normal(), upper ? 1.0 : 0.0});
  }
}

}  // namespace

std::vector<Point> make_dataset(std::string_view name, int samples, double noise,
                                std::uint64_t seed) {
  std::vector<Point> out;
  out.reserve(static_cast<std::size_t>(samples));
  Random rng(seed, 3);
  if (name == "circle") circle(out, samples, noise, rng);
  if (name == "xor") xor_points(out, samples, noise, rng);
  if (name == "gauss") gauss(out, samples, noise, rng);
  if (name == "spiral") spiral(out, samples, noise, rng);
  if (name == "moons") moons(out, samples, noise, rng);
  // Points outside the drawn square would be invisible: keep them at its edge.
  for (Point& p : out) {
    p.x1 = std::fmax(-6.0, std::fmin(6.0, p.x1));
    p.x2 = std::fmax(-6.0, std::fmin(6.0, p.x2));
  }
  return out;
}

}  // namespace activations
