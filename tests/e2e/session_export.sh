#!/usr/bin/env bash
# End to end (issue 18, item 1): a session saved by the real viewer under Xvfb, with the
# provinces coloured by a case figure (graduated, chosen as "Case figures") and a time filter
# that leaves out A7 Park's raid, exported with `export --session`: the export's map (no
# layout bands) matches the window's map-only screenshot, Svay Rieng (where the raid was)
# included. Before the fix the export drew the basemap again over the session's layers, in
# palette colours, and ignored the filter and the window's framing. The case markers are
# hidden in the window and left out of the export (they are laid out differently).
# Usage: bash tests/e2e/session_export.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: session_export.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup session-export 941 990 1400x900x24 xdotool xdpyinfo jq # the sample store, read-only
# run_command LINE: appends it and waits for the viewer to report it done (at most 30 s).
run_command() {
  echo "$1" >>"$CMDS"
  local N; N=$(wc -l <"$CMDS") # dumps asked by e2e_state are lines too
  for _ in $(seq 300); do
    grep -q "test command $N: done" "$WORK/app.log" && return 0
    grep -q "test command $N: failed" "$WORK/app.log" && fail "'$1': $(grep "test command $N:" "$WORK/app.log")"
    kill -0 "$APP_PID" || fail "viewer died"
    sleep 0.1
  done
  fail "'$1' not carried out within 30 s"
}

"$APP" --size 800x500 --view 102,10,108,15 --test-commands "$CMDS" --ready-file "$WORK/ready" \
  --screenshot "$WORK/window.png" 2>"$WORK/app.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
e2e_wait_state '.cases.loaded and ([.layers[] | select(.name == "provinces")] | length) == 1' "no case store or provinces"
run_command "colour-by provinces case-figures"
run_command "time-filter 2025-01-01 2025-12-31"
e2e_wait_state '([.layers[] | select(.name == "provinces")][0].thematic_classes) > 0' "the provinces were not classified"
while read -r m; do run_command "show $m off"; done < <(jq -r '.markers[].name' "$STATE")
run_command "save-session $WORK/session.json"
jq -e '.time_filter.from == "2025-01-01" and ([.layers[] | select(.layer == "provinces")][0].style.thematic
       | .mode == "graduated" and .case_join == "people_detained")' "$WORK/session.json" >/dev/null ||
  fail "the session lacks the style or the filter: $(jq -c '.time_filter' "$WORK/session.json")"
e2e_state # a frame after the markers went off, so the screenshot has none
echo quit >>"$CMDS"
wait "$APP_PID" || fail "viewer exited with $?"
APP_PID=""
[[ -s $WORK/window.png ]] || fail "no window screenshot"

env -u DISPLAY SDL_VIDEODRIVER=offscreen "$APP" export --quiet --session "$WORK/session.json" --out "$WORK/export.png" \
  --size 800x500 --no-title --no-date --no-legend --no-scalebar --no-north --no-attribution --no-compounds \
  2>"$WORK/export.log" || fail "export: $(cat "$WORK/export.log")"
grep -q warning "$WORK/export.log" && fail "export warned: $(cat "$WORK/export.log")"

# Svay Rieng's centre (105.8 E, 11.15 N) in pixels of this view (Web Mercator, the window's fit).
/usr/bin/python3 - "$WORK/window.png" "$WORK/export.png" "$STATE" <<'PY' || fail "window and export differ"
import json, math, sys
from osgeo import gdal
a, b = gdal.Open(sys.argv[1]), gdal.Open(sys.argv[2])
if (a.RasterXSize, a.RasterYSize) != (b.RasterXSize, b.RasterYSize):
    sys.exit("sizes differ: %dx%d vs %dx%d" % (a.RasterXSize, a.RasterYSize, b.RasterXSize, b.RasterYSize))
W, H = a.RasterXSize, a.RasterYSize
ra = [a.GetRasterBand(i + 1).ReadRaster() for i in range(3)]
rb = [b.GetRasterBand(i + 1).ReadRaster() for i in range(3)]
bad = sum(1 for i in range(W * H) if max(abs(ra[c][i] - rb[c][i]) for c in range(3)) > 6)
print("pixels off by more than 6 levels: %d of %d" % (bad, W * H))
state = json.load(open(sys.argv[3]))
v = state["view"]
def px(lon, lat):
    x = lon * math.pi / 180 * 6378137
    y = math.log(math.tan(math.pi / 4 + lat * math.pi / 360)) * 6378137
    return (int(W / 2 + (x - v["center_map"]["x"]) / v["units_per_pixel"]),
            int(H / 2 - (y - v["center_map"]["y"]) / v["units_per_pixel"]))
x, y = px(105.8, 11.15)
ca = tuple(ra[c][y * W + x] for c in range(3)); cb = tuple(rb[c][y * W + x] for c in range(3))
print("Svay Rieng at", (x, y), "window", ca, "export", cb)
if max(abs(p - q) for p, q in zip(ca, cb)) > 6: sys.exit("Svay Rieng differs")
sys.exit(1 if bad > W * H * 0.002 else 0)
PY
echo ok
