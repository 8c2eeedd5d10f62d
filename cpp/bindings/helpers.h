#pragma once

// Conversions between JS values and the core's types. No maths here.

#include <emscripten/val.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "activations/status.h"

namespace activations::js {

// The registry as plain JS objects (the wrapper freezes and documents them).
emscripten::val registry_to_js();

// `names` is an array of strings and `values` an array of numbers of the same length; `z`, `f`
// and `df` are Float64Arrays of one length. Results are written into `f` and `df`.
emscripten::val evaluate(const std::string& id, const emscripten::val& names,
                         const emscripten::val& values, const emscripten::val& z,
                         const emscripten::val& f, const emscripten::val& df);

// The float32 path: z, f and f' cross through a scratch buffer in the wasm heap, with no
// conversion. prepare32 checks the id and the parameters and keeps them (its status is the
// evaluation's); scratch32(n) makes room for n elements and returns the buffer's address (z at
// it, f after n floats, f' after 2n; reused across calls, it only grows, up to the JS chunk
// size); run32(n, with_df) evaluates the prepared call on them (f alone when with_df is false)
// and returns whether it could.
emscripten::val prepare32(const std::string& id, const emscripten::val& names,
                          const emscripten::val& values);
std::size_t scratch32(std::size_t n);
bool run32(std::size_t n, bool with_df);

// Vector functions: `out` has x's length (apply) or its square (jacobian).
emscripten::val apply(const std::string& id, const emscripten::val& names,
                      const emscripten::val& values, const emscripten::val& x,
                      const emscripten::val& out);
emscripten::val jacobian(const std::string& id, const emscripten::val& names,
                         const emscripten::val& values, const emscripten::val& x,
                         const emscripten::val& out);

// Bytes the core's allocator has handed out and not taken back (for leak checks).
std::size_t heap_in_use();

}  // namespace activations::js

namespace activations::js {

// A copy of `v` as a new Float64Array.
emscripten::val to_array(const std::vector<double>& v);

// { code, culprit, message }, to which results are added on success.
emscripten::val status_object(const Status& status);

// Parameter names (strings) and values (numbers), as the JS wrapper splits them.
std::vector<std::pair<std::string, double>> params_from_js(const emscripten::val& names,
                                                           const emscripten::val& values);

}  // namespace activations::js
