// Evaluates the native core on every reference point and writes the results beside the
// reference files, so the JS suite can check that wasm and native agree.

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "activations/probe.h"
#include "activations/trainer.h"
#include "reference.h"

using namespace activations;
using namespace activations::testing;

namespace {

void print_list(std::FILE* out, const std::vector<double>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::fprintf(out, "%s%.17g", i == 0 ? "" : ",", values[i]);
  }
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// The trainer on a few configurations: losses after every 5 epochs and a 6 x 6 grid at the end
// (the JS suite trains the same ones in wasm).
bool dump_trainer(const std::string& dir) {
  std::FILE* out = std::fopen((dir + "/native-trainer.tsv").c_str(), "w");
  if (out == nullptr) return false;
  std::fprintf(out,
               "# dataset\tnoise\tactivation\toptimizer\tlearningRate\tfeatures\thidden"
               "\ttrainLoss\ttestLoss\tgrid (every 5 epochs, 20 epochs)\n");
  struct Config {
    const char *dataset, *activation, *optimizer, *features, *hidden;
    double noise, learning_rate;
  };
  for (const Config& c :
       {Config{"xor", "tanh", "sgd", "x1,x2", "4,2", 0.0, 0.03},
        Config{"spiral", "relu", "adam", "x1,x2,sinx1,sinx2", "8,8,4", 0.2, 0.01},
        Config{"circle", "selu", "momentum", "x1,x2,x1sq,x2sq,x1x2", "6", 0.1, 0.01},
        Config{"moons", "gelu", "adam", "x1,x2", "5,5", 0.3, 0.02},
        Config{"gauss", "softplus", "sgd", "x1,x2", "3", 0.5, 0.1}}) {
    TrainerOptions o;
    o.dataset = c.dataset;
    o.noise = c.noise;
    o.activation = c.activation;
    o.optimizer = c.optimizer;
    o.learning_rate = c.learning_rate;
    o.features = split(c.features);
    o.hidden.clear();
    for (const std::string& h : split(c.hidden)) o.hidden.push_back(std::stoi(h));
    std::unique_ptr<Trainer> t;
    if (!Trainer::create(o, t).ok()) return false;
    std::vector<double> train, test, grid;
    for (int i = 0; i < 4; ++i) {
      Trainer::Progress p{};
      if (!t->step(5, p).ok()) return false;
      train.push_back(p.train_loss);
      test.push_back(p.test_loss);
    }
    if (!t->predict_grid(6, grid).ok()) return false;
    std::fprintf(out, "%s\t%.17g\t%s\t%s\t%.17g\t%s\t%s\t", c.dataset, c.noise, c.activation,
                 c.optimizer, c.learning_rate, c.features, c.hidden);
    print_list(out, train);
    std::fputc('\t', out);
    print_list(out, test);
    std::fputc('\t', out);
    print_list(out, grid);
    std::fputc('\n', out);
  }
  std::fclose(out);
  return true;
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
  return dump_trainer(dir) ? 0 : 1;
}
