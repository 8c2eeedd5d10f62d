#include "format.h"

#include <cmath>
#include <cstdint>

namespace activations::detail {
namespace {

std::string digits_of(std::uint64_t n) {
  std::string out;
  do {
    out.insert(out.begin(), static_cast<char>('0' + n % 10));
    n /= 10;
  } while (n > 0);
  return out;
}

// round(a * 10^p), scaling by exact powers of ten (10^0 .. 10^22 are exact doubles).
std::uint64_t scaled_digits(double a, int p) {
  static constexpr double kExact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  while (p > 22) {
    a *= 1e22;
    p -= 22;
  }
  while (p < -22) {
    a /= 1e22;
    p += 22;
  }
  a = p >= 0 ? a * kExact[p] : a / kExact[-p];
  return static_cast<std::uint64_t>(std::llround(a));
}

}  // namespace

// Written by hand rather than with printf/strtod: those pull ~60 KB of formatting and
// long-double code into the wasm module, for numbers that only ever appear in error messages.
// Twelve significant digits, trailing zeros dropped, %g-style: "1.5", "-0.25", "3.2e-05",
// "1e+308". The scaling uses exact powers of ten, so native and wasm agree.
std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+inf" : "-inf";
  const std::string sign = std::signbit(v) && v != 0 ? "-" : "";
  const double a = std::fabs(v);
  if (a == std::floor(a) && a < 1e15) return sign + digits_of(static_cast<std::uint64_t>(a));
  constexpr int kDigits = 12;
  int exponent = static_cast<int>(std::floor(std::log10(a)));
  const std::uint64_t mantissa = scaled_digits(a, kDigits - 1 - exponent);
  std::string d = digits_of(mantissa);
  if (d.size() > kDigits) {  // log10 was one short, or rounding carried into a new digit
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
