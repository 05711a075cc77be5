#!/usr/bin/env bash
# A world export draws the whole world: its land mask agrees with GDAL's rasterisation of
# the same layer on the same grid (read from the export's own GeoTIFF georeference), and
# every continent has land in it. (A cap on the area read once drew only Africa.)
set -u
BIN=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

ogr2ogr -f GPKG "$T/countries.gpkg" data/basemap.gpkg countries || fail "cannot extract the countries layer"
env -u DISPLAY SDL_VIDEODRIVER=offscreen "$BIN" export --quiet --out "$T/world.tif" --size 960x540 \
    --bbox=-180,-85,180,85 --margin 0 --no-basemap --no-compounds --no-labels --no-title --no-date --no-legend \
    --no-scalebar --no-north --no-attribution --layer "$T/countries.gpkg" --layer-fill "#d9d9c8" \
    --layer-stroke "#d9d9c8" --layer-width 0 || fail "world export failed"
read -r XMIN YMIN XMAX YMAX < <(/usr/bin/python3 - "$T/world.tif" <<'PY'
import sys
from osgeo import gdal
ds = gdal.Open(sys.argv[1]); gt = ds.GetGeoTransform()
print(gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3])
PY
) || fail "cannot read the export's georeference"
# The reference: the same layer clipped to Web Mercator's latitudes, projected, burnt.
ogr2ogr -f GPKG "$T/merc.gpkg" "$T/countries.gpkg" -clipsrc -180 -85 180 85 -t_srs EPSG:3857 -nln countries -nlt MULTIPOLYGON ||
    fail "ogr2ogr failed"
gdal_rasterize -q -burn 255 -ot Byte -te "$XMIN" "$YMIN" "$XMAX" "$YMAX" -ts 960 540 -init 0 -l countries \
    "$T/merc.gpkg" "$T/ref.tif" || fail "gdal_rasterize failed"

/usr/bin/python3 - "$T/world.tif" "$T/ref.tif" <<'PY' || fail "the world export does not match GDAL's rasterisation"
import sys
import numpy as np
from osgeo import gdal
sys.path.insert(0, "tests/cli")
from land_mask import masks
ds, land, ref = masks(sys.argv[1], sys.argv[2])
agree = (land == ref).mean()
print(f"land mask agreement with gdal_rasterize: {agree:.4f} (land {land.mean():.3f}, reference {ref.mean():.3f})")
assert agree >= 0.98, agree
# Every continent: land inside a lon/lat box well within it (Web Mercator pixels).
gt = ds.GetGeoTransform()
R = 6378137.0
def px(lon, lat):
    x = np.radians(lon) * R; y = R * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))
    return int((x - gt[0]) / gt[1]), int((y - gt[3]) / gt[5])
boxes = {"Africa": (10, 0, 30, 20), "Europe": (20, 48, 40, 58), "Asia": (80, 30, 110, 55),
         "North America": (-110, 35, -90, 55), "South America": (-65, -20, -50, -5),
         "Australia": (120, -30, 145, -20), "Antarctica": (-180, -85, 180, -78)}
for name, (w, s, e, n) in boxes.items():
    x0, y0 = px(w, n); x1, y1 = px(e, s)
    share = land[max(0, y0):y1, max(0, x0):x1].mean()
    print(f"{name}: land {share:.2f}")
    assert share > 0.5, name
PY
echo "all passed"
