#!/usr/bin/env bash
# Installs every artifact of scripts/package.sh into a clean scratch place and uses it (docs/install.md):
#   manifest   every artifact listed with its true sha256 and size; its version is what the packaged
#              `backorder --version --json` says, and the project's
#   .deb       unpacked into a scratch root (dpkg -x, never the real system): Depends as intended, the CLI
#              runs, and a C program builds against libbackorder-dev through pkg-config and runs
#   wheel      installed into a fresh venv; imports from there and computes a label; its Django app
#              (backorder_django) renders the label and JSON-LD and exports the feed with Debian's Django
#   composer   `composer install` from the archive alone (no network) into a fresh project; PHP computes a
#              label with the library from the unpacked libbackorder1
#   plugins    every zip is a valid archive; the Django plugin's zip holds the app
#   smoke.sh [DIST]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dist=$(cd "${1:-$root/dist}" && pwd)
work=$(mktemp -d /tmp/backorder-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
policy=$root/examples/apparel/policy.json
want="Backorder – ships in 10–14 days"
fail() { echo "FAIL: $*" >&2; exit 1; }
field() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$dist/manifest.json" "$1"; }

echo "== manifest"
version=$(field version)
abi=$(field abi_version)
project=$(sed -n 's/^project(backorder VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ "$version" = "$project" ] || fail "manifest version $version, CMakeLists.txt says $project"
python3 - "$dist" <<'PY' || fail "manifest"
import hashlib, json, os, sys
dist = sys.argv[1]
manifest = json.load(open(os.path.join(dist, "manifest.json")))
listed = {a["file"] for a in manifest["artifacts"]}
on_disk = {os.path.relpath(os.path.join(b, f), dist) for b, _, fs in os.walk(dist) for f in fs} - {"manifest.json"}
assert listed == on_disk, f"listed {sorted(listed)} but found {sorted(on_disk)}"
for a in manifest["artifacts"]:
    data = open(os.path.join(dist, a["file"]), "rb").read()
    assert len(data) == a["size"] and hashlib.sha256(data).hexdigest() == a["sha256"], a["file"]
kinds = {a["kind"] for a in manifest["artifacts"]}
assert {"deb", "wheel", "composer"} <= kinds, kinds
print(f"ok: {len(listed)} artifacts, sha256 and size match")
PY

echo "== .deb"
debroot=$work/debroot
for pkg in "libbackorder$abi" libbackorder-dev backorder; do
  deb=$(ls "$dist/${pkg}_${version}_"*.deb) || fail "no $pkg .deb for $version"
  [ "$(dpkg-deb -f "$deb" Package)" = "$pkg" ] || fail "$deb is not $pkg"
  dpkg -x "$deb" "$debroot"
done
depends=$(dpkg-deb -f "$dist/libbackorder${abi}_${version}_"*.deb Depends)
for d in libicu libssl3 libsqlite3 libpq5 libstdc++6; do
  [[ $depends == *"$d"* ]] || fail "libbackorder$abi does not depend on $d: $depends"
done
for pkg in libbackorder-dev backorder; do
  [[ $(dpkg-deb -f "$dist/${pkg}_${version}_"*.deb Depends) == *"libbackorder$abi (= $version)"* ]] ||
    fail "$pkg does not depend on libbackorder$abi (= $version)"
done
if dpkg-deb -c "$dist/libbackorder${abi}_${version}_"*.deb | grep -Eq 'include/|bin/|\.so$'; then
  fail "libbackorder$abi holds more than the runtime library"
fi
libdir=$(dirname "$(find "$debroot" -name "libbackorder.so.$abi")")
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
[ "$libdir" = "$debroot/usr/lib/$multiarch" ] || fail "the library is in ${libdir#"$debroot"}, not /usr/lib/$multiarch"
export LD_LIBRARY_PATH=$libdir
env -u BACKORDER_DATA "$debroot/usr/bin/backorder" --version --json >"$work/version.json"
cli=$(python3 -c 'import json, sys; v = json.load(open(sys.argv[1])); print(v["cli"]["version"], v["library"]["version"], v["compatible"])' "$work/version.json")
[ "$cli" = "$version $version True" ] || fail "the packaged CLI says '$cli', the manifest $version"
echo "ok: the packaged backorder --version --json says $version, as the manifest does"
data=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["cli"]["data_dir"])' "$work/version.json")
[ "$data" = "$debroot/usr/share/backorder/apparel" ] || fail "the packaged CLI reads its example shop from $data"
echo "ok: the packaged CLI reads /usr/share/backorder/apparel (library in /usr/lib/$multiarch)"
# shellcheck disable=SC2046  # the flags are meant to split
cc -std=c99 -Wall -Werror -o "$work/consumer" "$root/tests/packaging/consumer/consumer.c" \
  $(PKG_CONFIG_PATH=$libdir/pkgconfig pkg-config --cflags --libs backorder)
"$work/consumer" "$policy" >/dev/null || fail "a C program built against libbackorder-dev"
echo "ok: a C program built with libbackorder-dev's pkg-config runs on libbackorder$abi"

echo "== wheel"
wheel=$(ls "$dist"/backorder-"$version"-*.whl) || fail "no wheel for $version"
/usr/bin/python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --no-index --no-deps "$wheel"
text=$(cd "$work" && env -u PYTHONPATH -u LD_LIBRARY_PATH "$work/venv/bin/python" -c '
import sys, backorder, backorder_django  # the Django app imports without Django (its parts need it)
assert backorder.__file__.startswith(sys.argv[1]), backorder.__file__
assert backorder_django.__file__.startswith(sys.argv[1]), backorder_django.__file__
assert backorder.__version__ == sys.argv[2], backorder.__version__
print(backorder.Engine(sys.argv[3]).label({"sku": "JKT-NAVY-M"}, {"on_hand": 0},
      now="2026-11-30T09:00:00-05:00").text)' "$work/venv" "$version" "$policy")
[ "$text" = "$want" ] || fail "the wheel labels '$text'"
echo "ok: the wheel in a fresh venv: $text"
# The Django app in the same wheel, with Debian's Django (a venv that also sees the system's packages).
/usr/bin/python3 -m venv --system-site-packages "$work/venv-django"
"$work/venv-django/bin/python" -m pip install -q --no-index --no-deps "$wheel"
text=$(cd "$work" && env -u PYTHONPATH -u LD_LIBRARY_PATH -u DJANGO_SETTINGS_MODULE "$work/venv-django/bin/python" \
  "$root/tests/packaging/django_smoke.py" "$work/venv-django" "$policy" "$root/examples/apparel/catalog.json" \
  "$root/examples/apparel/stock.json") || fail "the Django app from the wheel"
[ "$text" = "$want | 2026-12-10T00:00:00-05:00" ] || fail "the Django app from the wheel says '$text'"
echo "ok: the wheel's Django app (backorder_django) with Debian's Django: $text"

echo "== composer"
app=$work/app
mkdir -p "$app"
cat >"$app/composer.json" <<JSON
{
    "name": "example/shop",
    "repositories": [{"type": "artifact", "url": "$dist/composer"}, {"packagist.org": false}],
    "require": {"backorder/backorder": "$version"}
}
JSON
(cd "$app" && COMPOSER_HOME=$work/composer-home COMPOSER_DISABLE_NETWORK=1 \
  composer install --no-interaction --no-progress --quiet) || fail "composer install"
text=$(cd "$app" && env -u BACKORDER_LIBRARY -u BACKORDER_FFI_HEADER php -r '
  require "vendor/autoload.php";
  echo (new Backorder\Engine($argv[1]))->label(["sku" => "JKT-NAVY-M"], ["on_hand" => 0],
      now: "2026-11-30T09:00:00-05:00")->text;' "$policy")
[ "$text" = "$want" ] || fail "the composer package labels '$text'"
echo "ok: the composer package in a fresh project: $text"

echo "== plugin zips"
shopt -s nullglob
zips=("$dist"/plugins/*.zip)
for z in "${zips[@]}"; do
  unzip -tq "$z" >/dev/null || fail "$z is not a valid zip"
done
django_zip=$(ls "$dist"/plugins/backorder-django-"$version".zip) || fail "no Django plugin zip"
for f in django/README.md django/backorder_django/apps.py django/backorder_django/templatetags/backorder.py \
  django/backorder_django/management/commands/backorder_feed.py; do
  unzip -l "$django_zip" "$f" >/dev/null || fail "$django_zip has no $f"
done
echo "ok: ${#zips[@]} plugin zips"
for z in "$dist"/plugins/backorder-woocommerce-*.zip; do
  # WordPress installs it as wp-content/plugins/backorder-for-woocommerce/, never over WooCommerce's folder
  mkdir -p "$work/wp-plugin" && unzip -q -o "$z" -d "$work/wp-plugin"
  main=$work/wp-plugin/backorder-for-woocommerce/backorder-for-woocommerce.php
  grep -q '^ \* Plugin Name: *Backorder for WooCommerce' "$main" || fail "$z: no backorder-for-woocommerce/ plugin"
  [ ! -e "$work/wp-plugin/woocommerce" ] || fail "$z unzips into woocommerce/"
  while IFS= read -r f; do php -l "$f" >/dev/null || fail "$z: $f does not parse"; done \
    < <(find "$work/wp-plugin/backorder-for-woocommerce" -name '*.php')
  echo "ok: $(basename "$z") unzips to backorder-for-woocommerce/ and every PHP file parses"
done
