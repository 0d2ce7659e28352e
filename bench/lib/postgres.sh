# A throwaway PostgreSQL cluster for one benchmark run: its own folder and a free port, run as the postgres user
# (initdb refuses root), fsync on. Sourced by run.sh; uses $work.

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
pg_port=""

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  [[ -x "$pgbin/initdb" ]] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
  pg_port=$(free_port)
  mkdir -p "$work/pg"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$work/pg"; fi
  as_postgres "$pgbin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/postgres.log" \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=400" start >/dev/null
}

stop_postgres() {
  if [[ -n "$pg_port" && -f "$work/pg/data/postmaster.pid" ]]; then
    as_postgres "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# psql_in DATABASE [psql arguments…]
psql_in() {
  local database=$1; shift
  "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$database" -v ON_ERROR_STOP=1 -qtA "$@"
}

connection_string() {
  echo "Host=127.0.0.1;Port=$pg_port;Database=$1;Username=postgres;Maximum Pool Size=200;Timeout=30"
}
