#!/usr/bin/env bash
# Builds (release preset, build/release) or reuses a build, then runs the checkout benchmarks pinned to one
# core (docs/bench-checkout.md): native plan_checkout and book_checkout_json at 100, 2,000 and 20,000 items,
# then the same 50-line cart from Python (book.checkout) and PHP ($book->checkout) over the 2,000-item shop.
#
#   bench/checkout/run.sh              configure + build the release preset, then run
#   bench/checkout/run.sh BUILD_DIR    use an existing build directory (BO_BUILD_BENCH=ON); builds our targets
#
# Environment: BO_BENCH_CPU (core to pin to; default the last one), BO_BENCH_RUNS (repetitions of each native
# benchmark, 5), BO_BENCH_CALLS (timed calls per Python/PHP case, 2000), BO_BENCH_ITEMS (the Python/PHP
# shop, 2000), BO_BENCH_NO_BUILD=1 to skip building. Data and JSON results land in BUILD_DIR/bench/checkout/.
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${BO_BENCH_RUNS:-5}"
CALLS="${BO_BENCH_CALLS:-2000}"
ITEMS="${BO_BENCH_ITEMS:-2000}"

if [ $# -ge 1 ]; then
  B="$(cd "$1" && pwd)"
else
  B="$SRC/build/release"
  if [ "${BO_BENCH_NO_BUILD:-0}" != 1 ] && [ ! -f "$B/build.ninja" ]; then
    (cd "$SRC" && cmake --preset release >/dev/null)
  fi
fi
if [ "${BO_BENCH_NO_BUILD:-0}" != 1 ]; then
  TARGETS=(bench_checkout bench_checkout_gen backorder backorder_php)
  if grep -q '^BO_BUILD_PYTHON:BOOL=ON' "$B/CMakeCache.txt" 2>/dev/null; then
    TARGETS+=(_native backorder_python_package)
  fi
  cmake --build "$B" --target "${TARGETS[@]}"
fi
BIN="$B/bench/checkout"
[ -x "$BIN/bench_checkout" ] || { echo "run.sh: $BIN/bench_checkout is missing (BO_BUILD_BENCH=ON?)" >&2; exit 1; }

PIN=()
if command -v taskset >/dev/null 2>&1; then
  CPU="${BO_BENCH_CPU:-$(($(nproc) - 1))}"
  PIN=(taskset -c "$CPU")
  echo "== pinned to CPU $CPU; load average $(cut -d' ' -f1-3 /proc/loadavg)"
else
  echo "== taskset not found: not pinned"
fi

echo "== native (median of $RUNS; target: a 50-line cart planned in <= 50 us on one core)"
"${PIN[@]}" "$BIN/bench_checkout" --benchmark_repetitions="$RUNS" --benchmark_report_aggregates_only=true \
  --benchmark_out="$BIN/native.json" --benchmark_out_format=json 2>&1 |
  if [ "$RUNS" -gt 1 ]; then grep -E '^(shop|Benchmark|-|.*_median)'; else grep -E '^(shop|Benchmark|-|[a-z_]+/items)'; fi

DATA="$BIN/data"
"$BIN/bench_checkout_gen" --items="$ITEMS" --out="$DATA"

echo
echo "== Python (median of $CALLS calls; target <= 300 us a cart, conversion included)"
if [ -d "$B/python/backorder" ]; then
  PYTHONPATH="$B/python" "${PIN[@]}" /usr/bin/python3 "$SRC/bench/checkout/compare.py" --data "$DATA" \
    --runs "$CALLS" --json "$BIN/python.json"
else
  echo "skipped: $B/python/backorder is missing (BO_BUILD_PYTHON=ON?)"
fi

echo
echo "== PHP (median of $CALLS calls; target <= 300 us a cart, conversion included)"
LIB="$B/capi/libbackorder.so.1"
if command -v php >/dev/null 2>&1 && [ -e "$LIB" ]; then
  BACKORDER_LIBRARY="$LIB" BACKORDER_FFI_HEADER="$B/php/backorder_ffi.h" "${PIN[@]}" php \
    "$SRC/bench/checkout/compare.php" --data="$DATA" --runs="$CALLS" --json="$BIN/php.json"
else
  echo "skipped: php or $LIB is missing"
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
