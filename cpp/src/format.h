#pragma once

#include <string>

namespace activations::detail {

// The shortest decimal that reads back as `v` ("1.5", "1e-300"); "+inf", "-inf", "NaN".
std::string format_number(double v);

}  // namespace activations::detail
