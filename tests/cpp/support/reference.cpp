#include "reference.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace activations::testing {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) parts.push_back(part);
  return parts;
}

double number(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0') throw std::runtime_error("bad number: " + text);
  return v;
}

std::vector<double> numbers(const std::string& text) {
  std::vector<double> out;
  for (const auto& part : split(text, ',')) out.push_back(number(part));
  return out;
}

std::vector<std::vector<std::string>> rows(const std::string& path, std::size_t columns) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::vector<std::string>> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto fields = split(line, '\t');
    if (fields.size() != columns) throw std::runtime_error("bad row in " + path + ": " + line);
    out.push_back(std::move(fields));
  }
  return out;
}

}  // namespace

std::string reference_path(const std::string& file) {
  return std::string(ACTIVATIONS_REFERENCE_DIR) + "/" + file;
}

std::vector<ElementwiseCase> read_elementwise(const std::string& path) {
  std::vector<ElementwiseCase> out;
  for (const auto& r : rows(path, 5))
    out.push_back({r[0], r[1], number(r[2]), number(r[3]), number(r[4])});
  return out;
}

std::vector<VectorCase> read_vector(const std::string& path) {
  std::vector<VectorCase> out;
  for (const auto& r : rows(path, 5)) {
    out.push_back({r[0], number(r[1]), numbers(r[2]), numbers(r[3]), numbers(r[4])});
  }
  return out;
}

std::vector<NamedValue> parse_params(const std::string& params, std::vector<std::string>& names) {
  std::vector<NamedValue> out;
  if (params == "-") return out;
  const auto parts = split(params, ',');
  names.clear();
  names.reserve(parts.size());
  std::vector<double> values;
  for (const auto& part : parts) {
    const auto eq = part.find('=');
    names.push_back(part.substr(0, eq));
    values.push_back(number(part.substr(eq + 1)));
  }
  for (std::size_t i = 0; i < names.size(); ++i) out.push_back({names[i], values[i]});
  return out;
}

}  // namespace activations::testing
