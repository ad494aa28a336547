#!/usr/bin/env bash
# Load harness of the throughput issue, in one command: builds Release from the working tree, measures the ceilings
# (a minimal ASP.NET Core app under the same load generator; raw SQLite single-row commits/s and batched rows/s),
# starts the server as a process, seeds contacts, drives it with wrk, checks that every 2xx STOP left SMS DND
# permanent, has the outbox deliver an SMS backlog to a fake Twilio (in the harness) while the inbound webhooks run and
# checks each message left exactly once, and prints the table (also written to bench/results/latest.md). Exits 1 when
# a contact or a delivery is wrong.
#
#   ./bench/load.sh                 # ~10 s per scenario, about 10 minutes in all (2 of them the publish)
#   ./bench/load.sh --quick         # ~3 s per scenario, a smoke run
#   ./bench/load.sh --duration 20   # or LOAD_DURATION=20
#   ./bench/load.sh --postgres      # the same against a throwaway local PostgreSQL (figures, no targets)
#   ./bench/load.sh --postgres --hosts 2   # also the inbound load on two servers sharing that database
#   LOAD_HOST_DLL=/path/Dnd.Host.dll ./bench/load.sh   # another build of the server, a dll or an executable (default: the self-contained publish in bench/out/host)
#   ./bench/load.sh --help          # every option
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ "${LOAD_POSTGRES:-}" = 1 ] || printf '%s\n' "$@" | grep -qx -- '--postgres'; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi

# Build from the working tree as it is now. Others may be mid-edit: a failed build is retried a few times.
build_log="$(mktemp)"
host_out="$root/bench/out/host"
build() {
  : >"$build_log"
  # The server as it is deployed (README, Deploying): published for this runtime, self-contained, the framework and
  # the app precompiled as one ReadyToRun image (Host.csproj); about two minutes on 2 cores.
  if [ -z "${LOAD_HOST_DLL:-}" ]; then
    dotnet publish src/Host/Host.csproj -c Release -r linux-x64 --self-contained -o "$host_out" -nologo -v q >>"$build_log" 2>&1 || return 1
  fi
  for project in bench/Dnd.Minimal/Dnd.Minimal.csproj bench/Dnd.Load/Dnd.Load.csproj; do
    dotnet build "$project" -c Release -nologo -v q >>"$build_log" 2>&1 || return 1
  done
}
tries=${LOAD_BUILD_TRIES:-5}
for i in $(seq 1 "$tries"); do
  echo "Building Release from the working tree (attempt $i of $tries) ..."
  if build; then break; fi
  { grep -E 'error' "$build_log" | sort -u | head -20 >&2; } || true
  if [ "$i" -eq "$tries" ]; then echo "load.sh: the build failed $tries times" >&2; rm -f "$build_log"; exit 2; fi
  sleep "${LOAD_BUILD_WAIT:-30}"
done
rm -f "$build_log"

export LOAD_ROOT="$root"
export LOAD_HOST_DLL="${LOAD_HOST_DLL:-$host_out/Dnd.Host}"
exec dotnet bench/Dnd.Load/bin/Release/net10.0/Dnd.Load.dll "$@"
