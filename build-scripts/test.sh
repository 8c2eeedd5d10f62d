#!/usr/bin/env bash
# Sets up what is missing, builds, and runs every test: the C++ core (GoogleTest), its libFuzzer
# harnesses (10 s each, under ASan and UBSan), the JS API on the wasm module (node:test), and the
# page in headless Chromium. Prints how many ran.
set -euo pipefail
cd "$(dirname "$0")/.."

# How long each stage took, printed at the end: the whole run must stay under 15 minutes in CI.
timings=()
stage_start=$SECONDS
stage_done() { # name
  timings+=("$1 $((SECONDS - stage_start)) s")
  stage_start=$SECONDS
}

./build-scripts/setup.sh
stage_done preparación
./build-scripts/build.sh
stage_done compilación

results=build/test-results
rm -rf "$results"
mkdir -p "$results"
status=0

echo "==> Formato (clang-format, Prettier)"
format_ok=1
git ls-files -z --cached --others --exclude-standard -- '*.cpp' '*.h' |
  xargs -0 -r clang-format --dry-run -Werror || format_ok=0
npx prettier --check --log-level=warn . || format_ok=0
((format_ok)) || { status=1; echo "Formato incorrecto: ejecuta 'npm run format' y clang-format -i." >&2; }
stage_done formato

echo "==> Pruebas del núcleo C++ (GoogleTest)"
ctest --preset native --output-junit "$PWD/$results/cpp.xml" | tee "$results/cpp.log" || status=1
stage_done C++

echo "==> Fuzzing del núcleo (libFuzzer con ASan y UBSan, 10 s por arnés)"
ACTIVATIONS_SETUP_DONE=1 ACTIVATIONS_FUZZ_FRESH=1 ./build-scripts/fuzz.sh 10 |
  tee "$results/fuzz.log" || status=1
stage_done fuzzing

# Node 20 applies --test-timeout to each file as a whole: a file that hangs (a page that never
# answers) fails, named, after 7 minutes, twice the slowest file's time here, instead of stalling CI.
# Debian 12's own Node 18 (what setup.sh installs where there is none) refuses the flag: there, a
# file that hangs is stopped by CI's own time limit.
hang_guard=()
if node --help | grep -q -- '--test-timeout'; then hang_guard=(--test-timeout=420000); fi
run_node_suite() { # name, files...
  local name=$1
  shift
  node --test "${hang_guard[@]}" --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/$name.tap" "$@"
}
echo "==> Pruebas js"
# Two files at a time (Node's default is one fewer than the cores): the float32 sweep takes one core.
run_node_suite js --test-concurrency=2 tests/js/*.test.mjs || status=1
stage_done JS

# The browser tests are bound by CPU, but a file alone leaves the cores idle while it waits on its
# pages: they run in two halves at once, about 1,4 times as fast as one after the other (a flag for
# that, --test-concurrency, is Node 20's, not Node 18's). The ones that measure time (input storms, long
# tasks, a training page that must stay responsive; a page from file:// that trains on its main
# thread; frames whose rendering Chromium pauses when busy) run alone afterwards.
echo "==> Pruebas e2e (navegador)"
TIMED=(tests/e2e/memory.test.mjs tests/e2e/network-labs.test.mjs tests/e2e/training-lab.test.mjs
  tests/e2e/offline.test.mjs tests/e2e/embed.test.mjs)
# The first half, chosen so that both take about as long; every other file goes in the second.
FIRST=(tour sharing export softmax-comparison narrow-layout function-labs)
halves=("" "")
for file in tests/e2e/*.test.mjs; do
  [[ " ${TIMED[*]} " == *" $file "* ]] && continue
  name=$(basename "$file" .test.mjs)
  if [[ " ${FIRST[*]} " == *" $name "* ]]; then halves[0]+="$file "; else halves[1]+="$file "; fi
done
# shellcheck disable=SC2086
run_node_suite e2e-a ${halves[0]} >"$results/e2e-a.log" 2>&1 &
pid_a=$!
# shellcheck disable=SC2086
run_node_suite e2e-b ${halves[1]} >"$results/e2e-b.log" 2>&1 &
pid_b=$!
wait "$pid_a" || status=1
wait "$pid_b" || status=1
cat "$results/e2e-a.log" "$results/e2e-b.log"
stage_done "navegador (dos mitades)"
echo "==> Pruebas e2e que miden tiempos (una a una)"
run_node_suite e2e-timed "${TIMED[@]}" || status=1
stage_done "navegador (tiempos)"

count() { # file, TAP key ("tests", "pass", "fail")
  grep -E "^# $2 [0-9]+" "$1" | awk '{ s += $3 } END { print s + 0 }'
}
failures() { # TAP file: failed tests, plus files cancelled by the timeout
  echo $(($(count "$1" fail) + $(count "$1" cancelled)))
}
cpp_total=$(grep -oE 'out of [0-9]+' "$results/cpp.log" | awk '{ print $3 }')
cpp_failed=$(grep -oE '[0-9]+ tests failed' "$results/cpp.log" | awk '{ print $1 }')
js_total=$(count "$results/js.tap" tests)
js_failed=$(failures "$results/js.tap")
e2e_total=0
e2e_failed=0
for part in e2e-a e2e-b e2e-timed; do
  e2e_total=$((e2e_total + $(count "$results/$part.tap" tests)))
  e2e_failed=$((e2e_failed + $(failures "$results/$part.tap")))
done
# "Fuzzing: 4 arneses, 0 con fallos, ..."; a harness that never ran (a failed build) counts as failed.
fuzz_total=4
fuzz_failed=$(awk '/^Fuzzing: [0-9]+ arneses, [0-9]+ con fallos/ { print $4 }' "$results/fuzz.log")
fuzz_failed=${fuzz_failed:-$fuzz_total}
total=$((${cpp_total:-0} + fuzz_total + js_total + e2e_total))
failed=$((${cpp_failed:-0} + fuzz_failed + js_failed + e2e_failed))

echo
echo "Pruebas ejecutadas: $total (C++ ${cpp_total:-0}, fuzzing ${fuzz_total}, JS ${js_total}, navegador ${e2e_total})"
printf 'Tiempos: %s' "${timings[0]}"
printf ', %s' "${timings[@]:1}"
echo "; total $SECONDS s"
if ((status == 0 && failed == 0)); then
  echo "Todas correctas."
else
  echo "Fallos: $failed pruebas$( ((format_ok)) || echo ', y el formato'). Detalles arriba y en $results/." >&2
  exit 1
fi
