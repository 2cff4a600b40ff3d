#!/bin/sh
# Runs a command, prints its output, and fails unless it exits 0 and prints every pattern.
# Usage: smoke.sh 'pattern one' 'pattern two' -- command args...
set -u
patterns=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  patterns="$patterns
$1"
  shift
done
[ $# -gt 0 ] && shift
out=$("$@" 2>&1)
status=$?
printf '%s\n' "$out"
[ $status -eq 0 ] || { echo "smoke: exit status $status"; exit 1; }
printf '%s\n' "$patterns" | while IFS= read -r p; do
  [ -z "$p" ] && continue
  printf '%s\n' "$out" | grep -q -- "$p" || { echo "smoke: missing \"$p\""; exit 1; }
done
