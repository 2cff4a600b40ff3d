#!/usr/bin/env bash
# The main job: install, build, and play the apparel store's story against the embedded ledger (SQLite):
# the product page label, the checkout choice, and every message the shopper receives (docs/store.md).
# Arguments go to `backorder demo` (--db FILE, --story FILE); the story's moments are fixed, so the output is
# reproducible.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh dev
exec build/dev/cli/backorder demo "$@"
