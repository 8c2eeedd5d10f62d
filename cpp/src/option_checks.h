#pragma once

// Checks shared by the option structs of probeNetwork and createTrainer. Every message starts
// with the API call and names the option and its valid range, as the JS API surfaces it.

#include <cmath>
#include <string>
#include <string_view>

#include "activations/status.h"
#include "format.h"

namespace activations::detail {

inline Status option_error(std::string_view api, std::string_view name,
                           const std::string& message) {
  return Status::Error(ErrorCode::kInvalidArgument, std::string(name),
                       std::string(api) + ": " + std::string(name) + " " + message);
}

// A status from the registry (an unknown activation, a bad parameter), with the API's name in
// front of its message like every other option error.
inline Status in_api(std::string_view api, const Status& s) {
  return Status::Error(s.code(), s.culprit(), std::string(api) + ": " + s.message());
}

inline Status check_int(std::string_view api, std::string_view name, int value, int min, int max) {
  if (value >= min && value <= max) return Status::Ok();
  return option_error(api, name,
                      "= " + std::to_string(value) + " is out of range; valid range is [" +
                          std::to_string(min) + ", " + std::to_string(max) + "]");
}

// `value` in [min, max], or in (min, max] when `open_min`.
inline Status check_real(std::string_view api, std::string_view name, double value, double min,
                         double max, bool open_min = false) {
  if (std::isfinite(value) && (open_min ? value > min : value >= min) && value <= max) {
    return Status::Ok();
  }
  return option_error(api, name,
                      "= " + format_number(value) + " is out of range; valid range is " +
                          (open_min ? "(" : "[") + format_number(min) + ", " + format_number(max) +
                          "]");
}

}  // namespace activations::detail
