#!/usr/bin/env bash
# Starts the whole system with demo data: the project's PostgreSQL, one silo and one web host, or with --nodes 2
# two silos and two web hosts (http://localhost:8080 and :8081) sharing that database. A process that exits is
# started again while the others keep serving. Ctrl-C stops everything; the data stays in .data/.
# PostgreSQL is stopped only by the last run script using it: another instance (started meanwhile, or still running)
# keeps its database.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port="${KALMAR_DB_PORT:-5433}"
data="$root/.data"
nodes=1

while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) nodes="${2:-}"; shift 2 ;;
    --nodes=*) nodes="${1#--nodes=}"; shift ;;
    *) echo "Okänt val: $1 (användning: scripts/run.sh [--nodes 1|2])" >&2; exit 2 ;;
  esac
done
[[ "$nodes" =~ ^[12]$ ]] || { echo "--nodes tar 1 eller 2." >&2; exit 2; }

mkdir -p "$data/instances"
# Every running instance has a file here; the database is shared by them all. The lock makes "register and start
# the database" and "unregister and maybe stop it" one step each, so a stopping instance never stops the database
# that a starting one has just found running.
exec 9>"$data/instances.lock"
flock 9
touch "$data/instances/$$"
bash scripts/dev-db.sh
flock -u 9
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

declare -A pid=() started=()
stopping=0

stop_database_unless_shared() {
  flock 9
  rm -f "$data/instances/$$"
  local other
  for other in "$data"/instances/*; do
    [[ -e "$other" ]] || continue
    if kill -0 "$(basename "$other")" 2>/dev/null; then
      flock -u 9
      echo "PostgreSQL lämnas igång: en annan körning ($(basename "$other")) använder den."
      return
    fi
    rm -f "$other" # left by an instance that died without cleaning up
  done
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$data/pg" -m fast stop >/dev/null || true
  else "$pgbin/pg_ctl" -D "$data/pg" -m fast stop >/dev/null || true; fi
  flock -u 9
}

stop() {
  trap - INT TERM EXIT
  stopping=1
  echo; echo "Stoppar …"
  for name in "${!pid[@]}"; do kill -TERM "${pid[$name]}" 2>/dev/null || true; done
  for name in "${!pid[@]}"; do wait "${pid[$name]}" 2>/dev/null || true; done
  stop_database_unless_shared
  echo "Stoppat. Data finns kvar i .data/."
}
trap stop INT TERM EXIT

echo "Bygger …"
dotnet build Kalmar.slnx -c Release -v quiet -nologo >/dev/null

export ConnectionStrings__Kalmar="Host=127.0.0.1;Port=$port;Database=kalmar;Username=kalmar;Password=kalmar"
# For trying it out: Development loads the demo data and serves /dev/outbox (never so in Production).
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
echo "Startar i Development-läge: demodata och /dev/outbox är på (så kör man aldrig i produktion)."

silo_dir="$root/Kalmar.Silo/bin/Release/net10.0"
web_dir="$root/Kalmar.Web/bin/Release/net10.0"

# Node n: silo ports 11111/30000 + (n-1), web port 8080 + (n-1); logs .data/silo.log and web.log, then silo-2.log, …
log_of() { local kind=$1 n=$2; if [[ $n -eq 1 ]]; then echo "$data/$kind.log"; else echo "$data/$kind-$n.log"; fi; }
web_port() { echo $((8079 + $1)); }

start() {
  local name=$1 kind=${1%-*} n=${1#*-}
  if [[ $kind == silo ]]; then
    # The demo data is loaded by the first silo only, so two starting silos do not race to insert it.
    (cd "$silo_dir" && Silo__SiloPort=$((11110 + n)) Silo__GatewayPort=$((29999 + n)) DemoData__Enabled=$([[ $n -eq 1 ]] && echo true || echo false) \
      exec dotnet Kalmar.Silo.dll) >> "$(log_of silo "$n")" 2>&1 &
  else
    (cd "$web_dir" && exec dotnet Kalmar.Web.dll --urls "http://localhost:$(web_port "$n")" --contentRoot "$root/Kalmar.Web") \
      >> "$(log_of web "$n")" 2>&1 &
  fi
  pid[$name]=$!
  started[$name]=$SECONDS
}

names=()
for n in $(seq 1 "$nodes"); do names+=("silo-$n" "web-$n"); done
for name in "${names[@]}"; do start "$name"; done

echo "Startar ${nodes} silo(r) och ${nodes} webbnod(er) (loggar i .data/) …"
ready() { local n; for n in $(seq 1 "$nodes"); do curl -fsS "http://localhost:$(web_port "$n")/health/ready" >/dev/null 2>&1 || return 1; done; }
for _ in $(seq 1 120); do
  if ready; then break; fi
  for name in "${names[@]}"; do
    kill -0 "${pid[$name]}" 2>/dev/null || { echo "$name avslutades under starten; se loggarna i .data/." >&2; exit 1; }
  done
  sleep 1
done
ready || { echo "Systemet blev inte klart inom två minuter." >&2; exit 1; }

urls="http://localhost:8080"
[[ $nodes -eq 2 ]] && urls="http://localhost:8080 och http://localhost:8081 (samma system, två webbnoder)"
cat <<TXT

Företagsportalen är igång: $urls
Appen (tjänsteresor med AllPay):  http://localhost:8080/app/
Utkorgen (sms och e-post):        http://localhost:8080/dev/outbox
För KLT:s drift (operatör):       http://localhost:8080/operator/dashboard och http://localhost:8080/metrics

Demoinloggningar:
  Emmy Nilsson (resenär, Avdelning 21)          emmy@example.se / Resenar-2026
  Anna Andersson (företagsadministratör)        anna@example.se / Admin-2026
  Dan Dahl (avdelningsadministratör, Avd. 21)   dan@example.se  / Admin-2026
  Rut (resenär, Region Kalmar län)              rut@example.se  / Resenar-2026
  Olle (KLT, operatör)                          olle@klt.example.se / Operator-2026

Tryck Ctrl-C för att stoppa.
TXT

# Supervise: a process that exits is started again (after a pause if it keeps failing at once); the rest go on.
while [[ $stopping -eq 0 ]]; do
  for name in "${names[@]}"; do
    if ! kill -0 "${pid[$name]}" 2>/dev/null; then
      wait "${pid[$name]}" 2>/dev/null && code=0 || code=$?
      lived=$((SECONDS - started[$name]))
      echo "$(date +%T) $name avslutades (kod $code efter $lived s); startar den igen." >&2
      [[ $lived -lt 10 ]] && sleep 5
      start "$name"
    fi
  done
  sleep 1
done
