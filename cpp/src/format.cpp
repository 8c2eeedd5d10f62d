#include "format.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "dd.h"

namespace activations::detail {
namespace {

// 10^0 .. 10^22 are exact doubles.
constexpr double kExact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

std::string digits_of(std::uint64_t n) {
  std::string out;
  do {
    out.insert(out.begin(), static_cast<char>('0' + n % 10));
    n /= 10;
  } while (n > 0);
  return out;
}

// a * 10^p in double-double: exact when 0 <= p <= 22, otherwise within a few units of 2^-104
// relative, far finer than the half-unit decisions taken on it below. The ends of the double
// range are first moved by an exact power of two, as Dekker's products overflow near them.
dd::DD scale(double a, int p) {
  const int shift = a > 0x1p900 ? 200 : a < 0x1p-900 ? -200 : 0;
  dd::DD x{std::ldexp(a, -shift), 0.0};
  while (p > 22) {
    x = dd::mul(x, 1e22);
    p -= 22;
  }
  while (p < 0) {
    const int q = std::min(-p, 22);
    x = dd::div(x, dd::DD{kExact[q], 0.0});
    p += q;
  }
  x = dd::mul(x, kExact[p]);
  return {std::ldexp(x.hi, shift), std::ldexp(x.lo, shift)};
}

// The k significant digits of a > 0 whose first digit has weight 10^exponent, rounded to
// nearest, and whether they read back as a: they do when they are nearer to a than half the
// gap to a's nearest neighbour (the smaller gap, at a power of two).
bool round_trips(double a, int exponent, int k, std::uint64_t& mantissa) {
  const int p = k - 1 - exponent;
  const dd::DD x = scale(a, p);
  const double whole = std::floor(x.hi);
  const double frac = (x.hi - whole) + x.lo;  // exact to well below a unit
  const double step = std::floor(frac + 0.5);
  mantissa = static_cast<std::uint64_t>(whole) + static_cast<std::int64_t>(step);
  const double below = a - std::nextafter(a, 0.0);
  const double above = std::nextafter(a, std::numeric_limits<double>::infinity()) - a;
  const double error = std::fabs(step - frac);
  const double half_gap = scale(std::min(below, above), p).hi / 2;
  // Halfway to a neighbour, reading rounds to the even significand.
  if (std::fabs(error - half_gap) <= 0x1p-40 * half_gap) {
    return (__builtin_bit_cast(std::uint64_t, a) & 1) == 0;
  }
  return error < half_gap;
}

}  // namespace

// Written by hand rather than with printf/strtod/to_chars: those pull tens of KB of formatting
// code into the wasm module, for numbers that only ever appear in error messages. The fewest
// significant digits that read back as the value (1 to 17), %g-style: "1.5", "-0.25",
// "3.2e-05", "1.0000000000000002", "1.7976931348623157e+308". Native and wasm agree.
std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+inf" : "-inf";
  const std::string sign = std::signbit(v) && v != 0 ? "-" : "";
  const double a = std::fabs(v);
  if (a == std::floor(a) && a < 1e15) return sign + digits_of(static_cast<std::uint64_t>(a));
  // The first digit's weight: log10 can be one off either way near a power of ten.
  int exponent = static_cast<int>(std::floor(std::log10(a)));
  const double lead = scale(a, -exponent).hi;
  if (lead >= 10) ++exponent;
  if (lead < 1) --exponent;
  std::uint64_t mantissa = 0;
  int k = 1;
  while (k < 17 && !round_trips(a, exponent, k, mantissa)) ++k;
  if (k == 17) round_trips(a, exponent, k, mantissa);  // 17 digits always read back
  std::string d = digits_of(mantissa);
  if (d.size() > static_cast<std::size_t>(k)) {  // rounding carried into a new digit: 9.99 → 10.0
    d.pop_back();
    ++exponent;
  }
  while (d.size() > 1 && d.back() == '0') d.pop_back();
  if (exponent >= -4 && exponent < 15) {
    if (exponent >= 0) {
      const auto point = static_cast<std::size_t>(exponent) + 1;
      if (d.size() <= point) return sign + d + std::string(point - d.size(), '0');
      return sign + d.substr(0, point) + "." + d.substr(point);
    }
    return sign + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + d;
  }
  const int e = exponent < 0 ? -exponent : exponent;
  return sign + d.substr(0, 1) + (d.size() > 1 ? "." + d.substr(1) : "") + "e" +
         (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + digits_of(static_cast<unsigned>(e));
}

}  // namespace activations::detail
