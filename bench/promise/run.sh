#!/usr/bin/env bash
# Builds (release preset, build/release) or reuses a build, then runs the promise benchmarks at full size
# (1,000,000 waiting lines, 100,000 items, 200,000 purchase orders; a change to an item with 10,000 lines; a
# quote) and the accuracy simulator over several lateness distributions, pinned to one core
# (docs/promise-accuracy.md).
#
#   bench/promise/run.sh              configure + build the release preset, then run
#   bench/promise/run.sh BUILD_DIR    use an existing build directory (BO_BUILD_BENCH=ON); builds our targets
#
# Environment: BO_BENCH_CPU (core to pin to; default the last one), BO_BENCH_RUNS (repetitions of each
# benchmark, 5), BO_BENCH_SEEDS (seasons per distribution, 5), BO_BENCH_NO_BUILD=1 to skip building.
# The benchmark's JSON lands in BUILD_DIR/bench/promise/promise_bench.json.
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${BO_BENCH_RUNS:-5}"
SEEDS="${BO_BENCH_SEEDS:-5}"
TARGETS=(bench_promise bench_promise_simulate)

if [ $# -ge 1 ]; then
  B="$(cd "$1" && pwd)"
else
  B="$SRC/build/release"
  if [ "${BO_BENCH_NO_BUILD:-0}" != 1 ] && [ ! -f "$B/build.ninja" ]; then
    (cd "$SRC" && cmake --preset release >/dev/null)
  fi
fi
if [ "${BO_BENCH_NO_BUILD:-0}" != 1 ]; then cmake --build "$B" --target "${TARGETS[@]}"; fi
BIN="$B/bench/promise"
[ -x "$BIN/bench_promise" ] || { echo "run.sh: $BIN/bench_promise is missing (BO_BUILD_BENCH=ON?)" >&2; exit 1; }

PIN=()
if command -v taskset >/dev/null 2>&1; then
  CPU="${BO_BENCH_CPU:-$(($(nproc) - 1))}"
  PIN=(taskset -c "$CPU")
  echo "== pinned to CPU $CPU"
else
  echo "== taskset not found: not pinned"
fi

echo "== speed and memory (median of $RUNS; targets: recompute <= 1 s and <= 500 MB, change <= 1 ms, quote <= 2 us)"
"${PIN[@]}" "$BIN/bench_promise" --benchmark_repetitions="$RUNS" --benchmark_report_aggregates_only=true \
  --benchmark_out="$BIN/promise_bench.json" --benchmark_out_format=json 2>&1 |
  if [ "$RUNS" -gt 1 ]; then grep -E '^(Benchmark|-|BM_.*_median)'; else grep -E '^(Benchmark|-|BM_)'; fi

echo
echo "== accuracy ($SEEDS seasons per distribution; target: engine kept >= 95%, width <= the fixed label's)"
for dist in geometric:0.5 geometric:0.7 uniform:0:3 poisson:1 empirical:0,0,0,0,0,0,1,1,2,3,5,10 none; do
  echo "-- lateness $dist"
  "${PIN[@]}" "$BIN/bench_promise_simulate" --quiet --seeds="$SEEDS" --lateness="$dist" | grep -E '^(summary|what-if)'
done
echo "-- four suppliers, one distribution each"
"${PIN[@]}" "$BIN/bench_promise_simulate" --quiet --seeds="$SEEDS" --lateness=none --lateness=geometric:0.7 \
  --lateness=geometric:0.4 --lateness=empirical:0,0,0,1,2,7 | grep -E '^(summary|what-if)'
echo "-- the default season with daily purchase-order reviews"
"${PIN[@]}" "$BIN/bench_promise_simulate" --quiet --seeds="$SEEDS" --po-every=1 | grep -E '^(summary|what-if)'
echo "-- the default season with twice the stock target (fewer lines beyond known supply)"
"${PIN[@]}" "$BIN/bench_promise_simulate" --quiet --seeds="$SEEDS" --po-size=6 | grep -E '^(summary|what-if)'
