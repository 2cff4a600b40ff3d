#!/usr/bin/env bash
# The WordPress plugin's tests inside real WordPress (Debian's wordpress package): a throwaway MariaDB
# (scripts/mariadb.sh), a fresh install (wp_install) with the plugin activated, then PHPUnit calling
# WooCommerce's hooks through WordPress's filter system with WooCommerce-shaped products.
#   run.sh [BUILD_DIR]   (default build/dev: its libbackorder.so.1 and generated FFI header)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=$(cd "${1:-build/dev}" && pwd)
[ -f /usr/share/wordpress/wp-settings.php ] || { echo "wordpress tests: Debian's wordpress package is missing (scripts/deps.sh)" >&2; exit 1; }
work=$(mktemp -d /tmp/bo-wp.XXXXXX)
chmod 755 "$work"  # the database server runs as the mysql user
trap 'bash scripts/mariadb.sh stop "$work/db" || true; rm -rf "$work"' EXIT

BO_WP_DB_SOCKET=$(bash scripts/mariadb.sh start "$work/db")
BO_WP_CONTENT=$work/wp-content
mkdir -p "$BO_WP_CONTENT/plugins" "$BO_WP_CONTENT/uploads"
ln -s "$root/plugins/woocommerce" "$BO_WP_CONTENT/plugins/backorder-for-woocommerce"
export BO_WP_DB_SOCKET BO_WP_CONTENT BACKORDER_LIBRARY=$build/capi/libbackorder.so.1

# WordPress 6.1 predates PHP 8.2: its deprecation notices are WordPress's, not the plugin's
php -d error_reporting='E_ALL & ~E_DEPRECATED' tests/wordpress/install.php
php -d error_reporting='E_ALL & ~E_DEPRECATED' -d error_log="$work/php-errors.log" /usr/bin/phpunit -c tests/wordpress/phpunit.xml
