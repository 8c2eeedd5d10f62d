// The checked entry points: every argument is validated here, once, with a message that names
// the culprit and what would have been valid.

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "activations/registry.h"
#include "format.h"

namespace activations {
namespace {

using detail::format_number;

// Every id of the given kind, or of any kind, in registry order.
std::string join_ids(std::optional<Kind> kind = std::nullopt) {
  std::string out;
  for (const auto& spec : registry()) {
    if (kind && spec.kind != *kind) continue;
    if (!out.empty()) out += ", ";
    out += spec.id;
  }
  return out;
}

std::string describe_params(const ActivationSpec& spec) {
  if (spec.params.empty()) return std::string(spec.id) + " takes no parameters";
  std::string out = "valid parameters: ";
  for (std::size_t i = 0; i < spec.params.size(); ++i) {
    if (i > 0) out += ", ";
    out += spec.params[i].name;
  }
  return out;
}

Status check_value(const ActivationSpec& spec, const ParamSpec& param, double value) {
  const std::string where =
      std::string(spec.id) + ": parameter \"" + std::string(param.name) + "\"";
  if (!std::isfinite(value)) {
    return Status::Error(ErrorCode::kNonFiniteParameter, std::string(param.name),
                         where + " must be a finite number in " + to_string(param.valid) +
                             ", got " + format_number(value));
  }
  if (param.type == ParamType::kBoolean && value != 0.0 && value != 1.0) {
    return Status::Error(ErrorCode::kParameterOutOfRange, std::string(param.name),
                         where + " must be true or false (1 or 0), got " + format_number(value));
  }
  if (!param.valid.contains(value)) {
    return Status::Error(ErrorCode::kParameterOutOfRange, std::string(param.name),
                         where + " = " + format_number(value) +
                             " is out of range; valid range is " + to_string(param.valid));
  }
  return Status::Ok();
}

Status resolve_kind(std::string_view id, Kind kind, std::span<const NamedValue> given,
                    Resolved& out) {
  if (Status status = resolve(id, given, out); !status.ok()) return status;
  if (out.spec->kind == kind) return Status::Ok();
  const bool wants_vector = kind == Kind::kVector;
  return Status::Error(ErrorCode::kInvalidArgument, std::string(id),
                       std::string(id) +
                           (wants_vector ? " is elementwise, not a vector function"
                                         : " is a vector function: apply it to a whole vector") +
                           "; " + (wants_vector ? "vector" : "elementwise") +
                           " ids: " + join_ids(kind));
}

Status check_sizes(std::string_view argument, std::size_t got, std::size_t expected) {
  if (got == expected) return Status::Ok();
  return Status::Error(ErrorCode::kInvalidArgument, std::string(argument),
                       std::string(argument) + " has " + std::to_string(got) +
                           " elements; expected " + std::to_string(expected));
}

Status check_length(std::string_view what, std::size_t n, std::size_t max) {
  if (n <= max) return Status::Ok();
  return Status::Error(ErrorCode::kInvalidArgument, "x",
                       std::string(what) + " takes vectors of 0 to " + std::to_string(max) +
                           " elements, got " + std::to_string(n));
}

}  // namespace

std::string to_string(const Interval& interval) {
  return std::string(interval.min_inclusive ? "[" : "(") + format_number(interval.min) + ", " +
         format_number(interval.max) + (interval.max_inclusive ? "]" : ")");
}

std::string_view param_type_name(ParamType type) {
  return type == ParamType::kBoolean ? "boolean" : "number";
}

std::string_view kind_name(Kind kind) {
  return kind == Kind::kElementwise ? "elementwise" : "vector";
}

Status resolve(std::string_view id, std::span<const NamedValue> given, Resolved& out) {
  const ActivationSpec* spec = find_activation(id);
  if (spec == nullptr) {
    return Status::Error(
        ErrorCode::kUnknownActivation, std::string(id),
        "unknown activation \"" + std::string(id) + "\"; valid ids: " + join_ids());
  }
  out.spec = spec;
  for (std::size_t i = 0; i < spec->params.size(); ++i) {
    out.params[i] = spec->params[i].default_value;
  }
  for (std::size_t g = 0; g < given.size(); ++g) {
    const std::string_view name = given[g].name;
    const double value = given[g].value;
    const auto param = std::find_if(spec->params.begin(), spec->params.end(),
                                    [name](const ParamSpec& p) { return p.name == name; });
    if (param == spec->params.end()) {
      return Status::Error(ErrorCode::kUnknownParameter, std::string(name),
                           std::string(id) + " has no parameter \"" + std::string(name) + "\"; " +
                               describe_params(*spec));
    }
    for (std::size_t earlier = 0; earlier < g; ++earlier) {
      if (given[earlier].name == name) {
        return Status::Error(
            ErrorCode::kInvalidArgument, std::string(name),
            std::string(id) + ": parameter \"" + std::string(name) + "\" is given twice");
      }
    }
    if (Status status = check_value(*spec, *param, value); !status.ok()) return status;
    out.params[param - spec->params.begin()] = value;
  }
  return Status::Ok();
}

Status evaluate(std::string_view id, std::span<const NamedValue> params, std::span<const double> z,
                std::span<double> f, std::span<double> df) {
  Resolved r;
  if (Status status = resolve_kind(id, Kind::kElementwise, params, r); !status.ok()) return status;
  if (Status status = check_sizes("f", f.size(), z.size()); !status.ok()) return status;
  if (Status status = check_sizes("df", df.size(), z.size()); !status.ok()) return status;
  r.spec->batch(z.data(), z.size(), r.params.data(), f.data(), df.data());
  return Status::Ok();
}

Status evaluate(std::string_view id, std::span<const NamedValue> params, std::span<const float> z,
                std::span<float> f, std::span<float> df) {
  Resolved r;
  if (Status status = resolve_kind(id, Kind::kElementwise, params, r); !status.ok()) return status;
  if (Status status = check_sizes("f", f.size(), z.size()); !status.ok()) return status;
  if (Status status = check_sizes("df", df.size(), z.size()); !status.ok()) return status;
  r.spec->batch32(z.data(), z.size(), r.params.data(), f.data(), df.data());
  return Status::Ok();
}

Status evaluate_f(std::string_view id, std::span<const NamedValue> params,
                  std::span<const double> z, std::span<double> f) {
  Resolved r;
  if (Status status = resolve_kind(id, Kind::kElementwise, params, r); !status.ok()) return status;
  if (Status status = check_sizes("f", f.size(), z.size()); !status.ok()) return status;
  r.spec->values(z.data(), z.size(), r.params.data(), f.data());
  return Status::Ok();
}

Status evaluate_f(std::string_view id, std::span<const NamedValue> params, std::span<const float> z,
                  std::span<float> f) {
  Resolved r;
  if (Status status = resolve_kind(id, Kind::kElementwise, params, r); !status.ok()) return status;
  if (Status status = check_sizes("f", f.size(), z.size()); !status.ok()) return status;
  r.spec->values32(z.data(), z.size(), r.params.data(), f.data());
  return Status::Ok();
}

Status apply(std::string_view id, std::span<const NamedValue> params, std::span<const double> x,
             std::span<double> out) {
  Resolved r;
  if (Status status = resolve_kind(id, Kind::kVector, params, r); !status.ok()) return status;
  if (Status status = check_length(id, x.size(), kMaxVectorLength); !status.ok()) return status;
  if (Status status = check_sizes("out", out.size(), x.size()); !status.ok()) return status;
  r.spec->apply(x.data(), x.size(), r.params.data(), out.data());
  return Status::Ok();
}

Status jacobian(std::string_view id, std::span<const NamedValue> params, std::span<const double> x,
                std::span<double> out) {
  Resolved r;
  if (Status status = resolve_kind(id, Kind::kVector, params, r); !status.ok()) return status;
  const std::string what = std::string(id) + "'s Jacobian";
  if (Status status = check_length(what, x.size(), kMaxJacobianLength); !status.ok()) {
    return status;
  }
  if (Status status = check_sizes("out", out.size(), x.size() * x.size()); !status.ok()) {
    return status;
  }
  r.spec->jacobian(x.data(), x.size(), r.params.data(), out.data());
  return Status::Ok();
}

}  // namespace activations
