// Evaluates the native core on every reference point and writes the results beside the
// reference files, so the JS suite can check that wasm and native agree.

#include <cstdio>
#include <string>
#include <vector>

#include "activations/probe.h"
#include "reference.h"

using namespace activations;
using namespace activations::testing;

namespace {

void print_list(std::FILE* out, const std::vector<double>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::fprintf(out, "%s%.17g", i == 0 ? "" : ",", values[i]);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: native_dump REFERENCE_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];

  std::FILE* out = std::fopen((dir + "/native-elementwise.tsv").c_str(), "w");
  if (out == nullptr) return 1;
  std::fprintf(out, "# id\tparams\tz\tf\tdf (native core)\n");
  for (const auto& c : read_elementwise(dir + "/elementwise.tsv")) {
    std::vector<std::string> names;
    const auto params = parse_params(c.params, names);
    double f = 0;
    double df = 0;
    const Status status = evaluate(c.id, params, {&c.z, 1}, {&f, 1}, {&df, 1});
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.message().c_str());
      return 1;
    }
    std::fprintf(out, "%s\t%s\t%.17g\t%.17g\t%.17g\n", c.id.c_str(), c.params.c_str(), c.z, f, df);
  }
  std::fclose(out);

  out = std::fopen((dir + "/native-vector.tsv").c_str(), "w");
  if (out == nullptr) return 1;
  std::fprintf(out, "# id\ttemperature\tlogits\toutput\tjacobian (native core)\n");
  for (const auto& c : read_vector(dir + "/vector.tsv")) {
    const std::vector<NamedValue> params = {{"temperature", c.temperature}};
    std::vector<double> y(c.logits.size());
    std::vector<double> jac(y.size() * y.size());
    if (!apply(c.id, params, c.logits, y).ok() || !jacobian(c.id, params, c.logits, jac).ok()) {
      return 1;
    }
    std::fprintf(out, "%s\t%.17g\t", c.id.c_str(), c.temperature);
    print_list(out, c.logits);
    std::fputc('\t', out);
    print_list(out, y);
    std::fputc('\t', out);
    print_list(out, jac);
    std::fputc('\n', out);
  }
  std::fclose(out);

  // The network probe on a few configurations (the JS suite runs the same ones in wasm).
  out = std::fopen((dir + "/native-probe.tsv").c_str(), "w");
  if (out == nullptr) return 1;
  std::fprintf(out,
               "# activation\tinit\tdepth\twidth\tbatch\tseed\tbottleneck\tmean\tstd"
               "\tsaturated\tdead\tgradientNorm (per layer, comma-separated)\n");
  struct Config {
    const char* activation;
    const char* init;
    int depth, width, batch, seed, bottleneck;
  };
  for (const Config& c : {Config{"selu", "lecun_normal", 50, 128, 256, 1, 0},
                          Config{"sigmoid", "glorot_uniform", 30, 128, 256, 7, 0},
                          Config{"relu", "he_normal", 20, 67, 33, 3, 2},
                          Config{"gelu", "glorot_normal", 8, 16, 5, 11, 0}}) {
    ProbeOptions o;
    o.activation = c.activation;
    o.init = c.init;
    o.depth = c.depth;
    o.width = c.width;
    o.batch = c.batch;
    o.seed = static_cast<std::uint64_t>(c.seed);
    o.bottleneck = c.bottleneck;
    ProbeResult r;
    if (!run_probe(o, r).ok()) return 1;
    std::fprintf(out, "%s\t%s\t%d\t%d\t%d\t%d\t%d", c.activation, c.init, c.depth, c.width, c.batch,
                 c.seed, c.bottleneck);
    for (double ProbeLayer::*field : {&ProbeLayer::mean, &ProbeLayer::std, &ProbeLayer::saturated,
                                      &ProbeLayer::dead, &ProbeLayer::gradient_norm}) {
      std::vector<double> column;
      for (const auto& layer : r.layers) column.push_back(layer.*field);
      std::fputc('\t', out);
      print_list(out, column);
    }
    std::fputc('\n', out);
  }
  std::fclose(out);
  return 0;
}
