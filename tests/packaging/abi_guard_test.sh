#!/usr/bin/env bash
# Proves that the ABI guard bites: a copy of the committed baseline that still has a function the library
# no longer exports (bo_abi_guard_probe, a clone of bo_abi_version) must make `scripts/abi.sh check` fail and
# name the removed function.
#   abi_guard_test.sh LIBRARY
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/backorder-abiguard.XXXXXX)
trap 'rm -rf "$work"' EXIT
abi=$(sed -n 's/^#define BO_ABI_VERSION \([0-9]*\)$/\1/p' "$root/capi/include/backorder.h")
base=$root/packaging/abi/libbackorder.so.$abi.abi

python3 - "$base" "$work/libbackorder.so.$abi.abi" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# The ELF symbol and the declaration of bo_abi_version, cloned under another name.
sym = re.search(r"^\s*<elf-symbol name='bo_abi_version'.*?/>\n", text, re.M)
decl = re.search(r"^\s*<function-decl name='bo_abi_version'.*?</function-decl>\n", text, re.M | re.S)
assert sym and decl, "bo_abi_version not found in the baseline"
clone = lambda m: m.group(0) + m.group(0).replace("bo_abi_version", "bo_abi_guard_probe")
text = text[:decl.start()] + clone(decl) + text[decl.end():]
text = text.replace(sym.group(0), clone(sym), 1)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
printf 'version 0.0.0\nabi %s\nsha256 %s\n' "$abi" "$(sha256sum <"$work/libbackorder.so.$abi.abi" | cut -d' ' -f1)" \
  >"$work/baseline.txt"

status=0
BO_ABI_DIR=$work bash "$root/scripts/abi.sh" check "$1" >"$work/out" 2>&1 || status=$?
cat "$work/out"
[ $status -ne 77 ] || exit 77  # no debug info: nothing to compare
if [ $status -eq 0 ]; then
  echo "FAIL: the guard passed a library that lacks bo_abi_guard_probe" >&2
  exit 1
fi
grep -q "1 Removed function" "$work/out" && grep -q "bo_abi_guard_probe" "$work/out" || {
  echo "FAIL: the guard failed, but without reporting the removed function" >&2
  exit 1
}
echo "ok: the guard fails when a function is removed (status $status)"
