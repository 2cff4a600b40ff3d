#!/usr/bin/env bash
# Builds (release preset) or reuses a build, generates the mixed catalog, runs the native benchmark and the
# Python and PHP side-by-side comparisons pinned to one core, and prints a summary table (docs/bench.md).
#
#   bench/run.sh                 configure + build the release preset (build/release), then run
#   bench/run.sh BUILD_DIR       use an existing build directory (built with BO_BUILD_BENCH=ON); builds it
#
# Environment: BO_BENCH_ROWS (100000), BO_BENCH_SEED (42), BO_BENCH_RUNS (5: runs per Python/PHP case and
# native repetitions), BO_BENCH_CPU (the core to pin to; default the last one), BO_BENCH_NO_BUILD=1 to skip
# building. Results also land as JSON in BUILD_DIR/bench/{native,python,php}.json.
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${BO_BENCH_ROWS:-100000}"
SEED="${BO_BENCH_SEED:-42}"
RUNS="${BO_BENCH_RUNS:-5}"
PY=/usr/bin/python3
[ -x "$PY" ] || PY="$(command -v python3)"

if [ $# -ge 1 ]; then
  B="$(cd "$1" && pwd)"
  if [ "${BO_BENCH_NO_BUILD:-0}" != 1 ]; then cmake --build "$B"; fi
else
  B="$SRC/build/release"
  if [ "${BO_BENCH_NO_BUILD:-0}" != 1 ]; then
    (cd "$SRC" && cmake --preset release >/dev/null && cmake --build --preset release)
  fi
fi
[ -x "$B/bench/bench_labels" ] || { echo "run.sh: $B/bench/bench_labels is missing (BO_BUILD_BENCH=ON?)" >&2; exit 1; }

PIN=()
if command -v taskset >/dev/null 2>&1; then
  CPU="${BO_BENCH_CPU:-$(($(nproc) - 1))}"
  PIN=(taskset -c "$CPU")
  echo "== pinned to CPU $CPU"
else
  echo "== taskset not found: not pinned"
fi

CAT="$B/bench/catalog.json"
echo "== generating $ROWS rows (seed $SEED) into $CAT"
"$PY" "$SRC/bench/gen_catalog.py" --count "$ROWS" --seed "$SEED" -o "$CAT"
rm -f "$B/bench/native.json" "$B/bench/python.json" "$B/bench/php.json"

echo "== native (Google Benchmark, $RUNS repetitions, medians)"
"${PIN[@]}" "$B/bench/bench_labels" --catalog="$CAT" --benchmark_repetitions="$RUNS" \
  --benchmark_report_aggregates_only=true --benchmark_out="$B/bench/native.json" --benchmark_out_format=json

if [ -f "$B/python/backorder/__init__.py" ]; then
  echo "== Python: engine.labels vs plain Python"
  PYTHONPATH="$B/python" "${PIN[@]}" "$PY" "$SRC/bench/compare_python.py" --catalog "$CAT" --runs "$RUNS" \
    --json "$B/bench/python.json" || echo "run.sh: the Python comparison failed" >&2
else
  echo "== Python: no module in $B/python (BO_BUILD_PYTHON=OFF?): skipped"
fi

LIB="$B/capi/libbackorder.so.1"
if command -v php >/dev/null 2>&1 && [ -f "$LIB" ] && [ -f "$B/php/backorder_ffi.h" ]; then
  echo "== PHP: Backorder\\Engine->labels vs plain PHP"
  BACKORDER_LIBRARY="$LIB" BACKORDER_FFI_HEADER="$B/php/backorder_ffi.h" "${PIN[@]}" php \
    "$SRC/bench/compare_php.php" --catalog="$CAT" --runs="$RUNS" --json="$B/bench/php.json" \
    || echo "run.sh: the PHP comparison failed" >&2
else
  echo "== PHP: php, $LIB or the generated FFI header missing: skipped"
fi

"$PY" - "$B/bench" <<'PYEOF'
import json, os, sys
d = sys.argv[1]
def load(name):
    p = os.path.join(d, name)
    return json.load(open(p)) if os.path.exists(p) else None
def fmt(x):
    return f"{x:,.0f}"
rows = []
native = load("native.json")
if native:
    med = {b["run_name"]: b for b in native["benchmarks"] if b.get("aggregate_name") == "median"}
    for name, b in med.items():
        rows.append((f"native {name}", fmt(b["items_per_second"]), "",
                     ">= 2,000,000" if name in ("core/labeler", "capi/labeler_run") else "",
                     ("met" if b["items_per_second"] >= 2e6 else "MISSED") if name in ("core/labeler", "capi/labeler_run") else ""))
py = load("python.json")
if py:
    r = py["results"]
    for name in ("engine", "engine+columns", "engine+dicts", "plain"):
        x = r[name]
        target = ok = ""
        if name == "engine":
            target = ">= 500,000, >= 20x"
            ok = "met" if x["labels_per_s"] >= 5e5 and x["ratio_vs_plain"] >= 20 else "MISSED"
        rows.append((f"python {name}", fmt(x["labels_per_s"]), f"{x['ratio_vs_plain']:.1f}x", target, ok))
php = load("php.json")
if php:
    r = php["results"]
    for name in ("engine", "plain"):
        x = r[name]
        target = ">= 10x" if name == "engine" else ""
        ok = ("met" if x["ratio_vs_plain"] >= 10 else "MISSED") if name == "engine" else ""
        rows.append((f"php {name}", fmt(x["labels_per_s"]), f"{x['ratio_vs_plain']:.1f}x", target, ok))
print()
print("== summary (labels per second on one core, medians; ratios against the plain implementation)")
w = [max(len(str(r[i])) for r in rows + [("case", "labels/s", "vs plain", "target", "")]) for i in range(5)]
head = ("case", "labels/s", "vs plain", "target", "")
for r in [head] + rows:
    print(f"{r[0]:<{w[0]}}  {r[1]:>{w[1]}}  {r[2]:>{w[2]}}  {r[3]:<{w[3]}}  {r[4]}")
PYEOF
