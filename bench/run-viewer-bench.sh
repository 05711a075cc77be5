#!/usr/bin/env bash
# Viewer benchmark: a scripted 600-frame pan/zoom (--bench-script default) at 1920x1080
# under Xvfb (Mesa llvmpipe), for the default data and for a whole-world admin-1 layer.
# Prints time to the first map and to all levels of detail, frame time median / p95 / max, and peak memory (/usr/bin/time -v).
#
#   bash bench/run-viewer-bench.sh [path/to/compound-atlas]
#
# The world layer is built by ../shared/bench/make-data.sh into $BENCHDATA (default
# /tmp/benchdata); it is never committed. BENCH_SKIP_WORLD=1 / BENCH_SKIP_STRESS=1 leave out the world
# admin-1 rows / the stress-set rows (countries_land_hr.gpkg, with GDAL's read floor of it, a first
# opening with an empty layer cache and a second opening read from it). BENCH_SKIP_SCALE=1 leaves out
# the generated points and lines rows (points_1m.gpkg: 1 M points, drawn as clusters where dense;
# lines_2m.gpkg: 20,000 polylines, 2 M segments), made by /usr/bin/python3 bench/make-scale-data.py
# into $BENCHDATA. BENCH_ONLY_SCALE=1 runs only those rows.
set -euo pipefail
APP=$(realpath "${1:-build-viewer/compound-atlas}")
BENCHDATA=${BENCHDATA:-/tmp/benchdata}
SIZE=${BENCH_SIZE:-1920x1080}
W=${SIZE%x*}; H=${SIZE#*x}
OUT=$(mktemp -d /tmp/atlas-bench.XXXXXX)
export ATLAS_LAYER_CACHE=off # every row a first opening, except the one that says otherwise

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
  local load refined complete bench rss
  load=$(awk '/^load_s/ {print $2}' "$OUT/out.txt")
  refined=$(awk '/^refined_s/ {print $2}' "$OUT/out.txt")
  complete=$(awk '/^complete_s/ {print $2}' "$OUT/out.txt")
  RENDERER=$(sed -n 's/^renderer //p' "$OUT/out.txt")
  bench=$(grep '^bench ' "$OUT/out.txt")
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); printf "%.0f", $2 / 1024}' "$OUT/err.txt")
  echo "$label | basemap_s $load | complete_s $complete | all_lods_s $refined | $bench | peak_rss_mib $rss | $RENDERER"
}

# GDAL's read floor: every geometry of the file, a plain loop (python3-gdal), same run.
read_floor() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, time
from osgeo import ogr
t = time.time(); ds = ogr.Open(sys.argv[1]); n = 0
for f in ds.GetLayer(0):
    g = f.GetGeometryRef(); n += g.GetGeometryCount() if g else 0
print("%.3f" % (time.time() - t))
PY
}

echo "cpus $(nproc) | load average $(cut -d' ' -f1-3 /proc/loadavg) | size $SIZE | $(git -C "$(dirname "$0")/.." rev-parse --short HEAD 2>/dev/null)"
ONLY_SCALE=${BENCH_ONLY_SCALE:-0}
[[ $ONLY_SCALE == 1 ]] && BENCH_SKIP_WORLD=1 BENCH_SKIP_STRESS=1
run "default data (basemap.gpkg: countries, provinces, borders)"
if [[ ${BENCH_SKIP_WORLD:-0} != 1 ]]; then
  [[ -f $BENCHDATA/admin1_world.gpkg ]] || { echo "missing $BENCHDATA/admin1_world.gpkg: run ../shared/bench/make-data.sh"; exit 1; }
  run "world admin-1 (admin1_world.gpkg, 4646 features, 1.28M vertices) over the basemap" "$BENCHDATA/admin1_world.gpkg"
  run "world admin-1 alone (--no-basemap)" --no-basemap "$BENCHDATA/admin1_world.gpkg"
fi
if [[ ${BENCH_SKIP_STRESS:-0} != 1 ]]; then
  STRESS=$BENCHDATA/countries_land_hr.gpkg
  [[ -f $STRESS ]] || { echo "missing $STRESS: run ../shared/bench/make-data.sh"; exit 1; }
  cat "$STRESS" > /dev/null # the file cache warm for both, as for GDAL's floor
  echo "GDAL read floor of the stress set (every geometry, python3-gdal loop): $(read_floor "$STRESS") s"
  run "empty app (--no-basemap, no files)" --no-basemap
  # First openings with an empty layer cache; then the second opening, read from the cache.
  export ATLAS_LAYER_CACHE="$OUT/layer-cache"
  rm -rf "$ATLAS_LAYER_CACHE"
  run "stress set alone (countries_land_hr.gpkg, 8.1M vertices, --no-basemap), first opening" --no-basemap "$STRESS"
  run "stress set alone, second opening (disk cache)" --no-basemap "$STRESS"
  rm -rf "$ATLAS_LAYER_CACHE"
  run "stress set over the basemap, first opening" "$STRESS"
  export ATLAS_LAYER_CACHE=off
fi
if [[ ${BENCH_SKIP_SCALE:-0} != 1 ]]; then
  for f in points_1m lines_2m; do
    [[ -f $BENCHDATA/$f.gpkg ]] || { echo "missing $BENCHDATA/$f.gpkg: run /usr/bin/python3 bench/make-scale-data.py"; exit 1; }
    cat "$BENCHDATA/$f.gpkg" > /dev/null
  done
  echo "GDAL read floor of points_1m: $(read_floor "$BENCHDATA/points_1m.gpkg") s, of lines_2m: $(read_floor "$BENCHDATA/lines_2m.gpkg") s"
  run "points_1m alone (1 M points, --no-basemap), first opening" --no-basemap "$BENCHDATA/points_1m.gpkg"
  run "points_1m over the basemap, first opening" "$BENCHDATA/points_1m.gpkg"
  run "lines_2m alone (20,000 lines, 2 M segments, --no-basemap), first opening" --no-basemap "$BENCHDATA/lines_2m.gpkg"
  run "lines_2m over the basemap, first opening" "$BENCHDATA/lines_2m.gpkg"
fi
