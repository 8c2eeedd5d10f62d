#include "activations/registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

namespace activations {
namespace {

using ::testing::HasSubstr;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Registry, HoldsTheLessonsFunctionsInOrderThenEveryOtherKerasActivation) {
  std::vector<std::string_view> ids;
  for (const auto& spec : registry()) ids.push_back(spec.id);
  const std::vector<std::string_view> expected = {
      "sigmoid",     "tanh",           "relu",        "elu",         "selu",
      "softmax",     "softsign",       "softplus",    "exponential", "gelu",
      "silu",        "mish",           "leaky_relu",  "relu6",       "hard_sigmoid",
      "hard_silu",   "hard_tanh",      "log_sigmoid", "celu",        "squareplus",
      "sparse_plus", "sparse_sigmoid", "soft_shrink", "hard_shrink", "tanh_shrink",
      "threshold",   "linear",         "log_softmax", "sparsemax"};
  EXPECT_EQ(ids, expected);
}

// The trainer's fast forms: within 2^-40 relative of the careful kernels (and the same where a
// kernel has no fast form), the same sign of zero, GELU's tanh form too. On 200,001 points of
// [-25, 25], 4,001 within 2e-4 of the roots of GELU' (both forms, about -0.7518), where the
// plain formula cancels, and 4,002 around 1/16, where tanh_shrink's fast form leaves its series.
TEST(Registry, FastFormsAreWithin2ToTheMinus40OfTheCarefulKernels) {
  std::vector<double> z;
  for (int i = -100000; i <= 100000; ++i) z.push_back(i * 2.5e-4);
  for (int i = -2000; i <= 2000; ++i) z.push_back(-0.7518 + i * 1e-7);
  for (int i = -1000; i <= 1000; ++i) {
    z.push_back(0.0625 + i * 1e-9);
    z.push_back(-0.0625 + i * 1e-9);
  }
  for (const double v : {-0.0, 1e-300, -1e-300, 40.5, -40.5, 60.0, -60.0, kInf, -kInf, kNaN}) {
    z.push_back(v);
  }
  const std::size_t n = z.size();
  std::vector<double> f(n), df(n), ff(n), fdf(n), fv(n);
  for (const auto& spec : registry()) {
    if (spec.kind != Kind::kElementwise) continue;
    for (const double approximate : {0.0, 1.0}) {
      if (approximate != 0 && spec.id != "gelu") continue;
      std::vector<double> p(kMaxParams, 0.0);
      for (std::size_t i = 0; i < spec.params.size(); ++i) p[i] = spec.params[i].default_value;
      if (spec.id == "gelu") p[0] = approximate;
      spec.batch(z.data(), n, p.data(), f.data(), df.data());
      spec.batch_fast(z.data(), n, p.data(), ff.data(), fdf.data());
      spec.values_fast(z.data(), n, p.data(), fv.data());
      for (std::size_t i = 0; i < n; ++i) {
        for (const auto& [want, got] : {std::pair{f[i], ff[i]}, {df[i], fdf[i]}, {f[i], fv[i]}}) {
          if (std::isnan(want)) {
            EXPECT_TRUE(std::isnan(got)) << spec.id << " at " << z[i];
            continue;
          }
          if (got == want) {  // infinities too
            EXPECT_EQ(std::signbit(got), std::signbit(want)) << spec.id << " at z = " << z[i];
            continue;
          }
          // Below float32's range the fast forms may give 0 for a tiny value.
          const double tolerance = std::max(std::fabs(want) * 0x1p-40, 0x1p-160);
          EXPECT_NEAR(got, want, tolerance)
              << spec.id << " approximate=" << approximate << " at z = " << z[i];
        }
      }
    }
  }
}

TEST(Registry, AliasesFindTheirFunction) {
  EXPECT_EQ(find_activation("swish"), find_activation("silu"));
  EXPECT_EQ(find_activation("hard_swish"), find_activation("hard_silu"));
}

TEST(Registry, KerasDefaultsOfTheAddedFunctions) {
  const auto param = [](std::string_view id, std::size_t i) {
    return find_activation(id)->params[i];
  };
  EXPECT_EQ(param("leaky_relu", 0).name, "negative_slope");
  EXPECT_EQ(param("leaky_relu", 0).default_value, 0.2);
  EXPECT_EQ(param("gelu", 0).name, "approximate");
  EXPECT_EQ(param("gelu", 0).default_value, 0.0);
  EXPECT_EQ(param("gelu", 0).type, ParamType::kBoolean);
  EXPECT_EQ(param("celu", 0).name, "alpha");
  EXPECT_EQ(param("celu", 0).default_value, 1.0);
  EXPECT_EQ(param("squareplus", 0).name, "b");
  EXPECT_EQ(param("squareplus", 0).default_value, 4.0);
  EXPECT_EQ(param("soft_shrink", 0).name, "threshold");
  EXPECT_EQ(param("soft_shrink", 0).default_value, 0.5);
  EXPECT_EQ(param("hard_shrink", 0).default_value, 0.5);
  EXPECT_EQ(param("threshold", 0).name, "threshold");
  EXPECT_EQ(param("threshold", 1).name, "default_value");
  for (const char* id : {"softmax", "log_softmax", "sparsemax"}) {
    EXPECT_EQ(find_activation(id)->kind, Kind::kVector) << id;
  }
}

TEST(Registry, KinksFollowTheirParameters) {
  const double threshold[] = {1.25, 0.0};
  const auto* soft = find_activation("soft_shrink");
  ASSERT_EQ(soft->kinks.size(), 2u);
  EXPECT_EQ(soft->kinks[0].at(threshold), -1.25);
  EXPECT_EQ(soft->kinks[1].at(threshold), 1.25);
  const auto* relu6 = find_activation("relu6");
  ASSERT_EQ(relu6->kinks.size(), 2u);
  EXPECT_EQ(relu6->kinks[1].at(nullptr), 6.0);
}

TEST(Registry, EntriesAreConsistent) {
  std::set<std::string_view> seen;
  for (const auto& spec : registry()) {
    EXPECT_TRUE(seen.insert(spec.id).second) << "duplicate id " << spec.id;
    EXPECT_EQ(find_activation(spec.id), &spec);
    EXPECT_LE(spec.params.size(), kMaxParams);
    if (spec.kind == Kind::kElementwise) {
      EXPECT_TRUE(spec.f && spec.df && spec.batch) << spec.id;
    } else {
      EXPECT_TRUE(spec.apply && spec.jacobian) << spec.id;
    }
    for (const auto& p : spec.params) {
      EXPECT_TRUE(p.valid.contains(p.default_value)) << spec.id << "." << p.name;
      EXPECT_TRUE(p.valid.contains(p.ui_min) && p.valid.contains(p.ui_max)) << p.name;
      EXPECT_LE(p.ui_min, p.default_value) << p.name;
      EXPECT_GE(p.ui_max, p.default_value) << p.name;
      EXPECT_GT(p.ui_step, 0.0) << p.name;
    }
  }
  EXPECT_EQ(find_activation("swishy"), nullptr);
  EXPECT_EQ(find_activation(""), nullptr);
}

TEST(Registry, KerasParametersAndConstants) {
  const auto* elu = find_activation("elu");
  ASSERT_EQ(elu->params.size(), 1u);
  EXPECT_EQ(elu->params[0].name, "alpha");
  EXPECT_EQ(elu->params[0].default_value, 1.0);
  EXPECT_LE(elu->params[0].ui_min, 1.5);  // the lesson's plot uses 1.5
  EXPECT_GE(elu->params[0].ui_max, 1.5);

  const auto* selu = find_activation("selu");
  EXPECT_TRUE(selu->params.empty());
  for (const char* id : {"relu", "elu", "selu"}) {
    ASSERT_EQ(find_activation(id)->kinks.size(), 1u) << id;
    EXPECT_EQ(find_activation(id)->kinks[0].at(nullptr), 0.0) << id;
  }
  EXPECT_TRUE(find_activation("sigmoid")->kinks.empty());
  ASSERT_EQ(selu->constants.size(), 2u);
  EXPECT_EQ(selu->constants[0].name, "alpha");
  EXPECT_EQ(selu->constants[0].value, 1.6732632423543772848170429916717);
  EXPECT_EQ(selu->constants[1].name, "scale");
  EXPECT_EQ(selu->constants[1].value, 1.0507009873554804934193349852946);

  const auto* softmax = find_activation("softmax");
  EXPECT_EQ(softmax->kind, Kind::kVector);
  ASSERT_EQ(softmax->params.size(), 1u);
  EXPECT_EQ(softmax->params[0].name, "temperature");
  EXPECT_EQ(softmax->params[0].default_value, 1.0);
}

TEST(Resolve, FillsDefaultsAndTakesGivenValues) {
  Resolved r;
  ASSERT_TRUE(resolve("elu", {}, r).ok());
  EXPECT_EQ(r.params[0], 1.0);
  const std::vector<NamedValue> given = {{"alpha", 1.5}};
  ASSERT_TRUE(resolve("elu", given, r).ok());
  EXPECT_EQ(r.params[0], 1.5);
  EXPECT_EQ(r.spec, find_activation("elu"));
}

Status resolve_with(std::string_view id, std::vector<NamedValue> given) {
  Resolved r;
  return resolve(id, given, r);
}

TEST(Resolve, UnknownIdNamesItAndTheValidIds) {
  const Status s = resolve_with("swishy", {});
  EXPECT_EQ(s.code(), ErrorCode::kUnknownActivation);
  EXPECT_EQ(s.culprit(), "swishy");
  EXPECT_THAT(s.message(), HasSubstr("\"swishy\""));
  EXPECT_THAT(s.message(), HasSubstr("sigmoid, tanh, relu, elu, selu, softmax, softsign"));
}

TEST(Resolve, UnknownParameterNamesItAndTheValidOnes) {
  Status s = resolve_with("elu", {{"beta", 1.0}});
  EXPECT_EQ(s.code(), ErrorCode::kUnknownParameter);
  EXPECT_EQ(s.culprit(), "beta");
  EXPECT_THAT(s.message(), HasSubstr("\"beta\""));
  EXPECT_THAT(s.message(), HasSubstr("valid parameters: alpha"));

  s = resolve_with("relu", {{"alpha", 1.0}});
  EXPECT_EQ(s.code(), ErrorCode::kUnknownParameter);
  EXPECT_THAT(s.message(), HasSubstr("relu takes no parameters"));

  // SELU's constants are fixed, as in Keras.
  EXPECT_EQ(resolve_with("selu", {{"alpha", 1.0}}).code(), ErrorCode::kUnknownParameter);
}

TEST(Resolve, NonFiniteParameterNamesTheRange) {
  for (double bad : {kNaN, kInf, -kInf}) {
    const Status s = resolve_with("elu", {{"alpha", bad}});
    EXPECT_EQ(s.code(), ErrorCode::kNonFiniteParameter) << bad;
    EXPECT_EQ(s.culprit(), "alpha");
    EXPECT_THAT(s.message(), HasSubstr("[0, +inf)"));
  }
}

TEST(Resolve, OutOfRangeParameterNamesValueAndRange) {
  Status s = resolve_with("elu", {{"alpha", -1.0}});
  EXPECT_EQ(s.code(), ErrorCode::kParameterOutOfRange);
  EXPECT_EQ(s.message(), "elu: parameter \"alpha\" = -1 is out of range; valid range is [0, +inf)");

  s = resolve_with("softmax", {{"temperature", 0.0}});
  EXPECT_EQ(s.code(), ErrorCode::kParameterOutOfRange);
  EXPECT_THAT(s.message(), HasSubstr("(0, +inf)"));
  EXPECT_TRUE(resolve_with("softmax", {{"temperature", 5e-324}}).ok());
  EXPECT_TRUE(resolve_with("elu", {{"alpha", 0.0}}).ok());
}

TEST(Resolve, BooleanParametersTakeZeroOrOne) {
  EXPECT_TRUE(resolve_with("gelu", {{"approximate", 1.0}}).ok());
  EXPECT_TRUE(resolve_with("gelu", {{"approximate", 0.0}}).ok());
  const Status s = resolve_with("gelu", {{"approximate", 0.5}});
  EXPECT_EQ(s.code(), ErrorCode::kParameterOutOfRange);
  EXPECT_THAT(s.message(), HasSubstr("must be true or false"));
}

TEST(Resolve, StrictlyPositiveParameters) {
  EXPECT_EQ(resolve_with("celu", {{"alpha", 0.0}}).code(), ErrorCode::kParameterOutOfRange);
  EXPECT_EQ(resolve_with("squareplus", {{"b", 0.0}}).code(), ErrorCode::kParameterOutOfRange);
  EXPECT_EQ(resolve_with("leaky_relu", {{"negative_slope", -0.1}}).code(),
            ErrorCode::kParameterOutOfRange);
  EXPECT_TRUE(resolve_with("threshold", {{"threshold", -2.0}, {"default_value", 5.0}}).ok());
}

TEST(Resolve, RepeatedParameterIsAnError) {
  const Status s = resolve_with("elu", {{"alpha", 1.0}, {"alpha", 2.0}});
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("given twice"));
}

TEST(Evaluate, ChecksKindAndSizes) {
  std::vector<double> z = {1, 2, 3}, f(3), df(2);
  Status s = evaluate("tanh", {}, z, f, df);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.culprit(), "df");

  df.resize(3);
  s = evaluate("softmax", {}, z, f, df);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("vector function"));

  s = apply("relu", {}, z, f);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("relu is elementwise, not a vector function"));

  EXPECT_TRUE(evaluate("tanh", {}, z, f, df).ok());
  EXPECT_EQ(f[1], std::tanh(2.0));
}

TEST(Evaluate, EmptyInputIsFineButStillValidated) {
  std::vector<double> empty;
  EXPECT_TRUE(evaluate("relu", {}, empty, empty, empty).ok());
  EXPECT_EQ(evaluate("nope", {}, empty, empty, empty).code(), ErrorCode::kUnknownActivation);
}

TEST(Apply, RejectsVectorsBeyondTheLimits) {
  std::vector<double> x(kMaxJacobianLength + 1, 0.0);
  std::vector<double> out;
  const Status s = jacobian("softmax", {}, x, out);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("0 to 1024 elements, got 1025"));

  x.assign(kMaxVectorLength + 1, 0.0);
  out.assign(x.size(), 0.0);
  EXPECT_THAT(apply("softmax", {}, x, out).message(), HasSubstr("got 1048577"));
}

TEST(Status, CodeNamesAreStable) {
  EXPECT_EQ(error_code_name(ErrorCode::kOk), "ok");
  EXPECT_EQ(error_code_name(ErrorCode::kUnknownActivation), "unknown_activation");
  EXPECT_EQ(error_code_name(ErrorCode::kUnknownParameter), "unknown_parameter");
  EXPECT_EQ(error_code_name(ErrorCode::kNonFiniteParameter), "non_finite_parameter");
  EXPECT_EQ(error_code_name(ErrorCode::kParameterOutOfRange), "parameter_out_of_range");
  EXPECT_EQ(error_code_name(ErrorCode::kInvalidArgument), "invalid_argument");
}

TEST(Messages, NumbersAreWrittenPlainly) {
  const auto message_for = [](double alpha) {
    Resolved r;
    const std::vector<NamedValue> given = {{"alpha", alpha}};
    return resolve("elu", given, r).message();
  };
  EXPECT_THAT(message_for(-0.5), HasSubstr("= -0.5 is"));
  EXPECT_THAT(message_for(-1e-300), HasSubstr("= -1e-300 is"));
  EXPECT_THAT(message_for(-3.2e-5), HasSubstr("= -3.2e-05 is"));
  EXPECT_THAT(message_for(-123456.75), HasSubstr("= -123456.75 is"));
  EXPECT_THAT(message_for(-1.7976931348623157e308), HasSubstr("= -1.7976931348623157e+308 is"));
  EXPECT_THAT(message_for(-0.1), HasSubstr("= -0.1 is"));
}

TEST(Interval, PrintsItsEnds) {
  EXPECT_EQ(to_string(Interval{0.0, kInf, true, false}), "[0, +inf)");
  EXPECT_EQ(to_string(Interval{-1.5, 2.0, false, true}), "(-1.5, 2]");
}

}  // namespace
}  // namespace activations
