#!/usr/bin/env bash
# Configures and builds the libFuzzer targets with clang into BUILD_DIR (default build/fuzz).
# Usage: tests/fuzz/build.sh [BUILD_DIR] [--seeds]   (--seeds rewrites tests/fuzz/corpus/ from examples/)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/build/fuzz}
cmake -S "$repo/tests/fuzz" -B "$build" -G Ninja \
  -DCMAKE_C_COMPILER="${CC_FUZZ:-clang}" -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++}" >/dev/null
cmake --build "$build"
if [[ "${2:-}" == "--seeds" ]]; then
  "$build/make_seeds" "$repo/tests/fuzz/corpus"
fi
