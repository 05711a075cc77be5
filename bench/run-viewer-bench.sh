#!/usr/bin/env bash
# Viewer benchmark: a scripted 600-frame pan/zoom (--bench-script default) at 1920x1080
# under Xvfb (Mesa llvmpipe), for the default data and for a whole-world admin-1 layer.
# Prints time to the first map and to all levels of detail, frame time median / p95 / max, and peak memory (/usr/bin/time -v).
#
#   bash bench/run-viewer-bench.sh [path/to/compound-atlas]
#
# The world layer is built by ../shared/bench/make-data.sh into $BENCHDATA (default
# /tmp/benchdata); it is never committed. Set BENCH_SKIP_WORLD=1 to run only the default data.
set -euo pipefail
APP=$(realpath "${1:-build-viewer/compound-atlas}")
BENCHDATA=${BENCHDATA:-/tmp/benchdata}
SIZE=${BENCH_SIZE:-1920x1080}
W=${SIZE%x*}; H=${SIZE#*x}
OUT=$(mktemp -d /tmp/atlas-bench.XXXXXX)

DISPLAY_NUM=""
for n in $(seq 150 199); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then DISPLAY_NUM=$n; break; fi
done
Xvfb ":$DISPLAY_NUM" -screen 0 $((W + 64))x$((H + 64))x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill $XVFB_PID 2>/dev/null || true; rm -rf "$OUT"' EXIT
export DISPLAY=":$DISPLAY_NUM"
unset SDL_VIDEODRIVER
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

run() { # run <label> <app args...>
  local label=$1; shift
  /usr/bin/time -v "$APP" --size "$SIZE" --bench-script default "$@" >"$OUT/out.txt" 2>"$OUT/err.txt" || {
    echo "$label: FAILED"; tail -5 "$OUT/err.txt"; return 1; }
  local load refined bench rss
  load=$(awk '/^load_s/ {print $2}' "$OUT/out.txt")
  refined=$(awk '/^refined_s/ {print $2}' "$OUT/out.txt")
  RENDERER=$(sed -n 's/^renderer //p' "$OUT/out.txt")
  bench=$(grep '^bench ' "$OUT/out.txt")
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); printf "%.0f", $2 / 1024}' "$OUT/err.txt")
  echo "$label | first_map_s $load | all_lods_s $refined | $bench | peak_rss_mib $rss | $RENDERER"
}

echo "cpus $(nproc) | load average $(cut -d' ' -f1-3 /proc/loadavg) | size $SIZE | $(git -C "$(dirname "$0")/.." rev-parse --short HEAD 2>/dev/null)"
run "default data (basemap.gpkg: countries, provinces, borders)"
if [[ ${BENCH_SKIP_WORLD:-0} != 1 ]]; then
  [[ -f $BENCHDATA/admin1_world.gpkg ]] || { echo "missing $BENCHDATA/admin1_world.gpkg: run ../shared/bench/make-data.sh"; exit 1; }
  run "world admin-1 (admin1_world.gpkg, 4646 features, 1.28M vertices) over the basemap" "$BENCHDATA/admin1_world.gpkg"
  run "world admin-1 alone (--no-basemap)" --no-basemap "$BENCHDATA/admin1_world.gpkg"
fi
