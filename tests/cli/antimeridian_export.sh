#!/usr/bin/env bash
# A view across the antimeridian: --bbox=170,-25,-170,-10 (W > E) is Fiji, Tonga and Samoa,
# from 170 E eastward to 170 W. In Web Mercator the map's x goes on past 180 degrees (past
# 20037508 m); in EPSG:3832 (Mercator centred on 150 E) the view is in the middle of the map.
# Either way the land mask agrees with gdal_rasterize of the same layer, projected by
# ogr2ogr, on the export's own GeoTIFF grid, and there is land on both sides of 180.
# (W > E was once refused as "not a box".)
set -u
BIN=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

ogr2ogr -f GPKG "$T/countries.gpkg" data/basemap.gpkg countries || fail "cannot extract the countries layer"
# The reference's source: the Pacific from 150 E to 150 W, cut at 180 as the data is.
PACIFIC="MULTIPOLYGON(((150 -40,180 -40,180 5,150 5,150 -40)),((-180 -40,-150 -40,-150 5,-180 5,-180 -40)))"
# Web Mercator beyond 180: the same sphere with its origin moved, so that x = R * lon for
# lon in 0..360 (what EPSG:3857's formulas give past 180).
MERC360="+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=180 +x_0=20037508.342789244 +y_0=0 +k=1 +units=m +no_defs"

check() { # NAME EXPORT_CRS REFERENCE_CRS X_OF_180
    local name=$1 crs=$2 refcrs=$3 x180=$4
    env -u DISPLAY SDL_VIDEODRIVER=offscreen "$BIN" export --quiet --out "$T/$name.tif" --size 900x700 --crs "$crs" \
        --bbox=170,-25,-170,-10 --margin 0 --no-basemap --no-compounds --no-labels --no-title --no-date --no-legend \
        --no-scalebar --no-north --no-attribution --layer "$T/countries.gpkg" --layer-fill "#d9d9c8" \
        --layer-stroke "#d9d9c8" --layer-width 0 2> "$T/$name.err" || fail "$name export failed: $(cat "$T/$name.err")"
    read -r XMIN YMIN XMAX YMAX < <(/usr/bin/python3 - "$T/$name.tif" <<'PY'
import sys
from osgeo import gdal
ds = gdal.Open(sys.argv[1]); gt = ds.GetGeoTransform()
print(gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3])
PY
    ) || fail "$name: cannot read the export's georeference"
    ogr2ogr -f GPKG "$T/$name-ref.gpkg" "$T/countries.gpkg" -clipsrc "$PACIFIC" -t_srs "$refcrs" -nln countries \
        -nlt MULTIPOLYGON || fail "$name: ogr2ogr failed"
    gdal_rasterize -q -burn 255 -ot Byte -te "$XMIN" "$YMIN" "$XMAX" "$YMAX" -ts 900 700 -init 0 -l countries \
        "$T/$name-ref.gpkg" "$T/$name-ref.tif" || fail "$name: gdal_rasterize failed"
    /usr/bin/python3 - "$T/$name.tif" "$T/$name-ref.tif" "$x180" "$name" <<'PY' || fail "$name does not match GDAL's rasterisation"
import sys
import numpy as np
from osgeo import gdal
sys.path.insert(0, "tests/cli")
from land_mask import masks
ds, land, ref = masks(sys.argv[1], sys.argv[2])
gt = ds.GetGeoTransform()
# Islands are a few per cent of the view: the share of pixels alike would pass an empty sea,
# so the overlap of the land (intersection over union) is what counts.
agree, iou = (land == ref).mean(), (land & ref).sum() / max(1, (land | ref).sum())
col = int(round((float(sys.argv[3]) - gt[0]) / gt[1]))  # the 180 degree meridian
assert 100 < col < land.shape[1] - 100, f"180 degrees is not inside the view (column {col}): the view is wrong"
west, east = land[:, :col].sum(), land[:, col:].sum()
rwest, reast = ref[:, :col].sum(), ref[:, col:].sum()
print(f"{sys.argv[4]}: agreement {agree:.4f}, land overlap (IoU) {iou:.3f}; land pixels west of 180 {west} "
      f"(reference {rwest}), east {east} (reference {reast})")
assert rwest > 500 and reast > 500, "the reference has no land on one side: the check is wrong"
assert agree >= 0.99 and iou >= 0.85, (agree, iou)
assert 0.9 * rwest <= west <= 1.1 * rwest and 0.9 * reast <= east <= 1.1 * reast, (west, rwest, east, reast)
PY
}

check mercator EPSG:3857 "$MERC360" 20037508.342789244
check pacific EPSG:3832 EPSG:3832 3339584.723798207 # x of 180 E in EPSG:3832: 30 degrees from its 150 E meridian

# A box that is not one is still refused: W = E, or a longitude past 180.
for bad in 170,-25,170,-10 170,-25,190,-10; do
    env -u DISPLAY SDL_VIDEODRIVER=offscreen "$BIN" export --quiet --out "$T/bad.png" --bbox="$bad" 2> "$T/bad.err"
    rc=$?
    [[ $rc == 2 ]] || fail "--bbox=$bad: exit $rc, wanted 2"
    grep -q "is not a box" "$T/bad.err" || fail "--bbox=$bad: $(cat "$T/bad.err")"
    [[ ! -e "$T/bad.png" ]] || fail "--bbox=$bad left a file"
done
echo "all passed"
