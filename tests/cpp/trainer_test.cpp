// The training lab's engine: backpropagation against finite differences for every activation,
// the optimisers' first steps by hand, learning xor, determinism, dead units, the grid and the
// options' checks.

#include "activations/trainer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace activations {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<Trainer> make(const TrainerOptions& options) {
  std::unique_ptr<Trainer> t;
  const Status s = Trainer::create(options, t);
  EXPECT_TRUE(s.ok()) << s.message();
  return t;
}

Trainer::Progress train(Trainer& t, int epochs) {
  Trainer::Progress p{};
  EXPECT_TRUE(t.step(epochs, p).ok());
  return p;
}

// A network that exercises every code path of backpropagation: derived features, two hidden
// layers of different widths, L2, and noisy points so the pre-activations spread over both
// sides of every kink.
TrainerOptions gradient_check_options(std::string_view id) {
  TrainerOptions o;
  o.dataset = "moons";
  o.samples = 60;
  o.noise = 0.2;
  o.features = {"x1", "x2", "x1x2", "sinx1"};
  o.hidden = {5, 3};
  o.activation = std::string(id);
  o.l2 = 0.01;
  o.seed = 7;
  return o;
}

// Central differences of training_loss with respect to one parameter.
double numerical(Trainer& t, std::vector<DenseLayer> layers, std::size_t l, bool bias,
                 std::size_t k, double h) {
  auto& v = bias ? layers[l].biases[k] : layers[l].weights[k];
  const double saved = v;
  v = saved + h;
  t.set_layers(layers);
  const double up = t.training_loss();
  v = saved - h;
  t.set_layers(layers);
  const double down = t.training_loss();
  v = saved;
  t.set_layers(layers);
  return (up - down) / (2 * h);
}

TEST(Trainer, GradientsMatchFiniteDifferencesForEveryActivation) {
  int checked = 0;
  for (const ActivationSpec& spec : registry()) {
    if (spec.kind != Kind::kElementwise) continue;
    SCOPED_TRACE(std::string(spec.id));
    auto t = make(gradient_check_options(spec.id));
    // Smaller weights than the initialiser's keep exponential finite through two layers fed
    // x1 x2 (up to 36), and nonzero biases move the kinks off z = 0.
    std::vector<DenseLayer> layers = t->layers();
    for (DenseLayer& layer : layers) {
      for (double& w : layer.weights) w *= 0.25;
      for (std::size_t k = 0; k < layer.biases.size(); ++k) layer.biases[k] = 0.3 * (k % 3) - 0.2;
    }
    t->set_layers(layers);
    const std::vector<DenseLayer> grads = t->training_gradient();
    for (std::size_t l = 0; l < layers.size(); ++l) {
      for (bool bias : {false, true}) {
        const auto& g = bias ? grads[l].biases : grads[l].weights;
        for (std::size_t k = 0; k < g.size(); ++k) {
          // h = 1e-6: truncation ~h^2 f''' ~ 1e-12 and rounding ~eps / h ~ 1e-10, both far
          // below the tolerance; a wrong term of backpropagation is off by far more.
          const double fd = numerical(*t, layers, l, bias, k, 1e-6);
          EXPECT_NEAR(g[k], fd, 1e-7 * (1 + std::fabs(fd)))
              << "layer " << l << (bias ? " bias " : " weight ") << k;
        }
      }
    }
    ++checked;
  }
  EXPECT_EQ(checked, 26);
}

TEST(Trainer, OptimisersTakeTheirFirstStepByHand) {
  for (std::string optimizer : {"sgd", "momentum", "adam"}) {
    SCOPED_TRACE(optimizer);
    TrainerOptions o;
    o.dataset = "gauss";
    o.samples = 20;
    o.hidden = {};
    o.batch_size = 10;  // the whole training set: one epoch is one update
    o.optimizer = optimizer;
    o.learning_rate = 0.1;
    o.l2 = 0.05;
    auto t = make(o);
    const DenseLayer before = t->layers()[0];
    const DenseLayer g = t->training_gradient()[0];
    train(*t, 1);
    const DenseLayer& after = t->layers()[0];
    for (std::size_t k = 0; k < 2; ++k) {
      // SGD and momentum (v = -lr g from v = 0) move by -lr g; Adam's bias-corrected first
      // step is -lr g / (|g| + 1e-7).
      const double expected = optimizer == "adam"
                                  ? -0.1 * g.weights[k] / (std::fabs(g.weights[k]) + 1e-7)
                                  : -0.1 * g.weights[k];
      EXPECT_NEAR(after.weights[k] - before.weights[k], expected, 1e-12);
    }
  }
}

TEST(Trainer, LearnsXorWithTanh) {
  // TensorFlow Playground's defaults on xor: inputs x1 and x2, hidden [4, 2], tanh, SGD at 0.03,
  // batch 10, half of 500 points for training. A constant guess scores ln 2 = 0.693; a loss
  // below 0.1 needs an average probability of at least e^-0.1 = 0.905 on the true class of the
  // unseen test points, which only a network that has bent its boundary along both axes gets.
  TrainerOptions o;
  o.dataset = "xor";
  auto t = make(o);
  const Trainer::Progress start = train(*t, 0);
  EXPECT_NEAR(start.test_loss, std::log(2.0), 0.25);
  const Trainer::Progress end = train(*t, 300);
  EXPECT_EQ(end.epoch, 300);
  EXPECT_LT(end.test_loss, 0.1);
  EXPECT_LT(end.train_loss, 0.1);
}

TEST(Trainer, TheProductFeatureAloneSolvesXorWithoutHiddenLayers) {
  TrainerOptions o;
  o.dataset = "xor";
  o.features = {"x1x2"};
  o.hidden = {};
  o.learning_rate = 0.1;
  auto t = make(o);
  EXPECT_LT(train(*t, 50).test_loss, 0.05);
}

TEST(Trainer, TheSameSeedGivesTheSameRun) {
  TrainerOptions o;
  o.dataset = "spiral";
  o.noise = 0.1;
  o.optimizer = "adam";
  o.hidden = {8, 8};
  o.activation = "relu";
  o.learning_rate = 0.01;
  auto a = make(o);
  auto b = make(o);
  for (int i = 0; i < 5; ++i) {
    const auto pa = train(*a, 4);
    const auto pb = train(*b, 4);
    EXPECT_EQ(pa.train_loss, pb.train_loss);
    EXPECT_EQ(pa.test_loss, pb.test_loss);
  }
  o.seed = 2;
  auto c = make(o);
  EXPECT_NE(train(*c, 20).train_loss, train(*a, 0).train_loss);
}

TEST(Trainer, TheSameSeedAndInitialiserGiveTheSameWeightsWhateverTheActivation) {
  TrainerOptions o;
  o.init = "glorot_uniform";
  o.activation = "relu";
  auto relu = make(o);
  o.activation = "selu";
  auto selu = make(o);
  for (std::size_t l = 0; l < relu->layers().size(); ++l) {
    EXPECT_EQ(relu->layers()[l].weights, selu->layers()[l].weights);
  }
}

TEST(Trainer, SplitsThePointsAsAsked) {
  TrainerOptions o;
  o.samples = 200;
  o.train_fraction = 0.7;
  auto t = make(o);
  EXPECT_EQ(t->train_points().size(), 140u);
  EXPECT_EQ(t->test_points().size(), 60u);
}

TEST(Trainer, CountsUnitsThatAreZeroForEveryTrainingPoint) {
  TrainerOptions o;
  o.activation = "relu";
  o.hidden = {3, 2};
  auto t = make(o);
  std::vector<DenseLayer> layers = t->layers();
  layers[0].biases = {-100, 0, -100};  // |w x| < 100 on [-6, 6]^2: units 0 and 2 never fire
  layers[0].weights = {0.1, 0.1, 1, 0, 0.1, 0.1};
  t->set_layers(layers);
  const auto dead = t->dead_units();
  ASSERT_EQ(dead.size(), 2u);
  EXPECT_EQ(dead[0], (std::vector<int>{0, 2}));
}

TEST(Trainer, ReluUnitsDieAtAHighLearningRate) {
  TrainerOptions o;
  o.activation = "relu";
  o.hidden = {8, 8};
  o.learning_rate = 3;
  o.dataset = "spiral";
  auto t = make(o);
  train(*t, 20);
  std::size_t dead = 0;
  for (const auto& layer : t->dead_units()) dead += layer.size();
  EXPECT_GE(dead, 4u);
}

TEST(Trainer, ScoresTheGridRowByRowFromTheTopLeft) {
  TrainerOptions o;
  o.hidden = {};
  auto t = make(o);
  std::vector<DenseLayer> layers = t->layers();
  layers[0].weights = {1, -0.5};  // p = sigmoid(x1 - 0.5 x2)
  t->set_layers(layers);
  std::vector<double> grid;
  ASSERT_TRUE(t->predict_grid(3, grid).ok());
  ASSERT_EQ(grid.size(), 9u);
  const auto p = [](double x1, double x2) { return 1 / (1 + std::exp(-(x1 - 0.5 * x2))); };
  EXPECT_DOUBLE_EQ(grid[0], p(-6, 6));
  EXPECT_DOUBLE_EQ(grid[2], p(6, 6));
  EXPECT_DOUBLE_EQ(grid[4], p(0, 0));
  EXPECT_DOUBLE_EQ(grid[6], p(-6, -6));
  EXPECT_DOUBLE_EQ(grid[8], p(6, -6));
}

TEST(Trainer, RejectsEveryOptionOutOfRange) {
  struct Case {
    void (*edit)(TrainerOptions&);
    std::string culprit;
    std::string message;
  };
  const Case cases[] = {
      {[](TrainerOptions& o) { o.dataset = "donut"; }, "dataset",
       "circle, xor, gauss, spiral, moons"},
      {[](TrainerOptions& o) { o.samples = 9; }, "samples", "[10, 5000]"},
      {[](TrainerOptions& o) { o.noise = -0.1; }, "noise", "[0, 0.5]"},
      {[](TrainerOptions& o) { o.noise = NAN; }, "noise", "[0, 0.5]"},
      {[](TrainerOptions& o) { o.train_fraction = 0.95; }, "trainFraction", "[0.1, 0.9]"},
      {[](TrainerOptions& o) { o.features = {}; }, "features", "at least one"},
      {[](TrainerOptions& o) {
         o.features = {"x1", "x3"};
       },
       "features", "\"x3\" is unknown"},
      {[](TrainerOptions& o) {
         o.features = {"x1", "x1"};
       },
       "features", "twice"},
      {[](TrainerOptions& o) { o.hidden = {4, 4, 4, 4, 4, 4, 4}; }, "hidden", "[0, 6]"},
      {[](TrainerOptions& o) {
         o.hidden = {4, 17};
       },
       "hidden[1]", "[1, 16]"},
      {[](TrainerOptions& o) { o.activation = "softmax"; }, "activation", "elementwise"},
      {[](TrainerOptions& o) { o.activation = "relu7"; }, "relu7", "unknown activation"},
      {[](TrainerOptions& o) {
         o.activation = "elu";
         o.params = {{"alpha", -1}};
       },
       "alpha", "[0, +inf)"},
      {[](TrainerOptions& o) { o.optimizer = "rmsprop"; }, "optimizer", "sgd, momentum, adam"},
      {[](TrainerOptions& o) { o.learning_rate = 0; }, "learningRate", "(0, 10]"},
      {[](TrainerOptions& o) { o.batch_size = 0; }, "batchSize", "[1, 5000]"},
      {[](TrainerOptions& o) { o.l2 = 2; }, "l2", "[0, 1]"},
      {[](TrainerOptions& o) { o.init = "zeros"; }, "init", "he_normal"},
  };
  for (const Case& c : cases) {
    TrainerOptions o;
    c.edit(o);
    std::unique_ptr<Trainer> t;
    const Status s = Trainer::create(o, t);
    EXPECT_FALSE(s.ok()) << c.culprit;
    EXPECT_EQ(s.culprit(), c.culprit);
    EXPECT_THAT(s.message(), HasSubstr(c.message)) << s.message();
    EXPECT_EQ(t, nullptr);
  }
}

TEST(Trainer, RejectsStepsAndGridsOutOfRange) {
  auto t = make(TrainerOptions{});
  Trainer::Progress p{};
  EXPECT_THAT(t->step(-1, p).message(),
              HasSubstr("epochs = -1 is out of range; valid range is [0, 1000]"));
  EXPECT_FALSE(t->step(1001, p).ok());
  std::vector<double> grid;
  EXPECT_THAT(t->predict_grid(1, grid).message(), HasSubstr("[2, 512]"));
  EXPECT_FALSE(t->predict_grid(513, grid).ok());
  EXPECT_EQ(t->epoch(), 0);
}

TEST(Datasets, AreDeterministicBalancedAndInsideTheSquare) {
  for (std::string_view name : kDatasets) {
    SCOPED_TRACE(std::string(name));
    const auto a = make_dataset(name, 400, 0.2, 3);
    const auto b = make_dataset(name, 400, 0.2, 3);
    ASSERT_EQ(a.size(), 400u);
    double positives = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].x1, b[i].x1);
      EXPECT_TRUE(a[i].label == 0 || a[i].label == 1);
      EXPECT_LE(std::fabs(a[i].x1), 6);
      EXPECT_LE(std::fabs(a[i].x2), 6);
      positives += a[i].label;
    }
    EXPECT_GT(positives, 120);
    EXPECT_LT(positives, 280);
    EXPECT_NE(make_dataset(name, 400, 0.2, 4)[0].x1, a[0].x1);
  }
}

TEST(Datasets, LabelsFollowTheirDefinitionsWithoutNoise) {
  for (const Point& p : make_dataset("circle", 300, 0, 1)) {
    EXPECT_EQ(p.label, std::hypot(p.x1, p.x2) < 2.5 ? 1 : 0);
  }
  for (const Point& p : make_dataset("xor", 300, 0, 1)) {
    EXPECT_EQ(p.label, p.x1 * p.x2 >= 0 ? 1 : 0);
    EXPECT_GE(std::fabs(p.x1), 0.3);  // the padding keeps points off the axes
  }
  EXPECT_TRUE(make_dataset("donut", 10, 0, 1).empty());
}

}  // namespace
}  // namespace activations
