# The system as separate processes, as the benchmark and the chaos run start it: building it, its settings, a silo, a
# web node. Sourced by run.sh and chaos.sh after processes.sh; uses $root.

release=bin/Release/net10.0

# build_release PROJECT…: Release builds, quietly; the log is shown only when one fails.
build_release() {
  local project
  for project in "$@"; do
    dotnet build "$root/$project" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  done
}

# kalmar_environment CONNECTION_STRING: the settings every silo and web node started afterwards gets.
kalmar_environment() {
  export ConnectionStrings__Kalmar=$1
  export Cluster__ClusterId="bench-$$" DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development DemoData__Enabled=false
  # Capacity and crashes are measured, not the per-client rate limits (every load comes from one address).
  export RateLimits__ApiPerMinute=1000000000 RateLimits__SignInPerMinute=1000000000 RateLimits__MessagesPerRecipientPerHour=1000000000
  # Development logs every grain placement at Information; a production node would not write that per request.
  export Logging__LogLevel__Default=Warning
}

# start_silo NAME SILO_PORT GATEWAY_PORT; sets $started_pid.
start_silo() {
  Silo__SiloPort=$2 Silo__GatewayPort=$3 Silo__AdvertisedIp=127.0.0.1 start "$1" "$root/Kalmar.Silo/$release" Kalmar.Silo.dll
}

# start_web NAME PORT; sets $started_pid.
start_web() {
  start "$1" "$root/Kalmar.Web/$release" Kalmar.Web.dll --urls "http://127.0.0.1:$2" --contentRoot "$root/Kalmar.Web"
}
