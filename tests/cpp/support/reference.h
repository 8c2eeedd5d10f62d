#pragma once

// Readers for the mpmath reference files written by tests/reference/generate.py.

#include <string>
#include <vector>

#include "activations/registry.h"

namespace activations::testing {

struct ElementwiseCase {
  std::string id;
  std::string params;  // "alpha=1.5", or "-" for none
  double z;
  double f;
  double df;
};

struct VectorCase {
  std::string id;
  double temperature;
  std::vector<double> logits;
  std::vector<double> output;
  std::vector<double> jacobian;  // row-major
};

std::string reference_path(const std::string& file);
std::vector<ElementwiseCase> read_elementwise(const std::string& path);
std::vector<VectorCase> read_vector(const std::string& path);

// "alpha=1.5" -> {{"alpha", 1.5}}. The strings must outlive the returned views.
std::vector<NamedValue> parse_params(const std::string& params, std::vector<std::string>& names);

}  // namespace activations::testing
