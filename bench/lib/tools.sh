# pgbench and wrk runs, each appending its figures to $figures as run.sh's JSON lines. Sourced by run.sh.

# figure LOAD SYSTEM NAME VALUE
figure() {
  printf '{"load":"%s","system":"%s","name":"%s","value":%s}\n' "$1" "$2" "$3" "$4" >>"$figures"
  printf '  %-10s %-9s %-28s %12s\n' "$1" "$2" "$3" "$4"
}

run_pgbench() {
  local seconds=$1
  psql_in postgres -c "create database pgbench" >/dev/null
  psql_in pgbench -f "$bench/pgbench/setup.sql" >/dev/null
  for clients in 1 64; do
    echo "pgbench: the conditional UPDATE, $clients client(s), ${seconds} s"
    figure pgbench machine "load-average-$clients" "$(cut -d' ' -f1 /proc/loadavg)"
    local threads=$((clients < 2 ? 1 : 2)) output
    output=$("$pgbin/pgbench" -n -M prepared -f "$bench/pgbench/conditional-update.sql" -c "$clients" -j "$threads" -T "$seconds" \
      -h 127.0.0.1 -p "$pg_port" -U postgres pgbench 2>&1)
    figure pgbench pgbench "tps-$clients" "$(awk '/^tps = / { print $3; exit }' <<<"$output")"
    figure pgbench pgbench "latency-ms-$clients" "$(awk '/^latency average = / { print $4; exit }' <<<"$output")"
  done
}

ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  [[ $(id -u) -eq 0 ]] || return 1
  echo "Installing wrk (apt-get install wrk) …"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null 2>&1
}

# run_wrk NAME SECONDS URL [-- script arguments]: requests/s and non-2xx answers of one wrk run, 2 threads, 64 connections.
run_wrk() {
  local name=$1 seconds=$2; shift 2
  echo "wrk: $name, ${seconds} s"
  figure credit machine "$name-load-average" "$(cut -d' ' -f1 /proc/loadavg)"
  local output
  output=$(wrk -t2 -c64 -d"${seconds}s" --latency "$@" 2>&1)
  figure credit kalmar "$name-rps" "$(awk '/^Requests\/sec:/ { print $2; exit }' <<<"$output")"
  figure credit kalmar "$name-non2xx" "$(awk '/Non-2xx or 3xx responses:/ { print $5; found = 1 } END { if (!found) print 0 }' <<<"$output")"
  figure credit kalmar "$name-p50-ms" "$(awk '$1 == "50%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; print v; exit }' <<<"$output")"
}
