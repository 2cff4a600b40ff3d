#!/usr/bin/env bash
# Runs every fuzz target for SECONDS over its seed corpus; fails on any crash, sanitizer report, leak, timeout
# or out-of-memory. Prints the executions per target. New inputs go to a scratch copy, never to tests/fuzz/corpus.
# Usage: tests/fuzz/smoke.sh [BUILD_DIR] [SECONDS]    (defaults: build/fuzz, 10)
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/build/fuzz}
seconds=${2:-10}
targets=(policy label_request catalog_request scenario checkout_request consent store_events messages refund_request)
work="$build/fuzz-run"
rm -rf "$work"
failed=0
total=0
start=$SECONDS
for t in "${targets[@]}"; do
  bin="$build/fuzz_$t"
  if [[ ! -x "$bin" ]]; then
    echo "fuzz-smoke: $bin missing (run tests/fuzz/build.sh first)" >&2
    exit 2
  fi
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  log="$work/$t/log"
  "$bin" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$work/$t/artifacts/" "$work/$t/corpus" "$repo/tests/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  [[ -z "$execs" ]] && execs=$(grep -o '^#[0-9]*[[:space:]]*DONE' "$log" | grep -o '[0-9]*' | tail -1)
  execs=${execs:-0}
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  artifacts=$(find "$work/$t/artifacts" -type f | wc -l)
  if [[ $rc -ne 0 || $artifacts -ne 0 ]]; then
    failed=1
    echo "FAIL $t: exit $rc, executions $execs; log $log; reproducers:"
    find "$work/$t/artifacts" -type f | sed 's/^/  /'
    grep -m1 -A30 -E 'ERROR: |runtime error|invariant broken|terminate called|deadly signal' "$log" | sed 's/^/  | /'
  else
    printf 'ok   %-17s executions %9s  cov %s\n' "$t" "$execs" "${cov:-?}"
  fi
  total=$((total + execs))
done
echo "fuzz-smoke: ${#targets[@]} targets, $total executions in $((SECONDS - start)) s"
exit $failed
