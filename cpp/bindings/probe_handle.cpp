#include "probe_handle.h"

#include <cstdint>
#include <vector>

#include "helpers.h"

namespace activations::js {

using emscripten::val;

val ProbeHandle::start(const val& o) {
  ProbeOptions options;
  options.activation = o["activation"].as<std::string>();
  options.params = params_from_js(o["paramNames"], o["paramValues"]);
  options.depth = o["depth"].as<int>();
  options.width = o["width"].as<int>();
  options.batch = o["batch"].as<int>();
  options.init = o["init"].as<std::string>();
  options.input_mean = o["inputMean"].as<double>();
  options.input_std = o["inputStd"].as<double>();
  options.seed = static_cast<std::uint64_t>(o["seed"].as<double>());
  options.bottleneck = o["bottleneck"].as<int>();
  options.histogram_bins = o["histogramBins"].as<int>();
  return status_object(run_.start(options));
}

int ProbeHandle::step(int steps) {
  for (int i = 0; i < steps && !run_.finished(); ++i) run_.step();
  return run_.steps_done();
}

val ProbeHandle::result() const {
  const ProbeResult& r = run_.result();
  const auto column = [&](double ProbeLayer::*field) {
    std::vector<double> v;
    for (const auto& layer : r.layers) v.push_back(layer.*field);
    return to_array(v);
  };
  val out = val::object();
  out.set("mean", column(&ProbeLayer::mean));
  out.set("std", column(&ProbeLayer::std));
  out.set("saturated", column(&ProbeLayer::saturated));
  out.set("dead", column(&ProbeLayer::dead));
  out.set("gradientNorm", column(&ProbeLayer::gradient_norm));
  out.set("edges", to_array(r.histogram_edges));
  out.set("counts", to_array(r.histogram_counts));
  return out;
}

}  // namespace activations::js
