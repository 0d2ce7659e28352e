#!/usr/bin/env bash
# Issue 15's benchmark in one run: its own PostgreSQL (fsync on), pgbench on the conditional UPDATE, the row-lock
# CRUD baseline (bench/Kalmar.Bench.Baseline) and the real system (one silo, one web node) over HTTP, then the
# table of figures, ratios and targets, written to bench/RESULTS.md.
#
#   bash bench/run.sh                      the full run (about 20 minutes)
#   bash bench/run.sh --quick              a smoke run: a few seconds per load, 1,000 idle connections
#   bash bench/run.sh --loads hot,live     only some loads: pgbench,hot,spread,sequence,growth,live,grains,credit
#   bash bench/run.sh --out FILE           write the results elsewhere (a --quick run writes bench/RESULTS.quick.md)
#   bash bench/run.sh --loads onboarding   traveller import (5,000 rows) and the Resenärer search: the "Onboarding" section
#   bash bench/run.sh --loads invoices     a month of 200,000 invoice lines as CSV and PDF: the "Invoices" section
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
quick=""
loads="pgbench,hot,spread,sequence,growth,live,grains,credit"
out=""
while (($#)); do
  case $1 in
    --quick) quick="--quick" ;;
    --loads) loads=$2; shift ;;
    --out) out=$2; shift ;;
    *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
  shift
done
out=${out:-$bench/RESULTS${quick:+.quick}.md}
runs() { [[ ",$loads," == *",$1,"* ]]; }
runs_any() { for load in "$@"; do runs "$load" && return 0; done; return 1; }

work=$(mktemp -d /tmp/kalmar-bench-XXXXXX)
chmod 755 "$work"
figures="$work/figures.jsonl"
: >"$figures"
source "$bench/lib/processes.sh"
source "$bench/lib/postgres.sh"
source "$bench/lib/tools.sh"
source "$bench/lib/kalmar.sh"

finish() {
  trap - EXIT INT TERM
  ((${#pids[@]})) && stop_processes "${pids[@]}"
  stop_postgres
  rm -rf "$work/pg/data"
  echo "Logs and raw figures: $work"
}
trap finish EXIT
trap 'exit 130' INT TERM

# Ten thousand hub connections need as many sockets in the web process and in the load generator.
ulimit -n "$(ulimit -Hn)"
load_at_start=$(cut -d' ' -f1 /proc/loadavg)
echo "Load average now: $load_at_start on $(nproc) cores (figures are noisy while others use the machine)."

echo "Building (Release) …"
build_release Kalmar.Silo/Kalmar.Silo.csproj Kalmar.Web/Kalmar.Web.csproj bench/Kalmar.Bench.Baseline/Kalmar.Bench.Baseline.csproj bench/Kalmar.Bench/Kalmar.Bench.csproj
bench_tool() { (cd "$bench/Kalmar.Bench/$release" && dotnet Kalmar.Bench.dll "$@" --figures "$figures" $quick); }

echo "Starting PostgreSQL (fsync on) …"
start_postgres
postgres_version=$("$pgbin/postgres" --version)
seconds=$([[ -n $quick ]] && echo 3 || echo 15)

if runs pgbench; then run_pgbench "$seconds"; fi

if runs_any hot spread sequence growth; then
  psql_in postgres -c "create database baseline" >/dev/null
  baseline_port=$(free_port)
  ConnectionStrings__Baseline=$(connection_string baseline) ASPNETCORE_URLS="http://127.0.0.1:$baseline_port" \
    start baseline "$bench/Kalmar.Bench.Baseline/$release" Kalmar.Bench.Baseline.dll
  baseline_pid=$started_pid
  wait_ready "http://127.0.0.1:$baseline_port/health" "$baseline_pid"
  bench_tool baseline --url "http://127.0.0.1:$baseline_port" --loads "$loads"
  stop_processes "$baseline_pid"
fi

if runs_any hot spread sequence growth live grains credit onboarding invoices; then
  psql_in postgres -c "create database kalmar" >/dev/null
  kalmar_environment "$(connection_string kalmar)"
  web_port=$(free_port)
  start_silo silo "$(free_port)" "$(free_port)"
  silo_pid=$started_pid
  start_web web "$web_port"
  web_pid=$started_pid
  echo "Starting Kalmar (silo $silo_pid, web $web_pid on port $web_port) …"
  wait_ready "http://127.0.0.1:$web_port/health/ready" "$silo_pid" "$web_pid"
  if runs_any hot spread sequence growth live grains credit; then
    bench_tool kalmar --url "http://127.0.0.1:$web_port" --database "$ConnectionStrings__Kalmar" --cluster-id "$Cluster__ClusterId" \
      --web-pid "$web_pid" --silo-pid "$silo_pid" --tokens "$work/tokens.txt" --loads "$loads"
  fi
  if runs credit; then
    if ensure_wrk; then
      run_wrk credit "$seconds" -s "$bench/wrk/credit.lua" "http://127.0.0.1:$web_port" -- "$work/tokens.txt"
      run_wrk health "$seconds" "http://127.0.0.1:$web_port/health/live"
    else
      echo "wrk is not installed and cannot be (not root): GET /api/app/credit is not measured." >&2
    fi
  fi
  if runs onboarding; then
    bench_tool onboarding --url "http://127.0.0.1:$web_port" --database "$ConnectionStrings__Kalmar" --cluster-id "$Cluster__ClusterId"
  fi
  if runs invoices; then
    bench_tool invoices --url "http://127.0.0.1:$web_port" --database "$ConnectionStrings__Kalmar" --cluster-id "$Cluster__ClusterId" \
      --web-pid "$web_pid"
  fi
fi

bench_tool report --out "$out" --postgres-version "$postgres_version" --load-at-start "$load_at_start"
