#pragma once

// The trainer as an Embind class. JS makes one, calls create(options) once and reads the status;
// every other method assumes a created trainer (the JS wrapper guarantees it).

#include <emscripten/val.h>

#include <memory>

#include "activations/trainer.h"

namespace activations::js {

class TrainerHandle {
 public:
  // `options` is a plain object already type-checked by the JS wrapper.
  emscripten::val create(const emscripten::val& options);
  // { code, culprit, message } plus, on success, epoch, trainLoss and testLoss.
  emscripten::val step(int epochs);
  // Writes P(label = 1) on the n x n grid into `out` (a Float64Array of n * n).
  emscripten::val predict_grid(int n, const emscripten::val& out);
  // [{ in, out, weights: Float64Array (out x in, row-major), biases: Float64Array }]
  emscripten::val layers() const;
  // Per hidden layer, an array of the indices of dead units.
  emscripten::val dead_units() const;
  // { train, test }: Float64Arrays of x1, x2, label triples.
  emscripten::val points() const;

 private:
  std::unique_ptr<Trainer> trainer_;
};

}  // namespace activations::js
