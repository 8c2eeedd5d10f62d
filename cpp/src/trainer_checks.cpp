#include "trainer_checks.h"

#include <algorithm>
#include <iterator>

#include "initializers.h"
#include "option_checks.h"

namespace activations::detail {
namespace {

constexpr std::string_view kApi = "createTrainer";
constexpr std::string_view kOptimizers[] = {"sgd", "momentum", "adam"};

template <std::size_t N>
std::string joined(const std::string_view (&names)[N]) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

template <std::size_t N>
int index_of(const std::string_view (&names)[N], std::string_view name) {
  const auto* it = std::find(std::begin(names), std::end(names), name);
  return it == std::end(names) ? -1 : static_cast<int>(it - std::begin(names));
}

template <std::size_t N>
Status unknown(std::string_view name, const std::string& value,
               const std::string_view (&valid)[N]) {
  return option_error(kApi, name, "\"" + value + "\" is unknown; valid: " + joined(valid));
}

Status check_features(const TrainerOptions& o, std::vector<int>& features) {
  features.clear();
  if (o.features.empty()) {
    return option_error(kApi, "features", "is empty; choose at least one of " + joined(kFeatures));
  }
  for (const std::string& name : o.features) {
    const int i = index_of(kFeatures, name);
    if (i < 0) return unknown("features", name, kFeatures);
    if (std::find(features.begin(), features.end(), i) != features.end()) {
      return option_error(kApi, "features", "lists \"" + name + "\" twice");
    }
    features.push_back(i);
  }
  std::sort(features.begin(), features.end());
  return Status::Ok();
}

Status check_hidden(const TrainerOptions& o) {
  using L = TrainerLimits;
  if (o.hidden.size() > static_cast<std::size_t>(L::kMaxLayers)) {
    return option_error(kApi, "hidden",
                        "has " + std::to_string(o.hidden.size()) + " layers; valid range is [0, " +
                            std::to_string(L::kMaxLayers) + "]");
  }
  for (std::size_t l = 0; l < o.hidden.size(); ++l) {
    const std::string name = "hidden[" + std::to_string(l) + "]";
    if (Status s = check_int(kApi, name, o.hidden[l], 1, L::kMaxUnits); !s.ok()) return s;
  }
  return Status::Ok();
}

Status check_activation(const TrainerOptions& o, Resolved& activation, Init& init) {
  std::vector<NamedValue> given;
  for (const auto& [name, value] : o.params) given.push_back({name, value});
  if (Status s = resolve(o.activation, given, activation); !s.ok()) return in_api(kApi, s);
  if (activation.spec->kind != Kind::kElementwise) {
    return option_error(kApi, "activation", "must be an elementwise function, not " + o.activation);
  }
  const std::string name = o.init.empty() ? std::string(activation.spec->init) : o.init;
  if (!parse_init(name, init)) {
    return option_error(kApi, "init",
                        "\"" + o.init + "\" is unknown; valid: " + std::string(kInitNames));
  }
  return Status::Ok();
}

}  // namespace

Status check_trainer_options(const TrainerOptions& o, Resolved& activation,
                             std::vector<int>& features, Init& init) {
  using L = TrainerLimits;
  if (index_of(kDatasets, o.dataset) < 0) return unknown("dataset", o.dataset, kDatasets);
  if (index_of(kOptimizers, o.optimizer) < 0) return unknown("optimizer", o.optimizer, kOptimizers);
  for (Status s : {check_int(kApi, "samples", o.samples, L::kMinSamples, L::kMaxSamples),
                   check_real(kApi, "noise", o.noise, 0, 0.5),
                   check_real(kApi, "trainFraction", o.train_fraction, 0.1, 0.9),
                   check_real(kApi, "learningRate", o.learning_rate, 0, 10, true),
                   check_int(kApi, "batchSize", o.batch_size, 1, L::kMaxSamples),
                   check_real(kApi, "l2", o.l2, 0, 1), check_features(o, features), check_hidden(o),
                   check_activation(o, activation, init)}) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace activations::detail
