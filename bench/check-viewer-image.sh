#!/usr/bin/env bash
# The viewer bench's picture, checked: runs the bench's camera path (--bench-script default)
# on one layer alone, saves its last frame (the whole world) and the view it showed, renders
# the same view at the same size with Mapnik (../shared/bench/render_mapnik.py), and prints
# the land/background mask agreement of the two (bench/export/mask_agreement.py) over the
# part both cover (the window shows more than the world; Mapnik's box stops at its edges).
#
#   bash bench/check-viewer-image.sh APP GPKG LAYER     # prints: agreement A land_ours L land_peer P
set -euo pipefail
APP=$(realpath "$1"); GPKG=$2; LAYER=$3
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED_BENCH:-$HERE/../../shared/bench}
OUT=${CHECK_OUT:-$(mktemp -d /tmp/atlas-viewer-check.XXXXXX)}
mkdir -p "$OUT"
ATLAS_LAYER_CACHE=off xvfb-run -a -s "-screen 0 1984x1144x24" "$APP" --size 1920x1080 --no-basemap \
    --cases "$OUT/no-cases.gpkg" --bench-script default --screenshot "$OUT/viewer-full.png" \
    --dump-state "$OUT/state.json" "$GPKG" > "$OUT/bench.txt" 2> "$OUT/err.txt" || true
[[ -s $OUT/viewer-full.png && -s $OUT/state.json ]] || { echo "the viewer wrote no frame: $(tail -2 "$OUT/err.txt")"; exit 1; }
# The part of the frame inside Web Mercator's square (-180..180, +-85.05 degrees), and its
# lon/lat box (beyond it PROJ clamps, and Mapnik would frame another box).
read -r X0 W Y0 H BBOX < <(/usr/bin/python3 - "$OUT/state.json" <<'PY'
import json, math, sys
s = json.load(open(sys.argv[1]))
v, w = s["view"], s["window"]
W, H = w["drawable_width"], w["drawable_height"]
cx, cy, upp = v["center_map"]["x"], v["center_map"]["y"], v["units_per_pixel"]
R, half = 6378137.0, math.pi * 6378137.0
left, top = cx - upp * W / 2, cy + upp * H / 2
x0 = max(0, math.ceil((-half - left) / upp)); x1 = min(W, math.floor((half - left) / upp))
y0 = max(0, math.ceil((top - half) / upp)); y1 = min(H, math.floor((top + half) / upp))
lat = lambda row: math.degrees(2 * math.atan(math.exp((top - row * upp) / R)) - math.pi / 2)
lon = lambda col: math.degrees((left + col * upp) / R)
print(x0, x1 - x0, y0, y1 - y0, f"{lon(x0):.6f},{lat(y1):.6f},{lon(x1):.6f},{lat(y0):.6f}")
PY
)
/usr/bin/convert "$OUT/viewer-full.png" -crop "${W}x${H}+${X0}+${Y0}" +repage "$OUT/viewer.png"
/usr/bin/python3 "$SHARED/render_mapnik.py" "$GPKG" "$LAYER" "$OUT/mapnik.png" "$W" "$H" "$BBOX" > /dev/null
/usr/bin/python3 "$HERE/export/mask_agreement.py" "$OUT/viewer.png" "$OUT/mapnik.png" --fill-ours auto --diff "$OUT/diff.png"
