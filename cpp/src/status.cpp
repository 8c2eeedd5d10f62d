#include "activations/status.h"

namespace activations {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return "ok";
    case ErrorCode::kUnknownActivation:
      return "unknown_activation";
    case ErrorCode::kUnknownParameter:
      return "unknown_parameter";
    case ErrorCode::kNonFiniteParameter:
      return "non_finite_parameter";
    case ErrorCode::kParameterOutOfRange:
      return "parameter_out_of_range";
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
  }
  return "unknown";
}

}  // namespace activations
