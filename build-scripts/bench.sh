#!/usr/bin/env bash
# Benchmarks (timings never go in tests): the native core with Google Benchmark, and the JS API
# over the wasm module in Node.
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
echo "==> La sonda de red frente a TensorFlow.js (Node)"
node tests/bench/probe-bench.mjs 2>&1 | grep -v -e '^Hi, looks like' -e '^=*$'
echo
echo "==> El laboratorio de entrenamiento frente a TensorFlow.js (Node)"
node tests/bench/trainer-bench.mjs 2>&1 | grep -v -e '^Hi, looks like' -e '^=*$'
echo
echo "==> La página en Chromium sin interfaz"
node tests/bench/page-bench.mjs
