#!/usr/bin/env bash
# Sets up what is missing, builds, and serves dist/ on http://localhost:8000 ($PORT changes it).
set -euo pipefail
cd "$(dirname "$0")/.."

./build-scripts/setup.sh
./build-scripts/build.sh
exec node build-scripts/lib/serve.mjs dist
