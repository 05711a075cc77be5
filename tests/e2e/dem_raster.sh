#!/usr/bin/env bash
# End to end (issue 18, item 6): a single-band Float32 DEM (tests/cli/make_dem.py: 0 m in the
# west rising to 1000 m in the east, a nodata block in the north-west) opened in the real
# viewer under Xvfb and exported with `export --layer`: both draw a grey ramp, dark low and
# light high, and the nodata block shows the sea background; a DEM with no nodata at all (every
# pixel valid, once drawn fully transparent) is drawn too; zoomed into a DEM wider than the
# first read (8200 pixels), the viewer reads the part in view again, sharper, and only that
# part (rasters[].detail). The window is asked for its
# state until the raster is in, then quits and saves its map-only screenshot.
# Usage: bash tests/e2e/dem_raster.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: dem_raster.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup dem-e2e 891 940 1400x900x24 xdotool xdpyinfo jq
/usr/bin/python3 tests/cli/make_dem.py "$WORK/dem.tif" || fail "make_dem.py"
VIEW=104,11,106,12.5
"$APP" --no-basemap --size 800x600 --view $VIEW --cases "$WORK/no-cases.gpkg" --test-commands "$CMDS" \
  --ready-file "$WORK/ready" --screenshot "$WORK/window.png" "$WORK/dem.tif" 2>"$WORK/app.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
e2e_wait_state '(.rasters | length) == 1' "the DEM did not arrive"
jq -e '.rasters[0].rendering | test("grey ramp")' "$STATE" >/dev/null || fail "rendering: $(jq -c .rasters "$STATE")"
echo quit >>"$CMDS"
wait "$APP_PID" || fail "viewer exited with $?"
APP_PID=""
env -u DISPLAY SDL_VIDEODRIVER=offscreen "$APP" export --quiet --no-basemap --layer "$WORK/dem.tif" --bbox $VIEW --margin 0 \
  --out "$WORK/export.png" --size 800x600 --no-title --no-date --no-legend --no-scalebar --no-north --no-attribution \
  --no-compounds 2>"$WORK/export.log" || fail "export: $(cat "$WORK/export.log")"

/usr/bin/python3 tests/cli/make_dem.py "$WORK/dem-full.tif" --no-nodata || fail "make_dem.py --no-nodata"
env -u DISPLAY SDL_VIDEODRIVER=offscreen "$APP" export --quiet --no-basemap --layer "$WORK/dem-full.tif" --bbox $VIEW --margin 0 \
  --out "$WORK/export-full.png" --size 800x600 --no-title --no-date --no-legend --no-scalebar --no-north --no-attribution \
  --no-compounds 2>"$WORK/export.log" || fail "export: $(cat "$WORK/export.log")"

/usr/bin/python3 - "$STATE" "$VIEW" "$WORK/window.png" "$WORK/export.png" "$WORK/export-full.png" <<'PY' || fail "the DEM is not drawn as a ramp"
import json, math, sys
from osgeo import gdal
def merc(lon, lat):
    return lon * math.pi / 180 * 6378137, math.log(math.tan(math.pi / 4 + lat * math.pi / 360)) * 6378137
window_view = json.load(open(sys.argv[1]))["view"]
# The window frames --view in the part its panels leave free: its own view, from the state.
# An export with --margin 0 fits the box to the whole image.
w, s, e, n = map(float, sys.argv[2].split(","))
(x0, y0), (x1, y1) = merc(w, s), merc(e, n)
def export_view(W, H):
    return {"center_map": {"x": (x0 + x1) / 2, "y": (y0 + y1) / 2}, "units_per_pixel": max((x1 - x0) / W, (y1 - y0) / H)}
def colour(ds, lon, lat, v):
    W, H = ds.RasterXSize, ds.RasterYSize
    x, y = merc(lon, lat)
    px = int(W / 2 + (x - v["center_map"]["x"]) / v["units_per_pixel"])
    py = int(H / 2 - (y - v["center_map"]["y"]) / v["units_per_pixel"])
    return tuple(ds.GetRasterBand(b + 1).ReadRaster(px, py, 1, 1)[0] for b in range(3))
ok = True
for name in sys.argv[3:]:
    ds = gdal.Open(name)
    v = window_view if name.endswith("window.png") else export_view(ds.RasterXSize, ds.RasterYSize)
    low, mid, high = colour(ds, 104.2, 11.5, v), colour(ds, 105.0, 11.5, v), colour(ds, 105.8, 11.5, v)
    hole = colour(ds, 104.15, 12.4, v)  # the nodata block
    print(name.rsplit("/", 1)[-1], "low", low, "mid", mid, "high", high, "nodata", hole)
    grey = all(max(c) - min(c) <= 3 for c in (low, mid, high))
    ramp = low[0] < 60 and 80 < mid[0] < 180 and high[0] > 200
    sea = abs(hole[0] - 204) <= 4 and abs(hole[1] - 222) <= 4 and abs(hole[2] - 235) <= 4  # Scene::background
    if name.endswith("-full.png"):  # no nodata: the corner is a dark part of the ramp
        sea = max(hole) - min(hole) <= 3 and hole[0] < 60
    if not (grey and ramp and sea):
        print("FAIL:", name, "grey" if grey else "not grey", "ramp" if ramp else "no ramp", "sea" if sea else "nodata not transparent")
        ok = False
sys.exit(0 if ok else 1)
PY

# Zoomed in on a wide DEM: its whole image (4096 across) is too coarse here, so the part in
# view is read again at the file's own pixel size, no more than a few views wide.
/usr/bin/python3 tests/cli/make_dem.py "$WORK/wide.tif" --wide || fail "make_dem.py --wide"
: >"$CMDS"; E2E_DUMPS=0
"$APP" --no-basemap --size 800x600 --view 104.95,11.05,105.05,11.15 --cases "$WORK/no-cases.gpkg" \
  --test-commands "$CMDS" --ready-file "$WORK/ready2" "$WORK/wide.tif" 2>"$WORK/app2.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready2"
e2e_wait_state '(.rasters | length) == 1 and .rasters[0].detail != null' "no sharper read of the part in view"
jq -e '.rasters[0] as $r | (($r.extent[2] - $r.extent[0]) / $r.width) as $base |
       $r.detail_units_per_pixel < $base / 1.5 and ($r.detail[2] - $r.detail[0]) < ($r.extent[2] - $r.extent[0]) / 5' \
  "$STATE" >/dev/null || fail "detail: $(jq -c '.rasters[0] | {width, extent, detail, detail_units_per_pixel}' "$STATE")"
echo "detail: $(jq -c '.rasters[0] | {width, detail, detail_units_per_pixel}' "$STATE")"
echo quit >>"$CMDS"
wait "$APP_PID" || fail "viewer exited with $?"
APP_PID=""
echo ok
