// Every elementwise function against mpmath, on ~3,900 points each: extremes, subnormals, kinks,
// a fine grid and random values across the whole double range.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "reference.h"
#include "ulp.h"

namespace activations::testing {
namespace {

// The brief's bar: f and f' within 4 ULP of the correctly rounded truth, everywhere.
constexpr std::uint64_t kMaxUlp = 4;

const std::vector<ElementwiseCase>& cases() {
  static const auto all = read_elementwise(reference_path("elementwise.tsv"));
  return all;
}

std::vector<std::string> elementwise_ids() {
  std::vector<std::string> ids;
  for (const auto& spec : registry()) {
    if (spec.kind == Kind::kElementwise) ids.emplace_back(spec.id);
  }
  return ids;
}

class ElementwiseReference : public ::testing::TestWithParam<std::string> {};

TEST_P(ElementwiseReference, WithinFourUlpOfMpmath) {
  struct Worst {
    std::uint64_t f = 0, df = 0;
  };
  std::map<std::string, Worst> worst;  // per parameter set
  std::size_t checked = 0;
  std::ostringstream failures;
  int failures_shown = 0;
  for (const auto& c : cases()) {
    if (c.id != GetParam()) continue;
    std::vector<std::string> names;
    const auto params = parse_params(c.params, names);
    double f = 0;
    double df = 0;
    const Status status = evaluate(c.id, params, {&c.z, 1}, {&f, 1}, {&df, 1});
    ASSERT_TRUE(status.ok()) << status.message();
    const auto uf = ulp_distance(f, c.f);
    const auto udf = ulp_distance(df, c.df);
    auto& w = worst[c.params];
    w.f = std::max(w.f, uf);
    w.df = std::max(w.df, udf);
    if ((uf > kMaxUlp || udf > kMaxUlp) && failures_shown++ < 20) {
      failures.precision(17);
      failures << "  z=" << c.z << " " << c.params << ": f=" << f << " (truth " << c.f << ", " << uf
               << " ulp), df=" << df << " (truth " << c.df << ", " << udf << " ulp)\n";
    }
    ++checked;
  }
  ASSERT_GT(checked, 1000u) << "no reference rows for " << GetParam();
  for (const auto& [params, w] : worst) {
    std::cout << "[ max ulp  ] " << GetParam() << " " << params << ": f " << w.f << ", df " << w.df
              << "\n";
    RecordProperty("max_ulp_" + params, std::to_string(std::max(w.f, w.df)));
  }
  EXPECT_EQ(failures_shown, 0) << failures_shown << " values beyond " << kMaxUlp << " ULP:\n"
                               << failures.str();
}

INSTANTIATE_TEST_SUITE_P(Registry, ElementwiseReference, ::testing::ValuesIn(elementwise_ids()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace activations::testing
