#pragma once

// The network probe as an Embind class, run in steps (see ProbeRun). JS makes one, calls
// start(options) once and reads the status; the other methods assume a started run (the JS
// wrapper guarantees it).

#include <emscripten/val.h>

#include "activations/probe.h"

namespace activations::js {

class ProbeHandle {
 public:
  // `options` is a plain object already type-checked by the JS wrapper.
  emscripten::val start(const emscripten::val& options);
  int total_steps() const { return run_.total_steps(); }
  // Runs up to `steps` more steps; returns how many are done.
  int step(int steps);
  // The per-layer statistics and the histogram, as Float64Arrays.
  emscripten::val result() const;

 private:
  ProbeRun run_;
};

}  // namespace activations::js
