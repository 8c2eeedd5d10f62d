// Error messages write numbers with the fewest digits that read back as the value, so that a
// value just past a limit never reads as the limit itself ("l2 = 1 is out of range [0, 1]").
#include "format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace activations::detail {
namespace {

// printf's %g with the fewest significant digits that strtod reads back as v.
std::string shortest_by_printf(double v) {
  char text[40];
  for (int k = 1; k <= 17; ++k) {
    std::snprintf(text, sizeof text, "%.*g", k, v);
    if (std::strtod(text, nullptr) == v) break;
  }
  return text;
}

// Significant digits of a decimal written as "-0.00123", "1.5e+300" or "1000".
int significant_digits(const std::string& s) {
  std::string d;
  for (char c : s.substr(0, s.find('e'))) {
    if (c >= '0' && c <= '9') d += c;
  }
  d.erase(0, d.find_first_not_of('0'));
  d.erase(d.find_last_not_of('0') + 1);
  return static_cast<int>(d.size());
}

TEST(FormatNumber, WritesTheFewestDigitsThatReadBack) {
  EXPECT_EQ(format_number(1.0000000000000002), "1.0000000000000002");
  EXPECT_EQ(format_number(0.09999999999999999), "0.09999999999999999");
  EXPECT_EQ(format_number(1e6 + 1e-9), "1000000.000000001");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(-0.25), "-0.25");
  EXPECT_EQ(format_number(3.2e-5), "3.2e-05");
  EXPECT_EQ(format_number(123456.75), "123456.75");
  EXPECT_EQ(format_number(1e15), "1e+15");
  EXPECT_EQ(format_number(1e23), "1e+23");  // 99999999999999991611392, the nearest double
  EXPECT_EQ(format_number(-1.7976931348623157e308), "-1.7976931348623157e+308");
  EXPECT_EQ(format_number(5e-324), "5e-324");
  EXPECT_EQ(format_number(2.2250738585072014e-308), "2.2250738585072014e-308");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(-INFINITY), "-inf");
  EXPECT_EQ(format_number(NAN), "NaN");
}

TEST(FormatNumber, AnyDoubleReadsBackWithAsFewDigitsAsPrintfNeeds) {
  std::mt19937_64 rng(20261206);
  int checked = 0;
  for (int i = 0; i < 100000; ++i) {
    double v;
    const std::uint64_t bits = rng();
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    const std::string s = format_number(v);
    ASSERT_EQ(std::strtod(s.c_str(), nullptr), v) << s;
    ASSERT_EQ(significant_digits(s), significant_digits(shortest_by_printf(v))) << s;
    ++checked;
  }
  // Short decimals, as people type them: they come back as typed.
  for (int i = 0; i < 50000; ++i) {
    char text[40];
    std::snprintf(text, sizeof text, "%llue%d", static_cast<unsigned long long>(rng() % 100000000),
                  static_cast<int>(rng() % 80) - 40);
    const double v = std::strtod(text, nullptr);
    const std::string s = format_number(v);
    ASSERT_EQ(std::strtod(s.c_str(), nullptr), v) << text << " gave " << s;
    ASSERT_EQ(significant_digits(s), significant_digits(shortest_by_printf(v))) << s;
    ++checked;
  }
  EXPECT_GT(checked, 145000);
}

}  // namespace
}  // namespace activations::detail
