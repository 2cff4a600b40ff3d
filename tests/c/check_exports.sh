#!/bin/sh
# Checks the dynamic symbol table of libbackorder: every defined symbol is bo_* (besides the version
# script's node, e.g. BACKORDER_1), and every function the header declares is exported.
#   check_exports.sh LIBRARY HEADER
set -eu
lib=$1
header=$2
status=0

symbols=$(nm -D --defined-only "$lib" | awk '{ print $2, $3 }')
if [ -z "$symbols" ]; then
  echo "no dynamic symbols in $lib" >&2
  exit 1
fi
echo "$symbols" | while read -r type name; do
  base=${name%%@*}
  case "$base" in
    bo_*) ;;
    BACKORDER_[0-9]*) [ "$type" = A ] || { echo "unexpected symbol: $type $name" >&2; exit 1; } ;;
    *) echo "unexpected exported symbol: $type $name" >&2; exit 1 ;;
  esac
done || status=1

for fn in $(sed -n 's/^BO_API[^(]*[ *]\(bo_[a-z0-9_]*\)(.*/\1/p' "$header"); do
  if ! echo "$symbols" | awk '{ sub(/@.*/, "", $2); print $2 }' | grep -qx "$fn"; then
    echo "declared in the header but not exported: $fn" >&2
    status=1
  fi
done
count=$(sed -n 's/^BO_API[^(]*[ *]\(bo_[a-z0-9_]*\)(.*/\1/p' "$header" | wc -l)
if [ "$count" -lt 10 ]; then
  echo "found only $count declarations in $header: is the pattern still right?" >&2
  status=1
fi
[ $status -eq 0 ] && echo "ok: $(echo "$symbols" | wc -l) symbols, $count declared functions exported"
exit $status
