#!/usr/bin/env bash
# Starts the PostgreSQL server the history tests write to (they run against SQLite and against a
# real PostgreSQL, never a mock): Debian's postgresql, a cluster of camlab's own on a local port,
# a role and a database for the tests. Safe to run again: what exists is kept, a stopped server is
# started. Installs postgresql with apt-get when missing (as root).
#   scripts/test-postgres.sh stop   stops that server (fast: its connections are cut, as a restart cuts
#                                   them); the survey's reconnect test runs it, then this script again
set -euo pipefail
ACTION="${1:-start}"
PORT="${CAMLAB_TEST_PG_PORT:-55432}"
ROLE=camlab
PASSWORD=camlab
DB=camlab_test

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-postgres: PostgreSQL is not installed (sudo apt-get install postgresql)" >&2
    exit 1
  fi
  echo "test-postgres: installing postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
VERSION="$(basename "$(dirname "$BIN")")"

psql_as_admin() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$BIN/psql" -h /var/run/postgresql -p "$PORT" -d postgres -qtA -v ON_ERROR_STOP=1 "$@"
  else
    "$BIN/psql" -h "$SOCKETS" -p "$PORT" -d postgres -qtA -v ON_ERROR_STOP=1 "$@"
  fi
}

if [ "$ACTION" = stop ]; then
  if [ "$(id -u)" -eq 0 ]; then
    pg_ctlcluster "$VERSION" camlabtest stop -m fast
  else
    "$BIN/pg_ctl" -D "${XDG_CACHE_HOME:-$HOME/.cache}/camlab/postgres" -m fast -w stop >/dev/null
  fi
  echo "test-postgres: stopped"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  # root: a Debian cluster run by the postgres user (initdb refuses to run as root)
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx camlabtest; then
    pg_createcluster "$VERSION" camlabtest -p "$PORT" >/dev/null
  fi
  if ! pg_lsclusters -h | awk '$2 == "camlabtest" {print $4}' | grep -qx online; then
    pg_ctlcluster "$VERSION" camlabtest start
  fi
else
  # a user: a server of their own under ~/.cache, its socket there too
  DATA="${XDG_CACHE_HOME:-$HOME/.cache}/camlab/postgres"
  SOCKETS="$DATA/sockets"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    mkdir -p "$SOCKETS"
  fi
  if ! "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -o "-p $PORT -k $SOCKETS -c listen_addresses=127.0.0.1" -w start >/dev/null
  fi
  psql_as_admin() {
    "$BIN/psql" -h "$SOCKETS" -p "$PORT" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 "$@"
  }
fi

for _ in $(seq 1 30); do
  psql_as_admin -c "SELECT 1" >/dev/null 2>&1 && break
  sleep 1
done
if [ "$(psql_as_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  psql_as_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >/dev/null
fi
if [ "$(psql_as_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  psql_as_admin -c "CREATE DATABASE $DB OWNER $ROLE" >/dev/null
fi
echo "test-postgres: jdbc:postgresql://127.0.0.1:$PORT/$DB?user=$ROLE (PostgreSQL $VERSION)"
