#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test suite: GoogleTest and the C host, CLI and bench smokes
# (ctest, the hostile-input suite among them), pytest, PHPUnit, the WooCommerce plugin inside Debian's WordPress on
# a throwaway MariaDB (tests/wordpress/run.sh), the browser tests of the demo shops; then the C++ and Python suites again under
# ASan+UBSan (scripts/sanitize.sh), one engine shared by 8 threads under ThreadSanitizer (scripts/tsan.sh), and
# a short libFuzzer pass over every fuzz target (tests/fuzz, docs/fuzzing.md). The release artifacts (.deb,
# wheel, composer package, plugin zips, manifest) are built from build/dev and each installed into a scratch
# place and used (scripts/package.sh, tests/packaging/smoke.sh). A throwaway PostgreSQL server (scripts/pg.sh)
# serves the PostgreSQL half of every suite through BO_TEST_POSTGRES_URL.
# Fails when any suite fails or runs no test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/deps.sh
bash scripts/build.sh dev
build=build/dev
log=$(mktemp -d)

pgdir=$(mktemp -d /tmp/backorder-pg.XXXXXX)
trap 'bash scripts/pg.sh stop "$pgdir" || true' EXIT
BO_TEST_POSTGRES_URL=$(bash scripts/pg.sh start "$pgdir")
export BO_TEST_POSTGRES_URL
echo "== PostgreSQL for the tests: $BO_TEST_POSTGRES_URL"

echo "== ctest (core, C ABI, C host, header, exports, CLI, bench smokes)"
ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$(nproc)" -E '^php_phpunit$' | tee "$log/ctest"
ctest_n=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' "$log/ctest")

echo "== pytest"
PYTHONPATH="$build/python" /usr/bin/python3 -m pytest -q tests/python | tee "$log/pytest"
py_n=$(sed -n 's/^\([0-9]*\) passed.*/\1/p' "$log/pytest" | tail -1)

echo "== phpunit"
BACKORDER_LIBRARY="$root/$build/capi/libbackorder.so.1" phpunit -c tests/php/phpunit.xml | tee "$log/phpunit"
php_n=$(sed -n 's/^OK (\([0-9]*\) tests.*/\1/p' "$log/phpunit")

echo "== wordpress (the plugin inside Debian's WordPress on a throwaway MariaDB)"
bash tests/wordpress/run.sh "$build" | tee "$log/wordpress"
wp_n=$(sed -n 's/^OK (\([0-9]*\) tests.*/\1/p' "$log/wordpress")

echo "== browser (playwright-core, Debian's Chromium; screenshots in build/browser-artifacts)"
bash tests/browser/run.sh "$build" | tee "$log/browser"
browser_n=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$log/browser")

echo "== packages: build dist/ from $build, install each into a scratch place and use it"
bash scripts/package.sh "$build"
bash tests/packaging/smoke.sh dist | tee "$log/smoke"
pkg_n=$(grep -c '^ok: ' "$log/smoke" || true)

echo "== sanitizers"
bash scripts/sanitize.sh | tee "$log/sanitize"
asan_n=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' "$log/sanitize")
asan_py=$(sed -n 's/^\([0-9]*\) passed.*/\1/p' "$log/sanitize" | tail -1)
asan_php=$(sed -n 's/^OK (\([0-9]*\) tests.*/\1/p' "$log/sanitize")

echo "== ThreadSanitizer"
bash scripts/tsan.sh

echo "== fuzz smoke (libFuzzer, ASan+UBSan, 3 s a target)"
bash tests/fuzz/build.sh build/fuzz
bash tests/fuzz/smoke.sh build/fuzz 3

for pair in "ctest:${ctest_n:-0}" "pytest:${py_n:-0}" "phpunit:${php_n:-0}" "wordpress:${wp_n:-0}" "browser:${browser_n:-0}" "packages:${pkg_n:-0}" "asan-ctest:${asan_n:-0}" "asan-pytest:${asan_py:-0}" "asan-phpunit:${asan_php:-0}"; do
  if [ "${pair#*:}" -eq 0 ]; then
    echo "suite ${pair%%:*} ran no test" >&2
    exit 1
  fi
done
echo "suites: ctest ${ctest_n}, pytest ${py_n}, phpunit ${php_n}, wordpress ${wp_n}, browser ${browser_n}, package smokes ${pkg_n}; under ASan+UBSan: ctest ${asan_n}, pytest ${asan_py}, phpunit ${asan_php}"
echo "all: $((ctest_n + py_n + php_n + wp_n + browser_n + pkg_n + asan_n + asan_py + asan_php)) passed, 0 failed"
