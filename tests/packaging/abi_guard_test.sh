#!/usr/bin/env bash
# Proves that the ABI guard bites. `scripts/abi.sh check` must fail, and say why, against copies of the committed
# baseline that differ from the library as a careless change would:
#   removed   the baseline has a function the library no longer exports (bo_abi_guard_probe, a clone of
#             bo_abi_version)
#   struct    the baseline's bo_item lacks its last member: the library's bo_item changed layout
#   abi_guard_test.sh LIBRARY
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/backorder-abiguard.XXXXXX)
trap 'rm -rf "$work"' EXIT
abi=$(sed -n 's/^#define BO_ABI_VERSION \([0-9]*\)$/\1/p' "$root/capi/include/backorder.h")
base=$root/packaging/abi/libbackorder.so.$abi.abi

python3 - "$base" "$work" <<'PY'
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()

def write(case, changed):
    assert changed != text, case
    os.makedirs(os.path.join(sys.argv[2], case))
    open(os.path.join(sys.argv[2], case, os.path.basename(sys.argv[1])), "w", encoding="utf-8").write(changed)

# removed: the ELF symbol and the declaration of bo_abi_version, cloned under another name
sym = re.search(r"^\s*<elf-symbol name='bo_abi_version'.*?/>\n", text, re.M)
decl = re.search(r"^\s*<function-decl name='bo_abi_version'.*?</function-decl>\n", text, re.M | re.S)
clone = lambda m: m.group(0) + m.group(0).replace("bo_abi_version", "bo_abi_guard_probe")
removed = text[:decl.start()] + clone(decl) + text[decl.end():]
write("removed", removed.replace(sym.group(0), clone(sym), 1))

# struct: bo_item without its last member, flags
item = re.search(r"<class-decl name='bo_item'.*?</class-decl>", text, re.S).group(0)
write("struct", text.replace(item, re.sub(r"\s*<data-member[^>]*>\s*<var-decl name='flags'.*?</data-member>", "",
                                          item, flags=re.S)))
PY

expect() {  # CASE TEXT...: the check fails on the case's baseline and reports every TEXT
  local case=$1 status=0 dir=$work/$1
  shift
  printf 'version 0.0.0\nabi %s\nsha256 %s\n' "$abi" "$(sha256sum <"$dir/libbackorder.so.$abi.abi" | cut -d' ' -f1)" \
    >"$dir/baseline.txt"
  BO_ABI_DIR=$dir bash "$root/scripts/abi.sh" check "$LIB" >"$dir/out" 2>&1 || status=$?
  [ $status -ne 77 ] || exit 77  # no debug info: nothing to compare
  if [ $status -eq 0 ]; then
    cat "$dir/out"
    echo "FAIL ($case): the guard passed" >&2
    exit 1
  fi
  for want in "$@"; do
    grep -q "$want" "$dir/out" || { cat "$dir/out"; echo "FAIL ($case): no '$want' in the report" >&2; exit 1; }
  done
  echo "ok ($case): the guard fails: $(grep -m1 'changes summary' "$dir/out")"
}
LIB=$1
expect removed "1 Removed function" "bo_abi_guard_probe"
expect struct "1 Changed" "bo_labeler_run" "bo_item"
