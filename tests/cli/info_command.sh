# `compound-atlas info`: layers of the basemap and clear errors for bad files.
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
