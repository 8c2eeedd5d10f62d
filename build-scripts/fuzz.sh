#!/usr/bin/env bash
# Builds the libFuzzer harnesses of the core (preset `fuzz`: clang, ASan and UBSan, any undefined
# behaviour aborts) and runs every harness for SECONDS (default 60), all at the same time. Each
# keeps its corpus in build/fuzz/corpus/<harness> between runs; a failing input is kept in
# build/fuzz/artifacts/ and replays with `build/fuzz/bin/fuzz_<harness> <file>`.
# Exits non-zero when a harness fails (a broken invariant, a sanitizer report, a crash, a hang).
#
#   ./build-scripts/fuzz.sh [SECONDS]
#
# ACTIVATIONS_FUZZ_FRESH=1 starts every harness from an empty corpus instead (test.sh does, as a
# fresh clone would): replaying a corpus grown over long sessions can take longer than SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if [[ ! $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "Uso: $0 [SEGUNDOS]  (segundos por arnés, 60 si no se indica)" >&2
  exit 2
fi

# test.sh has just run setup.sh; on its own, this script runs it (it only installs what is missing).
[[ ${ACTIVATIONS_SETUP_DONE:-0} == 1 ]] || ./build-scripts/setup.sh

echo "==> Compilando los arneses de fuzzing (clang, ASan y UBSan)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

dir=build/fuzz
harnesses=(elementwise vector probe trainer)
mkdir -p "$dir/artifacts" "$dir/logs"

# Readable stack traces in sanitizer reports, wherever Debian put llvm-symbolizer.
if [[ -z ${ASAN_SYMBOLIZER_PATH:-} ]]; then
  for symbolizer in "$(command -v llvm-symbolizer || true)" /usr/lib/llvm-*/bin/llvm-symbolizer; do
    if [[ -x $symbolizer ]]; then
      export ASAN_SYMBOLIZER_PATH=$symbolizer
      break
    fi
  done
fi
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "==> Fuzzing: ${#harnesses[@]} arneses a la vez durante ${seconds} s cada uno ($(nproc) núcleos)"
corpus=$dir/corpus
if [[ ${ACTIVATIONS_FUZZ_FRESH:-0} == 1 ]]; then
  corpus=$dir/corpus-fresh
  rm -rf "$corpus"
fi
pids=()
for h in "${harnesses[@]}"; do
  mkdir -p "$corpus/$h"
  # -timeout: one input taking that long is a hang (each one takes milliseconds).
  "$dir/bin/fuzz_$h" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/$h-" "$corpus/$h" >"$dir/logs/$h.log" 2>&1 &
  pids+=($!)
done

failed=0
total_execs=0
for i in "${!harnesses[@]}"; do
  h=${harnesses[$i]}
  log=$dir/logs/$h.log
  rc=0
  wait "${pids[$i]}" || rc=$?
  execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | awk '{ print $2 }' | tail -n1)
  if [[ -z $execs ]]; then # no final stats after a crash: the last status line has the count
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -n1 | tr -d '#')
  fi
  execs=${execs:-0}
  total_execs=$((total_execs + execs))
  if ((rc == 0)); then
    printf '  %-12s %10s ejecuciones, sin fallos\n' "$h" "$execs"
  else
    failed=$((failed + 1))
    printf '  %-12s %10s ejecuciones, FALLO (código %d); registro completo en %s\n' "$h" "$execs" "$rc" "$log"
    # The broken invariant (where, and with what input), or the sanitizer's or libFuzzer's verdict.
    {
      grep -A2 'INVARIANT VIOLATED' "$log" || true
      grep -E 'runtime error:|ERROR: (AddressSanitizer|LeakSanitizer)|ERROR: libFuzzer: (timeout|out-of-memory)' "$log" || true
    } | cut -c1-300 | head -12 | sed 's/^/      /'
    artifact=$(grep -oE 'Test unit written to .*' "$log" | tail -n1 | sed 's/Test unit written to //')
    [[ -n $artifact ]] && echo "      Entrada que falla: $artifact (reprodúcela con $dir/bin/fuzz_$h $artifact)"
  fi
done

echo "Fuzzing: ${#harnesses[@]} arneses, $failed con fallos, $total_execs ejecuciones en total."
((failed == 0))
