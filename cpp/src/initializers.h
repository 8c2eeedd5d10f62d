#pragma once

// Keras's weight initialisers, drawn from the portable generator: the truncated normals are
// scaled as Keras scales them (so their variance is the intended one).

#include <cstddef>
#include <string_view>

#include "activations/probe.h"
#include "activations/random.h"

namespace activations::detail {

// false for an unknown name.
bool parse_init(std::string_view name, Init& init);

inline constexpr std::string_view kInitNames =
    "lecun_normal, glorot_uniform, glorot_normal, he_normal, he_uniform";

// Fills n values for a layer with the given fan-in and fan-out.
void initialize(Init init, double fan_in, double fan_out, Random& rng, float* out, std::size_t n);
void initialize(Init init, double fan_in, double fan_out, Random& rng, double* out, std::size_t n);

}  // namespace activations::detail
