#!/usr/bin/env bash
# Creates (first time) and starts the project's own PostgreSQL cluster under .data/pg, as the
# postgres user (initdb refuses root). Prints nothing but errors; safe to run again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/.data"
port="${KALMAR_DB_PORT:-5433}"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$pgbin" || ! -x "$pgbin/initdb" ]]; then
  echo "Installerar PostgreSQL (apt-get install postgresql) …" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$data"
if [[ ! -f "$data/pg/PG_VERSION" ]]; then
  mkdir -p "$data/pg"
  printf 'kalmar\n' > "$data/pwfile"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres "$data"; fi
  as_postgres "$pgbin/initdb" -D "$data/pg" -U kalmar --pwfile="$data/pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$data/pwfile"
fi

if ! as_postgres "$pgbin/pg_ctl" -D "$data/pg" status >/dev/null 2>&1; then
  as_postgres "$pgbin/pg_ctl" -D "$data/pg" -w -l "$data/postgres.log" \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >/dev/null
fi

export PGPASSWORD=kalmar
if ! "$pgbin/psql" -h 127.0.0.1 -p "$port" -U kalmar -d postgres -tAc "select 1 from pg_database where datname = 'kalmar'" | grep -q 1; then
  "$pgbin/psql" -h 127.0.0.1 -p "$port" -U kalmar -d postgres -qc "create database kalmar" >/dev/null
fi
