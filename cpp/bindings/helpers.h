#pragma once

// Conversions between JS values and the core's types. No maths here.

#include <emscripten/val.h>

#include <string>

namespace activations::js {

// A Status as the JS wrapper reads it; code "ok" means success.
struct JsStatus {
  std::string code;
  std::string culprit;
  std::string message;
};

// The registry as plain JS objects (the wrapper freezes and documents them).
emscripten::val registry_to_js();

// `names` is an array of strings and `values` an array of numbers of the same length; `z`, `f`
// and `df` are Float64Arrays of one length. Results are written into `f` and `df`.
JsStatus evaluate(const std::string& id, const emscripten::val& names,
                  const emscripten::val& values, const emscripten::val& z, const emscripten::val& f,
                  const emscripten::val& df);

// Vector functions: `out` has x's length (apply) or its square (jacobian).
JsStatus apply(const std::string& id, const emscripten::val& names, const emscripten::val& values,
               const emscripten::val& x, const emscripten::val& out);
JsStatus jacobian(const std::string& id, const emscripten::val& names,
                  const emscripten::val& values, const emscripten::val& x,
                  const emscripten::val& out);

}  // namespace activations::js

namespace activations::js {

// Runs the network probe. `options` is a plain object already type-checked by the JS wrapper;
// returns { code, culprit, message } on error, or the per-layer statistics as Float64Arrays.
emscripten::val probe(const emscripten::val& options);

}  // namespace activations::js
