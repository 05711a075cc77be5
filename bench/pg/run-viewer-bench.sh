#!/usr/bin/env bash
# The viewer on a 10,000-compound / 200,000-incident PostGIS case store (bench/pg/generate-cases.sql)
# against the sample GeoPackage, under Xvfb: seconds from start to the first full frame
# (--ready-file: basemap drawn, case store read, every compound located, markers drawn), and
# the time to open one compound's incident panel (`select ID` through --test-commands, which
# reports how long the action took), plus the viewer's peak memory.
#
#   bash bench/pg/run-viewer-bench.sh [path/to/compound-atlas] [runs]
set -euo pipefail
BIN=$(realpath "${1:-build-pg/compound-atlas}")
RUNS=${2:-3}
cd "$(dirname "$0")/../.."
source tests/pg/cluster.sh
pg_cluster_start
"$BIN" cases init --db "$ATLAS_PG" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -f bench/pg/generate-cases.sql
WORK=$(mktemp -d /tmp/atlas-viewer-bench.XXXXXX)
for n in $(seq 341 360); do [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]] && break; done
Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; rm -rf "$WORK"; pg_cluster_stop' EXIT
export DISPLAY=":$n"
sleep 1

# run LABEL STORE COMPOUND
run() {
  local label=$1 store=$2 id=$3 i
  for i in $(seq "$RUNS"); do
    rm -f "$WORK/ready" "$WORK/state.json"; : >"$WORK/cmd"
    local t0; t0=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --size 1280x800 --db "$store" --ready-file "$WORK/ready" \
      --test-commands "$WORK/cmd" 2>"$WORK/log" &
    local pid=$!
    while [[ ! -e $WORK/ready ]]; do kill -0 $pid 2>/dev/null || { cat "$WORK/log"; exit 1; }; sleep 0.05; done
    local t1; t1=$(date +%s.%N)
    printf 'select %s\ndump %s\n' "$id" "$WORK/state.json" >>"$WORK/cmd"
    while [[ ! -e $WORK/state.json ]]; do sleep 0.05; done
    local sel; sel=$(grep "test command 1:" "$WORK/log" | sed 's/.*(\(.*\) ms)/\1/')
    local rows; rows=$(jq '.cases.panel.incidents | length' "$WORK/state.json")
    echo quit >>"$WORK/cmd"
    wait $pid 2>/dev/null || true
    printf '%s run %d: first full frame %.2f s; select %s: %s ms (%s incidents in the panel); max RSS %d MB\n' \
      "$label" "$i" "$(echo "$t1 - $t0" | bc)" "$id" "$sel" "$rows" $(( $(cat "$WORK/rss") / 1024 ))
  done
}
run "sample GeoPackage" "$PWD/data/cases.gpkg" a7-park
run "PostGIS 10k" "$ATLAS_PG" c4242
