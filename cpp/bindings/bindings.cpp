// The table of names the JS wrapper (web/lib/activations.js) calls. No logic here: conversions
// live in helpers.cpp, maths in the core. Raw names start with "_": only web/lib uses them.

#include <emscripten/bind.h>

#include "helpers.h"
#include "probe_handle.h"
#include "trainer_handle.h"

EMSCRIPTEN_BINDINGS(activations) {
  // Statuses cross as plain objects built field by field (status_object), not as an Embind
  // value_object: its glue walks the field table with for…in, which a polluted
  // Object.prototype (another script on an LMS page) turns into a crash.
  emscripten::function("_registry", &activations::js::registry_to_js);
  emscripten::function("_evaluate", &activations::js::evaluate);
  emscripten::function("_prepare32", &activations::js::prepare32);
  emscripten::function("_scratch32", &activations::js::scratch32);
  emscripten::function("_run32", &activations::js::run32);
  emscripten::function("_apply", &activations::js::apply);
  emscripten::function("_jacobian", &activations::js::jacobian);
  emscripten::function("_heapInUse", &activations::js::heap_in_use);

  using activations::js::TrainerHandle;
  emscripten::class_<TrainerHandle>("_Trainer")
      .constructor<>()
      .function("create", &TrainerHandle::create)
      .function("step", &TrainerHandle::step)
      .function("predictGrid", &TrainerHandle::predict_grid)
      .function("layers", &TrainerHandle::layers)
      .function("deadUnits", &TrainerHandle::dead_units)
      .function("points", &TrainerHandle::points);

  using activations::js::ProbeHandle;
  emscripten::class_<ProbeHandle>("_ProbeRun")
      .constructor<>()
      .function("start", &ProbeHandle::start)
      .function("totalSteps", &ProbeHandle::total_steps)
      .function("step", &ProbeHandle::step)
      .function("result", &ProbeHandle::result);
}
