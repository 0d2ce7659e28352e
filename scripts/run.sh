#!/usr/bin/env bash
# Starts the whole system with demo data: the project's PostgreSQL, one silo and one web host.
# The portal is then at http://localhost:8080. Ctrl-C stops everything; the data stays in .data/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port="${KALMAR_DB_PORT:-5433}"
data="$root/.data"
pgbin=""

bash scripts/dev-db.sh
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

echo "Bygger …"
dotnet build Kalmar.slnx -c Release -v quiet -nologo >/dev/null

export ConnectionStrings__Kalmar="Host=127.0.0.1;Port=$port;Database=kalmar;Username=kalmar;Password=kalmar"
# For trying it out: Development loads the demo data and serves /dev/outbox (never so in Production).
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
echo "Startar i Development-läge: demodata och /dev/outbox är på (så kör man aldrig i produktion)."

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stoppar …"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$data/pg" -m fast stop >/dev/null || true
  else "$pgbin/pg_ctl" -D "$data/pg" -m fast stop >/dev/null || true; fi
  echo "Stoppat. Data finns kvar i .data/."
}
trap stop INT TERM EXIT

silo="$root/Kalmar.Silo/bin/Release/net10.0"
web="$root/Kalmar.Web/bin/Release/net10.0"
(cd "$silo" && exec dotnet Kalmar.Silo.dll) > "$data/silo.log" 2>&1 &
pids+=($!)
(cd "$web" && exec dotnet Kalmar.Web.dll --urls http://localhost:8080 --contentRoot "$root/Kalmar.Web") > "$data/web.log" 2>&1 &
pids+=($!)

echo "Startar silo och webb (loggar i .data/silo.log och .data/web.log) …"
for _ in $(seq 1 120); do
  if curl -fsS http://localhost:8080/health/ready >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "En process avslutades; se .data/silo.log och .data/web.log." >&2; exit 1; }
  done
  sleep 1
done
curl -fsS http://localhost:8080/health/ready >/dev/null || { echo "Systemet blev inte klart inom två minuter." >&2; exit 1; }

cat <<TXT

Företagsportalen är igång: http://localhost:8080
Appen (tjänsteresor med AllPay):  http://localhost:8080/app/
Utkorgen (sms och e-post):        http://localhost:8080/dev/outbox

Demoinloggningar:
  Emmy Nilsson (resenär, Avdelning 21)          emmy@example.se / Resenar-2026
  Anna Andersson (företagsadministratör)        anna@example.se / Admin-2026
  Dan Dahl (avdelningsadministratör, Avd. 21)   dan@example.se  / Admin-2026
  Rut (resenär, Region Kalmar län)              rut@example.se  / Resenar-2026

Tryck Ctrl-C för att stoppa.
TXT
wait -n "${pids[@]}"
