#!/usr/bin/env bash
# Benchmarks (timings never go in tests): the native core with Google Benchmark, the JS API over
# the wasm module in Node, the elementwise float32 path against TF.js in Node and Chromium, the
# probe and the trainer against TF.js, and the page in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

./build-scripts/setup.sh >/dev/null
./build-scripts/build.sh >/dev/null

echo "==> Núcleo nativo (Google Benchmark)"
build/native/tests/bench/core_bench --benchmark_min_time=0.2
echo
echo "==> API JS sobre WebAssembly (Node)"
node tests/bench/api-bench.mjs
echo
echo "==> Funciones elemento a elemento, 10⁶ elementos: float64, float32 (SIMD), bucle JS y TensorFlow.js (Node y Chromium)"
node tests/bench/elementwise-bench.mjs 2>&1 | grep -v -e '^Hi, looks like' -e '^=*$'
echo
echo "==> La sonda de red frente a TensorFlow.js (Node)"
node tests/bench/probe-bench.mjs 2>&1 | grep -v -e '^Hi, looks like' -e '^=*$'
echo
echo "==> El laboratorio de entrenamiento frente a TensorFlow.js (Node)"
node tests/bench/trainer-bench.mjs 2>&1 | grep -v -e '^Hi, looks like' -e '^=*$'
echo
echo "==> La página en Chromium sin interfaz"
node tests/bench/page-bench.mjs
