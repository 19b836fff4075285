#!/usr/bin/env bash
# postgres.sh starts and stops a throwaway PostgreSQL cluster for the
# tests, from Debian's packages (installed when missing).
#
#   eval "$(scripts/postgres.sh start)"   # exports SIXPARTY_TEST_POSTGRES and SIXPARTY_PG_DIR
#   scripts/postgres.sh stop "$SIXPARTY_PG_DIR"
#
# The cluster listens on 127.0.0.1 only, port $PGPORT (default 55432),
# trusts local connections and lives in a temporary folder that stop
# removes. As root it runs as the postgres user (initdb refuses root).
set -euo pipefail
cmd=${1:-}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
case "$cmd" in
start)
  if [ -z "$bin" ]; then
    echo "postgres: installing postgresql" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  port=${PGPORT:-55432}
  dir=$(mktemp -d)
  as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as=(su postgres -c)
  else
    as=(bash -c)
  fi
  "${as[@]}" "$bin/initdb -D $dir/data -A trust -U postgres" >"$dir/initdb.log" 2>&1
  "${as[@]}" "$bin/pg_ctl -D $dir/data -o '-k $dir -c listen_addresses=127.0.0.1 -p $port' -l $dir/log -w start" >&2
  echo "export SIXPARTY_TEST_POSTGRES='postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable'"
  echo "export SIXPARTY_PG_DIR='$dir'"
  ;;
stop)
  dir=${2:?usage: postgres.sh stop DIR}
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -c "$bin/pg_ctl -D $dir/data -w stop" >&2 || true
  else
    "$bin/pg_ctl" -D "$dir/data" -w stop >&2 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: postgres.sh start | stop DIR" >&2
  exit 2
  ;;
esac
