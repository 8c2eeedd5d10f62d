#pragma once

#include <vector>

#include "activations/probe.h"
#include "activations/trainer.h"

namespace activations::detail {

// Validates every option of createTrainer (names as the JS API spells them) and resolves the
// activation, the feature indices (into kFeatures) and the initialiser.
Status check_trainer_options(const TrainerOptions& options, Resolved& activation,
                             std::vector<int>& features, Init& init);

}  // namespace activations::detail
