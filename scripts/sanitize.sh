#!/usr/bin/env bash
# The C++ suites, the Python suite and the PHP suite over an AddressSanitizer + UndefinedBehaviorSanitizer build
# (preset asan).
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
echo "== phpunit under ASan+UBSan"
# PHP's CLI dlopens its extensions with RTLD_DEEPBIND, which the ASan runtime refuses: a preloaded dlopen
# (tests/php/asan/no_deepbind.c) drops the flag, so it must come before the runtime in the preload list.
cc -shared -fPIC -O2 -o build/asan/no_deepbind.so tests/php/asan/no_deepbind.c -ldl
ASAN_OPTIONS=detect_leaks=0:verify_asan_link_order=0 LD_PRELOAD="$PWD/build/asan/no_deepbind.so $preload" \
  BACKORDER_LIBRARY="$PWD/build/asan/capi/libbackorder.so.1" BACKORDER_FFI_HEADER="$PWD/build/asan/php/backorder_ffi.h" \
  phpunit -c tests/php/phpunit.xml
