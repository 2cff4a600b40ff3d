#!/usr/bin/env bash
# Runs the browser tests (tests/browser/*.test.mjs) with Node's test runner: playwright-core from npm
# (package-lock.json), Debian's Chromium. Screenshots go to build/browser-artifacts/.
#   run.sh [BUILD_DIR]    (default build/dev; the demo shops use its Python module, library and CLI)
set -euo pipefail
cd "$(dirname "$0")"
build=$(cd "../../${1:-build/dev}" && pwd)
[ -x /usr/bin/chromium ] || { echo "browser tests: /usr/bin/chromium missing (scripts/deps.sh installs it)" >&2; exit 1; }
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
export BO_BUILD_DIR=$build
exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
