#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace activations {

enum class ErrorCode {
  kOk,
  kUnknownActivation,
  kUnknownParameter,
  kNonFiniteParameter,
  kParameterOutOfRange,
  kInvalidArgument,
};

// Stable, machine-readable name of a code ("unknown_activation", ...), shared with the JS API.
std::string_view error_code_name(ErrorCode code);

// The outcome of a checked call. The core never throws: a caller (the native API user, the
// bindings) decides how to surface an error.
class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::string culprit, std::string message) {
    return Status(code, std::move(culprit), std::move(message));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  // What was wrong: an id, a parameter name, an argument name.
  const std::string& culprit() const { return culprit_; }
  const std::string& message() const { return message_; }

 private:
  Status(ErrorCode code, std::string culprit, std::string message)
      : code_(code), culprit_(std::move(culprit)), message_(std::move(message)) {}

  ErrorCode code_ = ErrorCode::kOk;
  std::string culprit_;
  std::string message_;
};

}  // namespace activations
