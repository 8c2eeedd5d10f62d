#!/usr/bin/env bash
# Builds the native core (tests, benchmarks) and the WebAssembly module, and assembles the site
# in dist/. CMake does the work, through the presets in CMakePresets.json.
set -euo pipefail
cd "$(dirname "$0")/.."

for preset in native wasm; do
  echo "==> Compilando ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done
echo "==> Sitio listo en dist/"
