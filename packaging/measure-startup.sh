#!/usr/bin/env bash
# Start-up time to a usable workbench window, headless on Xvfb: the installed image's launcher against
# the fat jar on the full JDK, each started RUNS times with a fresh home (no sample case built yet).
# The figure is the workbench's own log line "workbench window shown N ms after process start".
#   packaging/measure-startup.sh [RUNS]     (needs target/installer/image and target/quarry.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
display=:77
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
sleep 1

window_ms() {
  local home="$work/home-$RANDOM"
  mkdir -p "$home"
  env -i HOME="$home" XDG_STATE_HOME="$home/state" DISPLAY="$display" PATH=/usr/bin:/bin LANG=C.UTF-8 NO_AT_BRIDGE=1 "$@" >/dev/null 2>&1 &
  local app=$! log="$home/state/quarry/logs/quarry-0.log"
  for _ in $(seq 1 600); do
    if [ -f "$log" ] && grep -q "workbench window shown" "$log"; then break; fi
    sleep 0.1
  done
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  sed -n 's/.*workbench window shown \([0-9]*\) ms after process start.*/\1/p' "$log" 2>/dev/null | head -1
}

for i in $(seq 1 "$runs"); do
  echo "image run $i: $(window_ms target/installer/image/Quarry/bin/Quarry gui) ms"
  echo "fat jar + JDK run $i: $(window_ms java -jar target/quarry.jar gui) ms"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
