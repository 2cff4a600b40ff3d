#!/usr/bin/env bash
# The C++ suites and the Python suite over an AddressSanitizer + UndefinedBehaviorSanitizer build (preset asan).
# PHP is not run here: the PHP CLI loads its extensions with RTLD_DEEPBIND, which the ASan runtime refuses.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh asan
echo "== ctest under ASan+UBSan"
ctest --test-dir build/asan --output-on-failure --no-tests=error -j "$(nproc)" -E '^(php_phpunit|bench_.*)$'
echo "== pytest under ASan+UBSan"
# The interpreter is not built with ASan: preload the runtime (and libstdc++, so C++ exceptions unwind through
# it); the interpreter's own allocations at exit are not ours to report.
preload="$(g++ -print-file-name=libasan.so) $(g++ -print-file-name=libstdc++.so)"
ASAN_OPTIONS=detect_leaks=0 LD_PRELOAD="$preload" PYTHONPATH=build/asan/python \
  /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/python
