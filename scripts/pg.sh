#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, independent of any cluster the Debian package made.
#   bash scripts/pg.sh start DIR   initdb in DIR, start a server on a unix socket in DIR only (no TCP, so no
#                                  port to collide with), create the database "backorder", print its URL
#   bash scripts/pg.sh stop DIR    stop that server and remove DIR
# Runs as root: the server runs as the postgres user (initdb refuses root). fsync stays on, so the durability
# benchmarks measure what production would; only initdb skips its syncs. PGBIN overrides the binaries' folder.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$(realpath -m "$2")
marker="$dir/.backorder-pg"  # stop removes only a folder that start made
port=5433                   # names the socket file only: .s.PGSQL.5433 in DIR
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$pgbin/initdb" ] || { echo "pg.sh: no PostgreSQL server found (apt-get install postgresql)" >&2; exit 1; }

as_postgres() { runuser -u postgres -- "$@"; }

# The socket folder goes in the URL's query, percent-encoded beyond the characters paths usually have.
url() {
  local enc="" c i
  for ((i = 0; i < ${#dir}; i++)); do
    c=${dir:i:1}
    case "$c" in [A-Za-z0-9/._-]) enc+=$c ;; *) enc+=$(printf '%%%02X' "'$c") ;; esac
  done
  echo "postgresql://postgres@/backorder?host=$enc&port=$port"
}

case "$cmd" in
  start)
    if [ -f "$marker" ] && as_postgres "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      url
      exit 0
    fi
    if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ] && [ ! -f "$marker" ]; then
      echo "pg.sh: $dir exists and is not empty; give a new folder" >&2
      exit 1
    fi
    # Unix socket paths are limited to 107 bytes.
    if [ $(( ${#dir} + 16 )) -gt 107 ]; then echo "pg.sh: $dir is too long for a socket path" >&2; exit 1; fi
    mkdir -p "$dir"
    touch "$marker"
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    as_postgres test -x "$dir" || { echo "pg.sh: the postgres user cannot reach $dir" >&2; exit 1; }
    rm -rf "$dir/data"
    as_postgres "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_postgres "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir -c listen_addresses= -c fsync=on" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    as_postgres "$pgbin/createdb" -h "$dir" -p "$port" -U postgres backorder
    url
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    [ -f "$marker" ] || { echo "pg.sh: $dir was not made by pg.sh start; leaving it" >&2; exit 1; }
    if [ -f "$dir/data/postmaster.pid" ]; then
      # immediate: the data goes anyway, so no shutdown checkpoint (seconds of fsync) to wait for
      as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
