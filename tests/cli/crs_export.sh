#!/usr/bin/env bash
# Exports in polar and UTM CRSs (EPSG:3031 Antarctic, EPSG:3413 Arctic, EPSG:32648 UTM 48N)
# draw every feature in the view: the land mask agrees with gdal_rasterize of the same layer,
# projected by ogr2ogr into that CRS, on the export's own GeoTIFF grid; what the CRS cannot
# show is counted on stderr, never silent. A CRS once dropped a whole feature whose box left
# what it can draw: Norway, one multipolygon reaching Bouvet Island at 54 S, went off the
# Arctic map with Svalbard; Russia, reaching 180 E, went off a UTM 48N map of Siberia.
# Now the parts beyond are cut off (and counted), the rest is drawn.
set -u
BIN=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

ogr2ogr -f GPKG "$T/countries.gpkg" data/basemap.gpkg countries || fail "cannot extract the countries layer"

# polar NAME EPSG BBOX CLIP: export and its reference (the layer clipped to CLIP, projected).
polar() {
    local name=$1 epsg=$2 bbox=$3 clip=$4
    env -u DISPLAY SDL_VIDEODRIVER=offscreen "$BIN" export --quiet --out "$T/$name.tif" --size 800x800 --crs "EPSG:$epsg" \
        --bbox="$bbox" --margin 0 --no-basemap --no-compounds --no-labels --no-title --no-date --no-legend \
        --no-scalebar --no-north --no-attribution --layer "$T/countries.gpkg" --layer-fill "#d9d9c8" \
        --layer-stroke "#d9d9c8" --layer-width 0 2> "$T/$name.err" || fail "$name export failed: $(cat "$T/$name.err")"
    # Never silent: what EPSG:N cannot show is counted (the rest of the world, here).
    grep -q "countries: [0-9]* features outside what EPSG:$epsg" "$T/$name.err" || fail "$name: no count of what was left out"
    read -r XMIN YMIN XMAX YMAX < <(/usr/bin/python3 - "$T/$name.tif" <<'PY'
import sys
from osgeo import gdal
ds = gdal.Open(sys.argv[1]); gt = ds.GetGeoTransform()
print(gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3])
PY
    ) || fail "$name: cannot read the export's georeference"
    # shellcheck disable=SC2086 # CLIP is four numbers
    ogr2ogr -f GPKG "$T/$name-ref.gpkg" "$T/countries.gpkg" -clipsrc $clip -t_srs "EPSG:$epsg" -nln countries \
        -nlt MULTIPOLYGON || fail "$name: ogr2ogr failed"
    gdal_rasterize -q -burn 255 -ot Byte -te "$XMIN" "$YMIN" "$XMAX" "$YMAX" -ts 800 800 -init 0 -l countries \
        "$T/$name-ref.gpkg" "$T/$name-ref.tif" || fail "$name: gdal_rasterize failed"
}

compare() { # NAME EPSG then "place lon lat" triples that must be land in both
    local name=$1 epsg=$2; shift 2
    /usr/bin/python3 - "$T/$name.tif" "$T/$name-ref.tif" "$epsg" "$@" <<'PY' || fail "$name does not match GDAL's rasterisation"
import sys
import numpy as np
from osgeo import gdal, osr
sys.path.insert(0, "tests/cli")
from land_mask import masks
ds, land, ref = masks(sys.argv[1], sys.argv[2])
agree = (land == ref).mean()
print(f"EPSG:{sys.argv[3]}: land mask agreement with gdal_rasterize: {agree:.4f} (land {land.mean():.3f}, reference {ref.mean():.3f})")
assert agree >= 0.98, agree
assert ref.mean() > 0.1, "the reference has hardly any land: the view is wrong"
wgs, crs = osr.SpatialReference(), osr.SpatialReference()
wgs.ImportFromEPSG(4326); crs.ImportFromEPSG(int(sys.argv[3]))
wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER); crs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to = osr.CoordinateTransformation(wgs, crs)
gt = ds.GetGeoTransform()
args = sys.argv[4:]
for i in range(0, len(args), 3):
    place, lon, lat = args[i], float(args[i + 1]), float(args[i + 2])
    x, y, _ = to.TransformPoint(lon, lat)
    col, row = int((x - gt[0]) / gt[1]), int((y - gt[3]) / gt[5])
    assert 0 <= col < land.shape[1] and 0 <= row < land.shape[0], f"{place} is outside the image: the check is wrong"
    win = (slice(max(0, row - 2), row + 3), slice(max(0, col - 2), col + 3))
    print(f"{place} ({lon}, {lat}) at pixel ({col}, {row}): export land {land[win].mean():.2f}, reference {ref[win].mean():.2f}")
    assert ref[win].mean() > 0.5, f"{place} is not land in the reference: the check is wrong"
    assert land[win].mean() > 0.5, f"{place} is missing from the export"
PY
}

# Antarctica from 60 S: the reference is the southern hemisphere up to 40 S.
polar antarctic 3031 -180,-90,180,-60 "-180 -90 180 -40"
compare antarctic 3031 "South Pole" 0 -89 "Antarctic Peninsula" -64 -70 "Victoria Land" 160 -77
# The Arctic from 60 N: Svalbard and Norway (with Bouvet Island in the same feature) are in.
polar arctic 3413 -180,60,180,90 "-180 40 180 90"
compare arctic 3413 "Svalbard" 16 78.5 "Northern Norway" 25 70 "Greenland" -40 75 "Chukotka" 175 67
grep -q "features drawn in part" "$T/arctic.err" || fail "arctic: the features drawn in part are not counted"
# UTM 48N north of its zone (the Kara Sea in the corner): the reference is what the CRS can draw (its area of use, 102-108 E
# and 0-84 N, widened by 60 degrees: MapCrs::drawableLonLat).
polar siberia 32648 80,60,130,78 "42 -60 168 90"
compare siberia 32648 "Taymyr" 100 73 "Krasnoyarsk Krai" 95 65 "Sakha" 120 66
grep -q "countries: 1 features drawn in part" "$T/siberia.err" || fail "siberia: Russia is not counted as drawn in part"
echo "all passed"
