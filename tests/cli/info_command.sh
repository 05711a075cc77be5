# `compound-atlas info`: layers of the basemap, a raster's header, and clear errors for bad files.
BIN=${1:?usage: info_command.sh path/to/compound-atlas}
source "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

out=$("$BIN" info data/basemap.gpkg) || fail "info exit $?"
grep -Eq "countries: Multi Polygon, [0-9]{3} features, CRS EPSG:4326" <<<"$out" && pass "countries listed" || fail "$out"
grep -Eq "provinces: Multi Polygon, [0-9]{3} features" <<<"$out" && pass "provinces listed" || fail "$out"
json=$("$BIN" info data/basemap.gpkg --json)
jq -e '.layers | map(select(.name=="provinces"))[0].feature_count > 200' <<<"$json" >/dev/null && pass "json counts" || fail "$json"
jq -e '.layers[0].extent | length == 4' <<<"$json" >/dev/null && pass "json extent" || fail "extent"

ogr2ogr -q -f GeoJSON "$tmp/empty.geojson" data/basemap.gpkg countries -where "name = 'nowhere'"
out=$("$BIN" info "$tmp/empty.geojson" 2>&1); rc=$?
[ $rc = 1 ] && grep -q "no features" <<<"$out" && pass "empty layer: $out" || fail "empty layer: rc=$rc $out"

# A raster (a Float32 DEM made here) is described, not refused as "not vector".
/usr/bin/python3 tests/cli/make_dem.py "$tmp/dem.tif" || fail "make_dem.py"
out=$("$BIN" info "$tmp/dem.tif" 2>&1) || fail "raster info exit $?: $out"
grep -q "(GTiff raster), 200 x 150 pixels, 1 band" <<<"$out" && pass "raster size and bands" || fail "$out"
grep -q "band 1: Float32, Gray, nodata -9999" <<<"$out" && pass "raster band type and nodata" || fail "$out"
grep -q "CRS EPSG:4326, extent 104 11 106 12.5, pixel 0.01 x 0.01" <<<"$out" && pass "raster CRS and extent" || fail "$out"
json=$("$BIN" info "$tmp/dem.tif" --json) || fail "raster info --json exit $?"
jq -e '.kind=="raster" and .driver=="GTiff" and .width==200 and .height==150 and .crs=="EPSG:4326"' <<<"$json" >/dev/null \
    && pass "raster json header" || fail "$json"
jq -e '.extent==[104,11,106,12.5] and (.bands|length)==1 and .bands[0].data_type=="Float32" and .bands[0].nodata==-9999' \
    <<<"$json" >/dev/null && pass "raster json bands and extent" || fail "$json"
jq -e '.kind=="vector"' <<<"$("$BIN" info data/basemap.gpkg --json)" >/dev/null && pass "vector json kind" || fail "vector kind"
gdal_translate -q -of PNG "$tmp/dem.tif" "$tmp/plain.png" -scale -ot Byte -a_nodata none && rm -f "$tmp/plain.png.aux.xml"
out=$("$BIN" info "$tmp/plain.png" 2>&1) && grep -q "CRS none, no georeferencing" <<<"$out" \
    && pass "raster without georeferencing: $(tail -1 <<<"$out")" || fail "plain png: $out"

: > "$tmp/zero.gpkg"
printf 'garbage \x00\x01\x02 bytes' > "$tmp/garbage.shp"
head -c 20000 data/basemap.gpkg > "$tmp/truncated.gpkg"
mkdir "$tmp/folder"
expect_error "missing file" 1 "no such file" -- "$BIN" info "$tmp/none.gpkg"
expect_error "zero bytes" 1 "empty" -- "$BIN" info "$tmp/zero.gpkg"
expect_error "garbage" 1 "garbage.shp" -- "$BIN" info "$tmp/garbage.shp"
expect_error "truncated" 1 "truncated.gpkg" -- "$BIN" info "$tmp/truncated.gpkg"
expect_error "not geodata" 1 "not a vector geodata file" -- "$BIN" info /etc/hostname
expect_error "folder without data" 1 "folder" -- "$BIN" info "$tmp/folder"
expect_error "no path" 2 "PATH" -- "$BIN" info
finish
