#pragma once

// What the libFuzzer harnesses share: a failure report that stops the run (libFuzzer then keeps
// the input as a crash artefact), and draws of doubles, parameter values and integer options from
// the fuzzer's bytes. The draws mix arbitrary bit patterns with the values where the core's
// formulas change branch: overflow and underflow thresholds, kinks, roots of derivatives, the
// ends of valid intervals and the doubles a few ULP around them.

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "activations/registry.h"

namespace activations::fuzz {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kMax = std::numeric_limits<double>::max();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// "-1.5 [0xbff8000000000000]": the value and its bits, so that a report can be replayed exactly.
inline std::string show(double v) {
  char text[80];
  std::snprintf(text, sizeof text, "%.17g [0x%016llx]", v,
                static_cast<unsigned long long>(std::bit_cast<std::uint64_t>(v)));
  return text;
}

inline std::string show(std::span<const double> values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + show(values[i]);
  return out + "}";
}

[[noreturn]] __attribute__((format(printf, 4, 5))) inline void fail(const char* file, int line,
                                                                    const char* condition,
                                                                    const char* format, ...) {
  std::fprintf(stderr, "\n==== INVARIANT VIOLATED: %s\n     at %s:%d\n     ", condition, file,
               line);
  va_list args;
  va_start(args, format);
  std::vfprintf(stderr, format, args);
  va_end(args);
  std::fprintf(stderr, "\n");
  std::fflush(stderr);
  std::abort();
}

// Checks an invariant; on failure prints it with a printf-style context and aborts.
#define FUZZ_CHECK(condition, ...)                                            \
  do {                                                                        \
    if (!(condition)) {                                                       \
      ::activations::fuzz::fail(__FILE__, __LINE__, #condition, __VA_ARGS__); \
    }                                                                         \
  } while (false)

// Bitwise equality, with every NaN equal to every other.
inline bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) ||
         std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// The gap from |v| to the next double away from zero (for the largest double, the one below).
inline double ulp(double v) {
  v = std::fabs(v);
  if (!std::isfinite(v)) return kInf;
  if (v == kMax) return v - std::nextafter(v, 0.0);
  return std::nextafter(v, kInf) - v;
}

// `steps` doubles up (positive) or down (negative) from v.
inline double nudge(double v, int steps) {
  for (; steps > 0; --steps) v = std::nextafter(v, kInf);
  for (; steps < 0; ++steps) v = std::nextafter(v, -kInf);
  return v;
}

// Neumaier's compensated sum: the checks' own rounding must not hide or fake an error.
struct Sum {
  double sum = 0, carry = 0;
  void add(double v) {
    const double t = sum + v;
    carry += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  double value() const { return sum + carry; }
};

// Where the core's formulas switch branch or lose precision (each is also used negated): the
// overflow and underflow thresholds of exp, the cut-offs in smooth.cpp and lesson.h, kinks, and
// the roots of the derivatives of SiLU (-1.2785), Mish (-1.1924) and GELU (-0.7518).
inline constexpr double kSpecials[] = {
    0.0,
    0x0.0000000000001p-1022,  // the smallest subnormal
    0x0.8p-1022,              // a subnormal
    0x1p-1022,                // the smallest normal
    1e-300,
    1e-20,
    1.0 / 32,
    0.175,
    0.3,
    0.35,
    0.5,
    0.7517915241,
    1.0,
    1.1923473371703,
    1.2784645427610738,
    1.5,
    2.5,
    3.0,
    6.0,
    12.0,
    20.0,
    36.0,
    40.0,
    50.0,
    700.0,
    709.782712893384,  // log(DBL_MAX)
    709.79,
    745.1332191019411,  // log of the smallest subnormal
    745.14,
    750.0,
    800.0,
    1e150,
    1e154,
    1e290,
    1e300,
    kMax,
    kInf,
};

inline double draw_special(FuzzedDataProvider& in) {
  if (in.ConsumeIntegralInRange<int>(0, 15) == 0) return kNaN;
  const double v = in.PickValueInArray(kSpecials);
  return in.ConsumeBool() ? -v : v;
}

// Any double: raw bits (NaN payloads, subnormals, infinities included), a special value, a value
// of moderate size, a log-uniform magnitude over the whole range, or a few ULP around one of
// `anchors` (kinks, say) or of a special value.
inline double draw_double(FuzzedDataProvider& in, std::span<const double> anchors = {}) {
  switch (in.ConsumeIntegralInRange<int>(0, 6)) {
    case 0:
      return std::bit_cast<double>(in.ConsumeIntegral<std::uint64_t>());
    case 1:
      return draw_special(in);
    case 2:
      return in.ConsumeFloatingPointInRange<double>(-60.0, 60.0);
    case 3:
      return in.ConsumeFloatingPointInRange<double>(-1000.0, 1000.0);
    case 4: {
      const int exponent = in.ConsumeIntegralInRange<int>(-1075, 1024);
      const double v = std::ldexp(in.ConsumeFloatingPointInRange<double>(1.0, 2.0), exponent);
      return in.ConsumeBool() ? -v : v;
    }
    default: {
      const double anchor =
          anchors.empty() || in.ConsumeBool()
              ? draw_special(in)
              : anchors[in.ConsumeIntegralInRange<std::size_t>(0, anchors.size() - 1)];
      return nudge(anchor, in.ConsumeIntegralInRange<int>(-8, 8));
    }
  }
}

// ------------------------------------------------------------------ parameters of activations

// What resolve() must accept: a finite number in the valid interval (0 or 1 for a boolean).
inline bool param_valid(const ParamSpec& p, double v) {
  return std::isfinite(v) && (p.type != ParamType::kBoolean || v == 0.0 || v == 1.0) &&
         p.valid.contains(v);
}

// Valid, and within what the page's slider offers.
inline bool param_teaching(const ParamSpec& p, double v) {
  return param_valid(p, v) && v >= p.ui_min && v <= p.ui_max;
}

// A value for `p`: what a slider gives, an end of its valid or teaching interval or a few ULP
// off it, or any double.
inline double draw_param_value(FuzzedDataProvider& in, const ParamSpec& p) {
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
      if (p.type == ParamType::kBoolean) return in.ConsumeBool() ? 1.0 : 0.0;
      return in.ConsumeFloatingPointInRange<double>(p.ui_min, p.ui_max);
    case 1: {
      const int steps = static_cast<int>(std::lround((p.ui_max - p.ui_min) / p.ui_step));
      return p.ui_min + in.ConsumeIntegralInRange<int>(0, steps) * p.ui_step;
    }
    case 2: {
      const double edges[] = {p.valid.min, p.valid.max, p.ui_min, p.ui_max, p.default_value, 0.0};
      return nudge(in.PickValueInArray(edges), in.ConsumeIntegralInRange<int>(-3, 3));
    }
    default:
      return draw_double(in);
  }
}

// Names that are no parameter of most functions, or nearly the name of one.
// "approximate" followed by a NUL byte must not pass for "approximate".
inline constexpr std::string_view kOddNames[] = {"",
                                                 "alpha ",
                                                 "Alpha",
                                                 "temperature",
                                                 "beta",
                                                 "scale",
                                                 "slope",
                                                 "b",
                                                 "alpha",
                                                 "threshold",
                                                 std::string_view("approximate\0", 12)};

// A parameter list for `spec` as a caller might give it: each parameter given or left to its
// default, sometimes a name it does not have or a name given twice; and what resolve() must
// answer, worked out independently from the spec.
struct DrawnParams {
  std::vector<std::string> names;
  std::vector<double> values;
  bool ok = true;
  // The error codes that the given list deserves (resolve reports one of them).
  bool unknown = false, twice = false, non_finite = false, out_of_range = false;
  std::array<double, kMaxParams> resolved{};  // the values in effect when ok
  bool teaching = true;                       // every value in effect is in its slider range

  std::vector<NamedValue> given() const {
    std::vector<NamedValue> out;
    for (std::size_t i = 0; i < names.size(); ++i) out.push_back({names[i], values[i]});
    return out;
  }

  bool allows(ErrorCode code) const {
    switch (code) {
      case ErrorCode::kUnknownParameter:
        return unknown;
      case ErrorCode::kInvalidArgument:
        return twice;
      case ErrorCode::kNonFiniteParameter:
        return non_finite;
      case ErrorCode::kParameterOutOfRange:
        return out_of_range;
      default:
        return false;
    }
  }
};

inline DrawnParams draw_params(FuzzedDataProvider& in, std::span<const ParamSpec> params) {
  DrawnParams d;
  for (const ParamSpec& p : params) {
    if (in.ConsumeBool()) {
      d.names.emplace_back(p.name);
      d.values.push_back(draw_param_value(in, p));
    }
  }
  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) {
    // A stray entry at a random place: a repeated name, an odd one, or a few arbitrary bytes.
    std::string name;
    const int kind = in.ConsumeIntegralInRange<int>(0, 2);
    if (kind == 0 && !d.names.empty()) {
      name = d.names[in.ConsumeIntegralInRange<std::size_t>(0, d.names.size() - 1)];
    } else if (kind == 1) {
      name = std::string(in.PickValueInArray(kOddNames));
    } else {
      name = in.ConsumeRandomLengthString(12);
    }
    const auto at = in.ConsumeIntegralInRange<std::size_t>(0, d.names.size());
    d.names.insert(d.names.begin() + static_cast<std::ptrdiff_t>(at), name);
    d.values.insert(d.values.begin() + static_cast<std::ptrdiff_t>(at), draw_double(in));
  }

  // The oracle: every entry must name a parameter, once, with a valid value.
  for (std::size_t i = 0; i < params.size(); ++i) d.resolved[i] = params[i].default_value;
  for (std::size_t g = 0; g < d.names.size(); ++g) {
    const auto p = std::find_if(params.begin(), params.end(),
                                [&](const ParamSpec& s) { return s.name == d.names[g]; });
    if (p == params.end()) {
      d.unknown = true;
      continue;
    }
    if (std::find(d.names.begin(), d.names.begin() + static_cast<std::ptrdiff_t>(g), d.names[g]) !=
        d.names.begin() + static_cast<std::ptrdiff_t>(g)) {
      d.twice = true;
    }
    const double v = d.values[g];
    if (!std::isfinite(v)) {
      d.non_finite = true;
    } else if (!param_valid(*p, v)) {
      d.out_of_range = true;
    }
    d.resolved[static_cast<std::size_t>(p - params.begin())] = v;
  }
  d.ok = !(d.unknown || d.twice || d.non_finite || d.out_of_range);
  for (std::size_t i = 0; i < params.size(); ++i) {
    d.teaching = d.teaching && param_teaching(params[i], d.resolved[i]);
  }
  return d;
}

inline std::string show(const DrawnParams& d) {
  std::string out = "params {";
  for (std::size_t i = 0; i < d.names.size(); ++i) {
    out += (i ? ", \"" : "\"") + d.names[i] + "\": " + show(d.values[i]);
  }
  return out + "}";
}

// A failed Status must say what failed.
inline void check_error(const Status& s, const char* what) {
  FUZZ_CHECK(!s.ok(), "%s: accepted, but the options are invalid", what);
  FUZZ_CHECK(!s.message().empty(), "%s: error %d without a message", what,
             static_cast<int>(s.code()));
}

// ------------------------------------------------------------------ integer options

// An integer option: usually in [lo, small] (valid and cheap), sometimes outside [lo, hi] (the
// limits: must be rejected, unless a limit is INT_MAX itself). Never valid but above `small`,
// which would only make runs slow.
inline int draw_int(FuzzedDataProvider& in, int lo, int small, int hi) {
  if (in.ConsumeIntegralInRange<int>(0, 9) != 0) return in.ConsumeIntegralInRange<int>(lo, small);
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
      return lo == INT_MIN ? lo : lo - 1;
    case 1:
      return hi == INT_MAX ? hi : hi + 1;
    case 2:
      return in.ConsumeBool() ? INT_MIN : INT_MAX;
    default: {
      const int off = in.ConsumeIntegralInRange<int>(1, INT_MAX / 2);
      if (in.ConsumeBool()) return lo < INT_MIN + off ? INT_MIN : lo - off;
      return hi > INT_MAX - off ? INT_MAX : hi + off;
    }
  }
}

// The registry's ids and aliases, plus ids it does not have.
inline std::string draw_activation_id(FuzzedDataProvider& in) {
  const auto specs = registry();
  switch (in.ConsumeIntegralInRange<int>(0, 15)) {
    case 0:
      return in.ConsumeRandomLengthString(16);
    case 1: {
      const char* odd[] = {"", "ReLU", "relu ", "swish", "hard_swish", "softmax", "sparsemax"};
      return in.PickValueInArray(odd);
    }
    default: {
      const ActivationSpec& s = specs[in.ConsumeIntegralInRange<std::size_t>(0, specs.size() - 1)];
      if (!s.aliases.empty() && in.ConsumeBool()) return std::string(s.aliases[0]);
      return std::string(s.id);
    }
  }
}

inline constexpr const char* kInits[] = {"lecun_normal", "glorot_uniform", "glorot_normal",
                                         "he_normal", "he_uniform"};

inline bool known_init(const std::string& name) {
  return std::find_if(std::begin(kInits), std::end(kInits),
                      [&](const char* i) { return name == i; }) != std::end(kInits);
}

// A valid initialiser name, or a wrong one.
inline std::string draw_init(FuzzedDataProvider& in) {
  if (in.ConsumeIntegralInRange<int>(0, 7) != 0) return in.PickValueInArray(kInits);
  const char* odd[] = {"", "he", "HeNormal", "zeros", "he_normal "};
  return in.ConsumeBool() ? in.PickValueInArray(odd) : in.ConsumeRandomLengthString(16);
}

}  // namespace activations::fuzz
