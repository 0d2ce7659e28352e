#!/usr/bin/env bash
# Issue 17's chaos run: two silos and two web nodes (Release, separate processes) on a throwaway PostgreSQL, a steady
# mixed load from bench/Kalmar.Bench (`chaos`: app purchases, staff-offer orders and an admin's decisions, every
# traveller's phone on the hub), and meanwhile: kill -9 of a silo, later of a web node, then both started again. At the
# end the load generator checks what every client was told against the database; the run fails when anything was lost
# or doubled. About 6 minutes (a build first when the sources changed).
#
#   bash bench/chaos.sh                 load for 180 s: silo killed at 30 s, web node at 70 s, both restarted at 100 s
#   bash bench/chaos.sh --seconds N     load for N s (at least 120), the kills at the same moments
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
seconds=180
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
  shift
done
((seconds >= 120)) || { echo "--seconds: at least 120 (the restarts come at 100 s)." >&2; exit 2; }

work=$(mktemp -d /tmp/kalmar-chaos-XXXXXX)
chmod 755 "$work"
source "$bench/lib/processes.sh"
source "$bench/lib/postgres.sh"
source "$bench/lib/kalmar.sh"

finish() {
  trap - EXIT INT TERM
  ((${#pids[@]})) && stop_processes "${pids[@]}"
  stop_postgres
  rm -rf "$work/pg/data"
  echo "Logs: $work"
}
trap finish EXIT
trap 'exit 130' INT TERM

echo "Building (Release) …"
build_release Kalmar.Silo/Kalmar.Silo.csproj Kalmar.Web/Kalmar.Web.csproj bench/Kalmar.Bench/Kalmar.Bench.csproj
echo "Starting PostgreSQL …"
start_postgres
psql_in postgres -c "create database kalmar" >/dev/null
kalmar_environment "$(connection_string kalmar)"

silo_ports=("$(free_port) $(free_port)" "$(free_port) $(free_port)")
web_ports=("$(free_port)" "$(free_port)")
# shellcheck disable=SC2086 # the silo's two ports
start_silo silo-1 ${silo_ports[0]}; silo_1=$started_pid
# shellcheck disable=SC2086
start_silo silo-2 ${silo_ports[1]}; silo_2=$started_pid
start_web web-1 "${web_ports[0]}"; web_1=$started_pid
start_web web-2 "${web_ports[1]}"; web_2=$started_pid
echo "Starting two silos ($silo_1, $silo_2) and two web nodes ($web_1 on ${web_ports[0]}, $web_2 on ${web_ports[1]}) …"
for port in "${web_ports[@]}"; do wait_ready "http://127.0.0.1:$port/health/ready" "$silo_1" "$silo_2" "$web_1" "$web_2"; done

urls="http://127.0.0.1:${web_ports[0]},http://127.0.0.1:${web_ports[1]}"
started="$work/load-started"
(cd "$bench/Kalmar.Bench/$release" && exec dotnet Kalmar.Bench.dll chaos --urls "$urls" --database "$ConnectionStrings__Kalmar" \
  --cluster-id "$Cluster__ClusterId" --seconds "$seconds" --started "$started") > >(tee "$work/chaos.log") 2>&1 &
load=$!

running() { kill -0 "$load" 2>/dev/null; }
# at SECOND: waits until the load has run that long; fails when the load stopped before.
at() {
  while [[ ! -e $started ]]; do running || return 1; sleep 0.2; done
  local due=$(($(stat -c %Y "$started") + $1))
  while (($(date +%s) < due)); do running || return 1; sleep 0.2; done
}
say() { echo "[$(($(date +%s) - $(stat -c %Y "$started"))) s] $*"; }

schedule() {
  at 30 || return 0
  say "kill -9 silo-1 (pid $silo_1)"; crash "$silo_1"
  at 70 || return 0
  say "kill -9 web-1 (pid $web_1, port ${web_ports[0]})"; crash "$web_1"
  at 100 || return 0
  # shellcheck disable=SC2086
  start_silo silo-1-again ${silo_ports[0]}; silo_1=$started_pid
  start_web web-1-again "${web_ports[0]}"; web_1=$started_pid
  say "started silo-1 ($silo_1) and web-1 ($web_1) again"
  wait_ready "http://127.0.0.1:${web_ports[0]}/health/ready" "$silo_1" "$web_1"
  say "web-1 ready again"
}
schedule

status=0
wait "$load" || status=$?
exit "$status"
