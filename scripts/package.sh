#!/usr/bin/env bash
# Builds every release artifact from an existing build tree (default build/dev) into dist/, then writes
# dist/manifest.json (docs/install.md):
#   dist/libbackorder1_*.deb, libbackorder-dev_*.deb, backorder_*.deb   CPack (DEB), dpkg-shlibdeps Depends
#   dist/backorder-*.whl                                                the Python wheel (offline, setuptools)
#   dist/composer/backorder-backorder-*.zip                             the composer package (PHP)
#   dist/plugins/backorder-<name>-*.zip                                 one zip per plugins/<name>/ folder
#   dist/manifest.json                                                  version, ABI, sha256 and size of each
#   package.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$(cd "${1:-build/dev}" && pwd)
dist=$root/dist
work=$(mktemp -d /tmp/backorder-package.XXXXXX)
trap 'rm -rf "$work"' EXIT

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
abi=$(sed -n 's/^#define BO_ABI_VERSION \([0-9]*\)$/\1/p' capi/include/backorder.h)
[ -n "$version" ] && [ -n "$abi" ] || { echo "package.sh: no version in $build or no ABI in backorder.h" >&2; exit 1; }
# Archive timestamps from the last commit, so a rebuild of the same commit gives the same wheel.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 315532800)
export SOURCE_DATE_EPOCH
rm -rf "$dist"
mkdir -p "$dist/composer" "$dist/plugins"
cmake --build "$build" --target backorder backorder_cli backorder_php

echo "== .deb (CPack)"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/cpack" >"$work/cpack.log" ||
  { cat "$work/cpack.log"; exit 1; }
mv "$work"/cpack/*.deb "$dist/"

echo "== wheel"
if [ -d "$build/python/backorder" ]; then
  BACKORDER_BUILD_DIR=$build /usr/bin/python3 -m pip wheel --no-build-isolation --no-deps --no-index -q \
    -w "$dist" bindings/python
else
  echo "package.sh: $build has no Python module (BO_BUILD_PYTHON=OFF): no wheel" >&2
fi

echo "== composer package"
# The package ships the FFI header and Constants.php generated from backorder.h (generated/ in its PSR-4
# map); composer's artifact repositories need the version inside composer.json.
stage=$work/php
mkdir -p "$stage/generated"
cp -r bindings/php/src bindings/php/autoload.php bindings/php/preload.php "$stage/"
cp "$build"/php/backorder_ffi.h "$build"/php/backorder_ffi_preload.h "$build"/php/Constants.php "$stage/generated/"
python3 - bindings/php/composer.json "$stage/composer.json" "$version" <<'PY'
import json, sys
package = json.load(open(sys.argv[1], encoding="utf-8"))
package["version"] = sys.argv[3]
json.dump(package, open(sys.argv[2], "w", encoding="utf-8"), indent=4)
PY
python3 scripts/zipdir.py "$stage" "$dist/composer/backorder-backorder-$version.zip"

echo "== plugin zips"
shopt -s nullglob
plugins=(plugins/*/)
[ ${#plugins[@]} -gt 0 ] || echo "no plugins/* folders yet: no plugin zips"
for dir in "${plugins[@]}"; do
  name=$(basename "$dir")
  top=$name
  # A WordPress plugin unzips into a folder named after its main file (backorder-for-woocommerce/): a folder
  # named "woocommerce" would overwrite WooCommerce's own.
  main=$(grep -l '^ \* Plugin Name:' "$dir"*.php 2>/dev/null | head -1 || true)
  [ -z "$main" ] || top=$(basename "$main" .php)
  python3 scripts/zipdir.py "$dir" "$dist/plugins/backorder-$name-$version.zip" --top "$top"
done

echo "== manifest"
python3 - "$dist" "$version" "$abi" <<'PY'
import hashlib, json, os, sys
dist, version, abi = sys.argv[1], sys.argv[2], int(sys.argv[3])
def kind(path):
    if path.endswith(".deb"): return "deb"
    if path.endswith(".whl"): return "wheel"
    if path.startswith("composer/"): return "composer"
    if path.startswith("plugins/"): return "plugin"
    return "other"
artifacts = []
for base, _, files in sorted(os.walk(dist)):
    for name in sorted(files):
        path = os.path.relpath(os.path.join(base, name), dist)
        if path == "manifest.json":
            continue
        data = open(os.path.join(dist, path), "rb").read()
        artifacts.append({"file": path, "kind": kind(path), "size": len(data),
                          "sha256": hashlib.sha256(data).hexdigest()})
manifest = {"name": "backorder", "version": version, "abi_version": abi,
            "soname": f"libbackorder.so.{abi}", "artifacts": artifacts}
with open(os.path.join(dist, "manifest.json"), "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2)
    f.write("\n")
for a in artifacts:
    print(f"  {a['size']:>10}  {a['file']}")
PY
echo "package.sh: backorder $version (ABI $abi) in $dist"
