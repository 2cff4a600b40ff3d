#!/usr/bin/env bash
# The C ABI guard (docs/install.md#abi-policy). The baseline packaging/abi/libbackorder.so.<ABI>.abi is what
# abidw saw in a build with debug info, limited to the types of capi/include; baseline.txt next to it
# records the version it was taken at and the baseline's sha256.
#
#   scripts/abi.sh check  [LIBRARY]   abidiff the baseline against LIBRARY (default build/dev's); any change
#                                     fails, and so does a baseline that abi.sh did not write
#   scripts/abi.sh update [LIBRARY]   deliberately take a new baseline. Refused unless the version says so:
#                                     functions only added -> a newer version; anything removed or changed
#                                     -> a new BO_ABI_VERSION (and soname) as well
#   scripts/abi.sh dump LIBRARY OUT   abidw with the options both use
#
# abidiff's exit status is a bit field (4 = change, 8 = incompatible change); a changed parameter type can
# come back as 4 alone, so any non-zero status counts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
abi_dir=${BO_ABI_DIR:-$root/packaging/abi}
headers=$root/capi/include
header=$headers/backorder.h

header_define() { sed -n "s/^#define $1 \([0-9]*\)$/\1/p" "$header"; }
version=$(header_define BO_VERSION_MAJOR).$(header_define BO_VERSION_MINOR).$(header_define BO_VERSION_PATCH)
abi=$(header_define BO_ABI_VERSION)
baseline=$abi_dir/libbackorder.so.$abi.abi
stamp=$abi_dir/baseline.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dump() {
  # Paths, locations and build directories vary between machines; the ABI does not.
  abidw --headers-dir "$headers" --drop-private-types --exported-interfaces-only --no-corpus-path --no-comp-dir-path --no-show-locs \
    --type-id-style hash --out-file "$2" "$1"
}

library() {
  local lib=${1:-$root/build/dev/capi/libbackorder.so.$abi}
  [ -f "$lib" ] || { echo "abi.sh: no library at $lib (build first: scripts/build.sh dev)" >&2; exit 2; }
  if ! readelf -S "$lib" | grep -q '\.debug_info'; then
    echo "abi.sh: $lib has no debug info; build with -g (the dev preset, RelWithDebInfo)" >&2
    exit 77
  fi
  local soname
  soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
  [ "$soname" = "libbackorder.so.$abi" ] || {
    echo "abi.sh: $lib has soname $soname, but backorder.h says BO_ABI_VERSION $abi" >&2
    exit 1
  }
  echo "$lib"
}

stamp_field() { sed -n "s/^$1 //p" "$stamp"; }

# Is $1 (x.y.z) newer than $2?
newer() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -1)" = "$1" ]; }

check() {
  local lib
  lib=$(library "${1:-}")
  [ -f "$baseline" ] || { echo "abi.sh: no baseline $baseline for ABI $abi: run scripts/abi.sh update" >&2; exit 1; }
  [ "$(stamp_field sha256)" = "$(sha256sum <"$baseline" | cut -d' ' -f1)" ] || {
    echo "abi.sh: $baseline was not written by 'scripts/abi.sh update' (sha256 differs from baseline.txt)" >&2
    exit 1
  }
  # Both sides are abidw dumps made alike: abidiff 2.2 cannot filter private types out of a baseline it reads
  # (it asserts), and with the filter on one side only it files struct changes under "filtered out".
  local report status=0
  dump "$lib" "$tmp/fresh.abi"
  report=$(abidiff --no-show-locs "$baseline" "$tmp/fresh.abi") || status=$?
  if [ $status -ne 0 ]; then
    echo "$report"
    echo "abi.sh: the C ABI differs from $(basename "$baseline") (abidiff status $status)." >&2
    echo "If the change is intended, bump the version (and BO_ABI_VERSION and SOVERSION for anything but" >&2
    echo "additions), then run: scripts/abi.sh update" >&2
    exit 1
  fi
  echo "ok: the C ABI of $(basename "$lib") matches $(basename "$baseline") (taken at $(stamp_field version))"
}

update() {
  local lib new=$tmp/new.abi report status=0
  lib=$(library "${1:-}")
  dump "$lib" "$new"
  if [ -f "$baseline" ]; then
    report=$(abidiff --no-show-locs "$baseline" "$new") || status=$?
    if [ $status -eq 0 ]; then
      echo "abi.sh: no ABI change against $(basename "$baseline"); nothing to do"
      return 0
    fi
    echo "$report"
    newer "$version" "$(stamp_field version)" || {
      echo "abi.sh: the ABI changed but the version is still $version: bump it in CMakeLists.txt and backorder.h" >&2
      exit 1
    }
    if echo "$report" | grep -Eq '[1-9][0-9]* (Removed|Changed)'; then
      echo "abi.sh: functions were removed or changed: that needs a new BO_ABI_VERSION and SOVERSION" >&2
      exit 1
    fi
  elif [ -n "$(ls "$abi_dir"/libbackorder.so.*.abi 2>/dev/null)" ]; then
    echo "abi.sh: new ABI $abi; the baseline(s) of the old one stay for reference"
  fi
  mv "$new" "$baseline"
  chmod 644 "$baseline"
  printf 'version %s\nabi %s\nsha256 %s\n' "$version" "$abi" "$(sha256sum <"$baseline" | cut -d' ' -f1)" >"$stamp"
  echo "abi.sh: wrote $baseline and $stamp for version $version (ABI $abi); commit both"
}

case "${1:-}" in
  check) check "${2:-}" ;;
  update) update "${2:-}" ;;
  dump) dump "$2" "$3" ;;
  *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
