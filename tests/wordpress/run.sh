#!/usr/bin/env bash
# The WordPress plugin's tests inside real WordPress (Debian's wordpress package): a throwaway site (site.sh:
# MariaDB on a unix socket, a fresh install with the plugin activated), then PHPUnit calling WooCommerce's hooks
# through WordPress's filter system with WooCommerce-shaped products.
#   run.sh [BUILD_DIR]   (default build/dev: its libbackorder.so.1 and generated FFI header)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$(cd "${1:-build/dev}" && pwd)
export BACKORDER_LIBRARY=$build/capi/libbackorder.so.1
work=$(mktemp -d /tmp/bo-wp.XXXXXX)
trap 'bash tests/wordpress/site.sh stop "$work"' EXIT

site_env=$(bash tests/wordpress/site.sh start "$work")  # fails the run when the site cannot be made
eval "$(sed 's/^/export /' <<<"$site_env")"
php -d error_reporting='E_ALL & ~E_DEPRECATED' -d error_log="$work/php-errors.log" /usr/bin/phpunit -c tests/wordpress/phpunit.xml
