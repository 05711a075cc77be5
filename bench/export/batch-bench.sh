#!/usr/bin/env bash
# Batch of 20 compound images (1920x1080) in one process vs Mapnik rendering the same 20
# views one process each (its per-image cost), admin1 layer, EPSG:3857. Prints per-image seconds.
set -euo pipefail
BIN=${BIN:-/work/main/build-export/compound-atlas}
HERE=$(cd "$(dirname "$0")" && pwd)
GPKG=${GPKG:-/tmp/benchdata/admin1_world.gpkg}
OUT=${OUT:-/tmp/benchout/batch}; mkdir -p "$OUT"
ids=$("$BIN" cases list --json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); d=d if isinstance(d,list) else d.get("compounds",d); print(" ".join(c["id"] for c in d))')
: > "$OUT/batch.txt"; n=0
while [[ $n -lt 20 ]]; do for id in $ids; do [[ $n -lt 20 ]] && echo "$id $OUT/ca-$n.png" >> "$OUT/batch.txt" && n=$((n+1)); done; done
t0=$(date +%s%N)
env -u DISPLAY SDL_VIDEODRIVER=offscreen "$BIN" export --quiet --batch "$OUT/batch.txt" --size 1920x1080 --no-basemap \
    --layer "$GPKG" --layer-fill "#d9d9c8" --layer-stroke "#555555" --layer-width 0.6 --date "1 January 2026"
t1=$(date +%s%N)
ca=$(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.4f", (b-a)/1e9/20}')
# Mapnik: the same 20 boxes (the compound frames are ~20 km; use the A7 frame for all).
t0=$(date +%s%N)
for i in $(seq 1 20); do /usr/bin/python3 "${SHARED_BENCH:-$HERE/../../../shared/bench}/render_mapnik.py" "$GPKG" admin1 "$OUT/mk-$i.png" 1920 1080 106.04,10.98,106.23,11.16 --crs=EPSG:3857 > /dev/null; done
t1=$(date +%s%N)
mk=$(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.4f", (b-a)/1e9/20}')
echo "per image: compound-atlas batch ${ca}s, mapnik ${mk}s, ratio $(awk -v a=$ca -v b=$mk 'BEGIN{printf "%.2f", a/b}')"
