#include "trainer_handle.h"

#include <string>
#include <vector>

#include "helpers.h"

namespace activations::js {
namespace {

using emscripten::val;

std::vector<std::string> strings(const val& array) {
  std::vector<std::string> out;
  for (unsigned i = 0; i < array["length"].as<unsigned>(); ++i) {
    out.push_back(array[i].as<std::string>());
  }
  return out;
}

std::vector<int> ints(const val& array) {
  std::vector<int> out;
  for (unsigned i = 0; i < array["length"].as<unsigned>(); ++i) out.push_back(array[i].as<int>());
  return out;
}

val triples(const std::vector<Point>& points) {
  std::vector<double> flat;
  flat.reserve(points.size() * 3);
  for (const Point& p : points) flat.insert(flat.end(), {p.x1, p.x2, p.label});
  return to_array(flat);
}

}  // namespace

val TrainerHandle::create(const val& o) {
  TrainerOptions options;
  options.dataset = o["dataset"].as<std::string>();
  options.samples = o["samples"].as<int>();
  options.noise = o["noise"].as<double>();
  options.train_fraction = o["trainFraction"].as<double>();
  options.seed = static_cast<std::uint64_t>(o["seed"].as<double>());
  options.features = strings(o["features"]);
  options.hidden = ints(o["hidden"]);
  options.activation = o["activation"].as<std::string>();
  options.params = params_from_js(o["paramNames"], o["paramValues"]);
  options.optimizer = o["optimizer"].as<std::string>();
  options.learning_rate = o["learningRate"].as<double>();
  options.batch_size = o["batchSize"].as<int>();
  options.l2 = o["l2"].as<double>();
  options.init = o["init"].as<std::string>();
  return status_object(Trainer::create(options, trainer_));
}

val TrainerHandle::step(int epochs) {
  Trainer::Progress p{};
  const Status status = trainer_->step(epochs, p);
  val out = status_object(status);
  if (status.ok()) {
    out.set("epoch", p.epoch);
    out.set("trainLoss", p.train_loss);
    out.set("testLoss", p.test_loss);
  }
  return out;
}

val TrainerHandle::predict_grid(int n, const val& out) {
  static std::vector<double> grid;
  const Status status = trainer_->predict_grid(n, grid);
  if (status.ok())
    out.call<void>("set", val(emscripten::typed_memory_view(grid.size(), grid.data())));
  return status_object(status);
}

val TrainerHandle::layers() const {
  val list = val::array();
  for (const DenseLayer& layer : trainer_->layers()) {
    val l = val::object();
    l.set("in", layer.in);
    l.set("out", layer.out);
    l.set("weights", to_array(layer.weights));
    l.set("biases", to_array(layer.biases));
    list.call<void>("push", l);
  }
  return list;
}

val TrainerHandle::dead_units() const {
  val list = val::array();
  for (const auto& units : trainer_->dead_units()) {
    val layer = val::array();
    for (int u : units) layer.call<void>("push", u);
    list.call<void>("push", layer);
  }
  return list;
}

val TrainerHandle::points() const {
  val out = val::object();
  out.set("train", triples(trainer_->train_points()));
  out.set("test", triples(trainer_->test_points()));
  return out;
}

}  // namespace activations::js
