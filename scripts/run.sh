#!/usr/bin/env bash
# The main job: install, build, and print the apparel store's labels.
# Arguments go to `backorder labels`; by default the moment is fixed so the output is reproducible.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh dev
if [ $# -eq 0 ]; then set -- --now 2026-11-30T09:00:00-05:00; fi
exec build/dev/cli/backorder labels "$@"
