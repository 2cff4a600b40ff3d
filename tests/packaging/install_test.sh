#!/usr/bin/env bash
# `cmake --install` into a scratch prefix, then use it from outside as a stranger would: a C program built
# once with pkg-config and once with find_package(backorder), the CLI, the PHP package and the Python package,
# and the snippets of docs/getting-started.md.
#   install_test.sh BUILD_DIR SOURCE_DIR LIBDIR
set -euo pipefail
build=$1 src=$2 libdir=$3
policy=$src/examples/apparel/policy.json
want="Backorder – ships in 10–14 days"
work=$(mktemp -d /tmp/backorder-install.XXXXXX)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
lib=$prefix/$libdir

# The layout, soname links included.
for f in "$lib/libbackorder.so.$version" include/backorder.h bin/backorder "$lib/pkgconfig/backorder.pc" \
  "$lib/cmake/backorder/backorderConfig.cmake" "$lib/cmake/backorder/backorderConfigVersion.cmake" \
  share/php/backorder/composer.json share/php/backorder/src/Engine.php \
  share/php/backorder/generated/backorder_ffi.h share/php/backorder/generated/Constants.php; do
  f=${f#"$prefix/"}
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
[ "$(readlink "$lib/libbackorder.so.1")" = "libbackorder.so.$version" ] || fail "libbackorder.so.1 link"
[ "$(readlink "$lib/libbackorder.so")" = "libbackorder.so.1" ] || fail "libbackorder.so link"
export LD_LIBRARY_PATH=$lib

# pkg-config
export PKG_CONFIG_PATH=$lib/pkgconfig
[ "$(pkg-config --modversion backorder)" = "$version" ] || fail "pkg-config version"
# shellcheck disable=SC2046  # word splitting of the flags is the point
cc -std=c99 -Wall -Werror -o "$work/consumer-pc" "$src/tests/packaging/consumer/consumer.c" \
  $(pkg-config --cflags --libs backorder)
"$work/consumer-pc" "$policy" >/dev/null || fail "the pkg-config consumer"
echo "ok: pkg-config consumer"

# find_package(backorder) -> backorder::backorder
cmake -S "$src/tests/packaging/consumer" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  >"$work/configure.log" || { cat "$work/configure.log"; fail "find_package(backorder)"; }
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer" "$policy" || fail "the find_package consumer"
echo "ok: find_package consumer"

# The CLI
"$prefix/bin/backorder" --version --json | grep -q "\"version\": \"$version\"" || fail "backorder --version --json"
echo "ok: bin/backorder --version --json says $version"
# Its example shop comes from the install (share/backorder/apparel), also once the prefix is moved.
mv "$prefix" "$work/moved" && prefix=$work/moved && lib=$prefix/$libdir
export LD_LIBRARY_PATH=$lib PKG_CONFIG_PATH=$lib/pkgconfig
data=$(env -u BACKORDER_DATA "$prefix/bin/backorder" --version --json |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["cli"]["data_dir"])')
[ "$data" = "$prefix/share/backorder/apparel" ] || fail "the installed CLI reads its data from $data"
env -u BACKORDER_DATA "$prefix/bin/backorder" labels --now 2026-11-30T09:00:00-05:00 | grep -q "$want" ||
  fail "the installed CLI's labels"
echo "ok: bin/backorder reads the installed example shop after the prefix moved: $data"

# PHP, from share/php/backorder (library by soname, FFI header from generated/)
if command -v php >/dev/null; then
  text=$(env -u BACKORDER_LIBRARY -u BACKORDER_FFI_HEADER php -r '
    require $argv[1] . "/share/php/backorder/autoload.php";
    $label = (new Backorder\Engine($argv[2]))->label(["sku" => "JKT-NAVY-M"], ["on_hand" => 0],
        now: "2026-11-30T09:00:00-05:00");
    echo $label->text;' "$prefix" "$policy")
  [ "$text" = "$want" ] || fail "PHP from the install: $text"
  echo "ok: PHP package: $text"
fi

# Python, when the build has the module
pydir=$(find "$prefix" -path '*-packages/backorder' -type d | head -1)
if [ -n "$pydir" ]; then
  text=$(cd "$work" && PYTHONPATH=$(dirname "$pydir") /usr/bin/python3 -c '
import sys, backorder
assert backorder.__file__.startswith(sys.argv[1]), backorder.__file__
print(backorder.Engine(sys.argv[2]).label({"sku": "JKT-NAVY-M"}, {"on_hand": 0},
      now="2026-11-30T09:00:00-05:00").text)' "$prefix" "$policy")
  [ "$text" = "$want" ] || fail "Python from the install: $text"
  echo "ok: Python package: $text"
  # the Django app beside it, with Debian's Django
  [ -f "$(dirname "$pydir")/backorder_django/templatetags/backorder.py" ] || fail "backorder_django not installed"
  text=$(cd "$work" && env -u DJANGO_SETTINGS_MODULE PYTHONPATH=$(dirname "$pydir") /usr/bin/python3 \
    "$src/tests/packaging/django_smoke.py" "$prefix" "$policy" "$src/examples/apparel/catalog.json" \
    "$src/examples/apparel/stock.json") || fail "the Django app from the install"
  [ "$text" = "$want | 2026-12-10T00:00:00-05:00" ] || fail "the Django app from the install says '$text'"
  echo "ok: Django app (backorder_django): $text"
fi

# docs/getting-started.md: each "<!-- snippet: NAME -->" code block, run as it stands.
snippets=$work/snippets
mkdir -p "$snippets/vendor"
python3 - "$src/docs/getting-started.md" "$snippets" <<'PY'
import pathlib, re, sys
found = re.findall(r"<!-- snippet: (\S+) -->\n```\w*\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S)
assert {name for name, _ in found} == {"label.c", "label.py", "label.php"}, found
for name, code in found:
    (pathlib.Path(sys.argv[2]) / name).write_text(code, encoding="utf-8")
PY
first_text() { grep -o "Backorder – ships in 10–14 days" | head -1; }
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$snippets/label" "$snippets/label.c" $(pkg-config --cflags --libs backorder)
[ "$("$snippets/label" | first_text)" = "$want" ] || fail "getting-started label.c"
if [ -n "$pydir" ]; then
  [ "$(cd "$snippets" && PYTHONPATH=$(dirname "$pydir") /usr/bin/python3 label.py | first_text)" = "$want" ] ||
    fail "getting-started label.py"
fi
if command -v php >/dev/null; then
  # Stands in for composer's vendor/autoload.php.
  echo "<?php require '$prefix/share/php/backorder/autoload.php';" >"$snippets/vendor/autoload.php"
  [ "$(cd "$snippets" && env -u BACKORDER_LIBRARY -u BACKORDER_FFI_HEADER php label.php | first_text)" = "$want" ] ||
    fail "getting-started label.php"
fi
echo "ok: the C, Python and PHP snippets of docs/getting-started.md"
