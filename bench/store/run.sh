#!/usr/bin/env bash
# Builds (release preset, build/release) or reuses a build, then runs the ledger benchmarks at full size
# pinned to one core (docs/bench-store.md): events applied per second on a SQLite file (batches of 1, 10,
# 100) and on PostgreSQL (1 and 4 connections), and a restock served to 100,000 subscribers.
#
#   bench/store/run.sh              configure + build the release preset, then run
#   bench/store/run.sh BUILD_DIR    use an existing build directory (BO_BUILD_BENCH=ON); builds bench_store
#
# PostgreSQL: BO_BENCH_POSTGRES_URL names a server; without it a throwaway one is started with scripts/pg.sh
# (fsync on) and stopped at the end, unless BO_BENCH_NO_PG=1. Environment: BO_BENCH_CPU (core to pin the
# benchmark to; default the last one), BO_BENCH_RUNS (repetitions, 5; medians are reported),
# BO_BENCH_FILTER (a --benchmark_filter), BO_BENCH_NO_BUILD=1 to skip building. SQLite files go to
# BO_BENCH_DIR (default: the system's temporary folder). JSON lands in BUILD_DIR/bench/store/store_bench.json.
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${BO_BENCH_RUNS:-5}"

if [ $# -ge 1 ]; then
  B="$(cd "$1" && pwd)"
else
  B="$SRC/build/release"
  if [ "${BO_BENCH_NO_BUILD:-0}" != 1 ] && [ ! -f "$B/build.ninja" ]; then
    (cd "$SRC" && cmake --preset release >/dev/null)
  fi
fi
if [ "${BO_BENCH_NO_BUILD:-0}" != 1 ]; then cmake --build "$B" --target bench_store; fi
BIN="$B/bench/store/bench_store"
[ -x "$BIN" ] || { echo "run.sh: $BIN is missing (BO_BUILD_BENCH=ON?)" >&2; exit 1; }

if [ -z "${BO_BENCH_POSTGRES_URL:-}" ] && [ "${BO_BENCH_NO_PG:-0}" != 1 ]; then
  pgdir=$(mktemp -d /tmp/bo-bench-pg.XXXXXX)
  trap 'bash "$SRC/scripts/pg.sh" stop "$pgdir" || true' EXIT
  BO_BENCH_POSTGRES_URL=$(bash "$SRC/scripts/pg.sh" start "$pgdir")
  export BO_BENCH_POSTGRES_URL
  echo "== PostgreSQL (throwaway, fsync on): $BO_BENCH_POSTGRES_URL"
fi

PIN=()
if command -v taskset >/dev/null 2>&1; then
  CPU="${BO_BENCH_CPU:-$(($(nproc) - 1))}"
  PIN=(taskset -c "$CPU")
  echo "== benchmark pinned to CPU $CPU (a PostgreSQL server runs where the system puts it)"
else
  echo "== taskset not found: not pinned"
fi

echo "== medians of $RUNS (targets: >= 5,000 events/s on SQLite, >= 2,000 on PostgreSQL, restock <= 100 ms)"
"${PIN[@]}" "$BIN" --benchmark_repetitions="$RUNS" --benchmark_report_aggregates_only=true \
  ${BO_BENCH_FILTER:+--benchmark_filter="$BO_BENCH_FILTER"} \
  --benchmark_out="$B/bench/store/store_bench.json" --benchmark_out_format=json 2>&1 |
  if [ "$RUNS" -gt 1 ]; then grep -E '^(Benchmark|-|bench_store|.*_median)'; else cat; fi
