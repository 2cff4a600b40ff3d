#!/usr/bin/env bash
# Installs the Debian packages Backorder builds and tests with. Idempotent: apt runs only when one is missing.
set -euo pipefail

packages=(
  cmake ninja-build g++ clang libclang-rt-14-dev pkg-config
  libicu-dev nlohmann-json3-dev libssl-dev libsqlite3-dev libpq-dev
  postgresql
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-dev pybind11-dev python3-pybind11 python3-pytest
  php8.2-cli phpunit
  abigail-tools binutils
  dpkg-dev python3-venv python3-pip python3-setuptools python3-wheel composer php8.2-zip unzip
  chromium python3-django
  wordpress mariadb-server php8.2-mysql
)

# Node.js with npm (the browser tests' playwright-core): the machine's own when it has one (a nodesource
# nodejs bundles npm and conflicts with Debian's npm package), else Debian's.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "deps: all ${#packages[@]} packages present"
fi
