#!/usr/bin/env bash
# ThreadSanitizer: one engine shared by 8 threads computing labels, quotes, checkout plans and consent
# records, each thread with its own labeler and promises book, answers compared with a single-threaded run
# (tests/tsan/shared_engine.cpp). Builds only what that needs in the tsan preset; any report fails the run.
# Extra arguments go to the program (--iterations N, default 25).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$(nproc)" --target tsan_shared_engine
echo "== ThreadSanitizer: shared engine"
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}" build/tsan/tests/tsan/tsan_shared_engine "$@"
echo "tsan: no report, $(($(date +%s) - start)) s with the build"
