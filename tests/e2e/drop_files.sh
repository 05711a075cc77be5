#!/usr/bin/env bash
# End to end: the real viewer under Xvfb gets a KML, a CSV of points, a GeoTIFF and a broken
# file dropped onto its window (SDL_DROPFILE events pushed by the --test-drop hook, the same
# event and code path a desktop drag and drop delivers; xdotool cannot drag files). Asserts
# that the three layers are listed in --dump-state, that the screen changed colour where each
# one lies, and that the broken file became a message while the app kept running. Waits on the
# viewer's state (test command "dump") and its messages, never on a guessed sleep.
# Usage: bash tests/e2e/drop_files.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: drop_files.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup drop 191 240 1280x900x24 xdotool import convert jq gdal_create python3
W=1024; H=700
VIEW=100.8,8.8,109.2,16.2

# The files a colleague might send: a KML area, a CSV of points, a GeoTIFF scene, and junk.
cat >"$WORK/area.kml" <<'KML'
<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>area</name>
<Placemark><name>Survey area</name><Polygon><outerBoundaryIs><LinearRing>
<coordinates>106.5,12.5 107.5,12.5 107.5,13.5 106.5,13.5 106.5,12.5</coordinates>
</LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>
KML
printf 'name,lon,lat\nBavet,106.06,11.08\nKampot,104.18,10.61\n' >"$WORK/sites.csv"
gdal_create -q -of GTiff -outsize 16 16 -bands 3 -burn 200 -burn 0 -burn 200 -a_srs EPSG:4326 \
  -a_ullr 102.5 15.0 104.0 13.5 "$WORK/scene.tif"
printf '\x00\x01garbage, not geodata' >"$WORK/broken.gpkg"

# Where those places are drawn in the default view (Web Mercator, view from a first run).
"$APP" --size ${W}x${H} --view $VIEW --quit-after-frames 3 --dump-state "$WORK/s0.json" \
  --screenshot "$WORK/before.png" 2>"$WORK/app0.log"
read -r RX RY KX KY PX PY < <(python3 - "$WORK/s0.json" <<'PY'
import json, math, sys
v = json.load(open(sys.argv[1]))["view"]
cx, cy, upp = v["center_map"]["x"], v["center_map"]["y"], v["units_per_pixel"]
R = 6378137.0
def px(lon, lat):
    x = R * math.radians(lon); y = R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return round((x - cx) / upp + 1024 / 2), round((cy - y) / upp + 700 / 2)
print(*px(103.25, 14.25), *px(107.0, 13.0), *px(104.18, 10.61))
PY
)
echo "raster at $RX,$RY; KML area at $KX,$KY; Kampot point at $PX,$PY"

# The run that gets the drops (the first frame is ready once they are all in).
mkdir -p "$WORK/shots"
ATLAS_SCREENSHOT_DIR="$WORK/shots" "$APP" --size ${W}x${H} --view $VIEW --dump-state "$WORK/s1.json" \
  --test-commands "$CMDS" --ready-file "$WORK/ready" --test-drop "$WORK/area.kml" --test-drop "$WORK/sites.csv" \
  --test-drop "$WORK/scene.tif" --test-drop "$WORK/broken.gpkg" 2>"$WORK/app1.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready" "the dropped files did not arrive within 60 s"
# Pan a little and back while it is up: the window answers input (each drag seen in the view).
e2e_state
read -r CX CY UPP < <(jq -r '"\(.view.center_map.x) \(.view.center_map.y) \(.view.units_per_pixel)"' "$STATE")
panned() { # DX DY: the view centre is DX,DY pixels from where it started
  e2e_wait_state '((.view.center_map.x - $x0) / $upp - $dx | fabs) < 1 and ((.view.center_map.y - $y0) / $upp - $dy | fabs) < 1' \
    "the drag did not pan the map by $1,$2 px" --argjson x0 "$CX" --argjson y0 "$CY" --argjson upp "$UPP" \
    --argjson dx "$1" --argjson dy "$2"
}
xdotool mousemove --window "$WID" 600 420 mousedown 1 mousemove --window "$WID" 640 440 mouseup 1
panned -40 20
xdotool mousemove --window "$WID" 640 440 mousedown 1 mousemove --window "$WID" 600 420 mouseup 1
panned 0 0
import -window root "$WORK/screen.png"
# F12: the app's own picture of the map (the panels would hide some of the spots).
xdotool key F12
e2e_wait_log "screenshot saved to" "$WORK/app1.log" "F12 saved no screenshot"
# Exit status 1 says a file could not be opened (the broken one); anything else is a crash.
e2e_quit 1
[[ -s $WORK/s1.json ]] || fail "no state dump"
jq -c '{layers: [.layers[].name], rasters: [.rasters[].name], warnings}' "$WORK/s1.json"

# The state lists the three layers (on top of the basemap), the raster under them.
jq -e '[.layers[].name] | index("area") != null' "$WORK/s1.json" >/dev/null || fail "KML layer missing"
jq -e '[.layers[].name] | index("sites") != null' "$WORK/s1.json" >/dev/null || fail "CSV layer missing"
jq -e '.rasters | length == 1 and .[0].name == "scene.tif"' "$WORK/s1.json" >/dev/null || fail "raster missing"
jq -e '[.layers[] | select(.name == "sites") | .features] == [2]' "$WORK/s1.json" >/dev/null || fail "CSV points not 2"
jq -e '[.warnings[] | select(test("broken.gpkg"))] | length == 1' "$WORK/s1.json" >/dev/null ||
  fail "no message for the broken file"
grep -q "broken.gpkg" "$WORK/app1.log" || fail "the broken file was not reported on stderr"

# Pixels: each place changed colour (before: basemap only; after: the dropped layer on top).
SHOT=$(ls "$WORK"/shots/compound-atlas-*.png 2>/dev/null | head -1)
[[ -n $SHOT ]] || fail "F12 wrote no screenshot"
pixel() { convert "$1" -crop "1x1+$2+$3" -depth 8 txt:- | tail -1 | grep -o '#[0-9A-F]\{6\}'; }
for spot in "raster $RX $RY" "area $KX $KY" "point $PX $PY"; do
  read -r what SX SY <<<"$spot"
  B=$(pixel "$WORK/before.png" "$SX" "$SY"); A=$(pixel "$SHOT" "$SX" "$SY")
  echo "$what at $SX,$SY: before $B, after $A"
  [[ $B != "$A" ]] || fail "the $what is not drawn at $SX,$SY"
done
# The raster is magenta (200,0,200) under nothing else there.
R=$(pixel "$SHOT" "$RX" "$RY")
python3 -c "import sys; c=sys.argv[1]; r,g,b=(int(c[i:i+2],16) for i in (1,3,5)); sys.exit(0 if r>150 and g<90 and b>150 else 1)" "$R" ||
  fail "raster pixel $R is not magenta"
echo "PASS"
