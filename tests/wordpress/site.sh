#!/usr/bin/env bash
# A throwaway WordPress site for the tests: MariaDB on a unix socket (scripts/mariadb.sh), a wp-content of its
# own holding the plugin, Debian's WordPress installed into it (install.php) with the plugin active.
#   site.sh start DIR [--storefront]   prints the environment the site needs (BO_WP_DB_SOCKET=…, BO_WP_CONTENT=…);
#                                      --storefront adds the WooCommerce stand-in pages (storefront/) for the browser
#   site.sh stop DIR                   stops the database and removes DIR
# BACKORDER_LIBRARY must name the built libbackorder.so.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 start|stop DIR [--storefront]" >&2; exit 2; }
dir=$(realpath -m "$2")
case "$1" in
  start)
    [ -f /usr/share/wordpress/wp-settings.php ] || { echo "site.sh: Debian's wordpress package is missing (scripts/deps.sh)" >&2; exit 1; }
    mkdir -p "$dir"
    chmod 755 "$dir"  # the database server runs as the mysql user
    socket=$(bash "$root/scripts/mariadb.sh" start "$dir/db")
    content=$dir/wp-content
    mkdir -p "$content/plugins" "$content/uploads"
    ln -s "$root/plugins/woocommerce" "$content/plugins/backorder-for-woocommerce"
    if [ "${3:-}" = "--storefront" ]; then
      mkdir -p "$content/mu-plugins"
      ln -s "$root/tests/wordpress/storefront/storefront.php" "$content/mu-plugins/storefront.php"
    fi
    # WordPress 6.1 predates PHP 8.2: its deprecation notices are WordPress's, not the plugin's
    BO_WP_DB_SOCKET=$socket BO_WP_CONTENT=$content php -d error_reporting='E_ALL & ~E_DEPRECATED' \
      "$root/tests/wordpress/install.php" >&2
    echo "BO_WP_DB_SOCKET=$socket"
    echo "BO_WP_CONTENT=$content"
    ;;
  stop)
    bash "$root/scripts/mariadb.sh" stop "$dir/db" || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR [--storefront]" >&2; exit 2 ;;
esac
