# PostGIS layers open through the same OGR path as files; bad connections fail clearly.
BIN=${1:?usage: info_postgis.sh path/to/compound-atlas}
source "$(dirname "$0")/../cli/lib.sh"
source "$(dirname "$0")/cluster.sh"
pg_cluster_start || { echo "cannot start a PostgreSQL cluster" >&2; exit 1; }

ogr2ogr -f PostgreSQL "$ATLAS_PG" data/basemap.gpkg provinces -nln provinces -lco SPATIAL_INDEX=GIST
json=$("$BIN" info "$ATLAS_PG" --json) || fail "info on PostGIS: exit $?"
jq -e '.layers | map(select(.name=="provinces"))[0] | .feature_count > 200 and .crs == "EPSG:4326"' <<<"$json" >/dev/null \
  && pass "PostGIS layer listed with count and CRS" || fail "$json"

expect_error "bad connection" 1 "cannot connect" -- "$BIN" info "PG:host=$PG_DIR port=1 dbname=nope user=atlas"
out=$("$BIN" info "PG:host=$PG_DIR port=1 dbname=nope user=atlas password=hunter2" 2>&1)
grep -q hunter2 <<<"$out" && fail "password printed: $out" || pass "password kept out of the message"
finish
