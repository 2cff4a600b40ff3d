#!/usr/bin/env bash
# A throwaway MariaDB server for the WordPress tests, independent of the Debian package's own instance.
#   bash scripts/mariadb.sh start DIR   install a datadir in DIR, start mariadbd on a unix socket in DIR only
#                                       (no TCP, so no port to collide with), create the database "wordpress"
#                                       and its user, print the socket's path
#   bash scripts/mariadb.sh stop DIR    stop that server and remove DIR
# Runs as root: the server runs as the mysql user. Durability is off (a test database), so it starts in a second.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$(realpath -m "$2")
marker="$dir/.backorder-mariadb"  # stop removes only a folder that start made
sock="$dir/mysql.sock"
command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] ||
  { echo "mariadb.sh: no MariaDB server found (apt-get install mariadb-server)" >&2; exit 1; }
server=$(command -v mariadbd || echo /usr/sbin/mariadbd)

alive() { [ -S "$sock" ] && mariadb-admin --socket="$sock" -uroot ping >/dev/null 2>&1; }

case "$cmd" in
  start)
    if [ -f "$marker" ] && alive; then echo "$sock"; exit 0; fi
    if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ] && [ ! -f "$marker" ]; then
      echo "mariadb.sh: $dir exists and is not empty; give a new folder" >&2
      exit 1
    fi
    if [ $(( ${#dir} + 11 )) -gt 107 ]; then echo "mariadb.sh: $dir is too long for a socket path" >&2; exit 1; fi
    mkdir -p "$dir"
    touch "$marker"
    chown mysql:mysql "$dir"
    chmod 755 "$dir"  # the socket must be reachable by the PHP process
    runuser -u mysql -- test -x "$dir" || { echo "mariadb.sh: the mysql user cannot reach $dir (a parent folder is private)" >&2; exit 1; }
    mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" --auth-root-authentication-method=socket \
      --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
    # --no-defaults: nothing from /etc/mysql (the Debian service's socket, port or datadir) leaks in.
    runuser -u mysql -- "$server" --no-defaults --datadir="$dir/data" --socket="$sock" --skip-networking \
      --pid-file="$dir/mariadbd.pid" --log-error="$dir/server.log" --innodb-flush-log-at-trx-commit=0 \
      --innodb-buffer-pool-size=16M --performance-schema=OFF --skip-log-bin >/dev/null 2>&1 &
    for _ in $(seq 300); do alive && break; sleep 0.1; done
    alive || { echo "mariadb.sh: the server did not start" >&2; cat "$dir/server.log" >&2; exit 1; }
    mariadb --socket="$sock" -uroot <<'SQL'
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
SQL
    echo "$sock"
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    [ -f "$marker" ] || { echo "mariadb.sh: $dir was not made by mariadb.sh start; leaving it" >&2; exit 1; }
    if [ -f "$dir/mariadbd.pid" ]; then
      pid=$(cat "$dir/mariadbd.pid")
      mariadb-admin --socket="$sock" -uroot shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
