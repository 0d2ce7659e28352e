# Starting, waiting for and stopping the processes of a run. Sourced by run.sh; uses $work.

pids=()

# A port below the kernel's ephemeral range (32768 and up), so no outgoing connection can be holding it, and unused now.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    if [[ -z $(ss -Htan "sport = :$port" 2>/dev/null) ]]; then echo "$port"; return; fi
  done
}

# start NAME FOLDER DLL [arguments…]: runs `dotnet DLL` in FOLDER, logging to $work/NAME.log; sets $started_pid.
start() {
  local name=$1 folder=$2 dll=$3; shift 3
  (cd "$folder" && exec dotnet "$dll" "$@") >"$work/$name.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
}

# wait_ready URL PID…: until URL answers, or a process died, or two minutes passed.
wait_ready() {
  local url=$1; shift
  for _ in $(seq 1 240); do
    if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
    for pid in "$@"; do
      kill -0 "$pid" 2>/dev/null || { echo "A process stopped while starting; see the logs in $work." >&2; exit 1; }
    done
    sleep 0.5
  done
  echo "$url did not answer within two minutes; see the logs in $work." >&2
  exit 1
}

# stop_processes PID…: TERM, then wait for each; a stopped pid is forgotten, so no later signal reaches a reused pid.
stop_processes() {
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
  forget "$@"
}

# crash PID: SIGKILL, as a power cut or the OOM killer ends a process (nothing of it runs again), then forgets it.
crash() {
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget "$1"
}

forget() {
  local still=() pid
  for pid in "${pids[@]}"; do [[ " $* " == *" $pid "* ]] || still+=("$pid"); done
  pids=("${still[@]}")
}
