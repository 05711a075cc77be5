# `cases init` on PostgreSQL (schema, GIST index, constraints; refuses a database holding other
# tables; migrates schema 1 -> 2 on PG and GPKG) and `cases copy` GPKG -> PG -> GPKG losing nothing.
BIN=${1:?usage: cases_init_copy.sh path/to/compound-atlas}
source "$(dirname "$0")/../cli/lib.sh"
source "$(dirname "$0")/cluster.sh"
pg_cluster_start || { echo "cannot start a PostgreSQL cluster" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"; pg_cluster_stop' EXIT
q() { psql -X -q -t -A -c "$1"; }

out=$("$BIN" cases init --db "$ATLAS_PG") && grep -q "created an empty case store (schema version 2)" <<<"$out" \
  && pass "init creates the schema: $out" || fail "init: $out"
[ "$(q "SELECT count(*) FROM information_schema.tables WHERE table_schema='public' AND table_name IN
  ('compounds','incidents','incident_compounds','incident_counts','sources','incident_sources','compound_sources','meta')")" = 8 ] \
  && pass "eight tables" || fail "tables: $(q '\dt')"
q "SELECT indexdef FROM pg_indexes WHERE tablename='compounds'" | grep -qi "using gist (geom)" \
  && pass "GIST index on compounds.geom" || fail "no GIST index: $(q "SELECT indexdef FROM pg_indexes WHERE tablename='compounds'")"
q "SELECT indexdef FROM pg_indexes WHERE tablename='incidents'" | grep -qi "using gist (geom)" \
  && pass "GIST index on incidents.geom" || fail "no GIST index on incidents"
[ "$(q "SELECT is_nullable || column_default FROM information_schema.columns WHERE table_name='compounds' AND column_name='row_version'")" = NO1 ] \
  && pass "row_version NOT NULL DEFAULT 1" || fail "row_version column"
[ "$(q "SELECT is_nullable FROM information_schema.columns WHERE table_name='compounds' AND column_name='name'")" = NO ] \
  && pass "required columns are NOT NULL" || fail "name nullable"
q "SELECT count(*) FROM pg_indexes WHERE tablename='compounds' AND indexdef ILIKE '%UNIQUE%(id)%'" | grep -q '^1$' \
  && pass "compounds.id UNIQUE" || fail "no unique index on compounds.id"
[ "$(q "SELECT Find_SRID('public','compounds','geom')")" = 4326 ] && pass "EPSG:4326 points" || fail "srid"
out=$("$BIN" cases init --db "$ATLAS_PG") && grep -q "nothing to do" <<<"$out" && pass "init again: $out" || fail "init again: $out"

# A database with other tables is refused, untouched.
createdb other && psql -X -q -d other -c "CREATE EXTENSION postgis; CREATE TABLE parcels (id int)" >/dev/null
OTHER="PG:host=$PGHOST port=$PGPORT user=atlas dbname=other"
expect_error "init refuses a database with other tables" 1 "holds tables that are not a case store's (parcels)" -- \
  "$BIN" cases init --db "$OTHER"
[ "$(psql -X -t -A -d other -c "SELECT count(*) FROM information_schema.tables WHERE table_schema='public' AND table_name='meta'")" = 0 ] \
  && pass "nothing created there" || fail "meta created in the other database"
expect_error "copy refuses it too" 1 "parcels" -- "$BIN" cases copy --from data/cases.gpkg --to "$OTHER"

# GPKG -> PG -> GPKG, field by field: CSV export and JSON identical.
out=$("$BIN" cases copy --from data/cases.gpkg --to "$ATLAS_PG") && grep -q "copied 8 compounds, 13 incidents, 42 sources" <<<"$out" \
  && pass "copy to PG: $out" || fail "copy to PG: $out"
expect_error "copy onto a non-empty store" 1 "already holds a case store with 8 compounds" -- \
  "$BIN" cases copy --from data/cases.gpkg --to "$ATLAS_PG"
"$BIN" cases copy --from "$ATLAS_PG" --to "$tmp/back.gpkg" >/dev/null && pass "copy back" || fail "copy back"
"$BIN" cases export --db data/cases.gpkg --to "$tmp/orig" >/dev/null
"$BIN" cases export --db "$ATLAS_PG" --to "$tmp/pg" >/dev/null
"$BIN" cases export --db "$tmp/back.gpkg" --to "$tmp/back" >/dev/null
diff -r "$tmp/orig" "$tmp/pg" >/dev/null && pass "PG export identical to the original" || fail "$(diff -r "$tmp/orig" "$tmp/pg" | head)"
diff -r "$tmp/orig" "$tmp/back" >/dev/null && pass "GPKG -> PG -> GPKG export identical" || fail "$(diff -r "$tmp/orig" "$tmp/back" | head)"
diff -r -x README.md "$tmp/orig" data/cases >/dev/null && pass "and identical to data/cases" || fail "$(diff -r -x README.md "$tmp/orig" data/cases | head)"
strip='del(.db) | del(.change_counter)'
[ "$(jq -S "$strip" <("$BIN" cases list --db data/cases.gpkg --json))" = "$(jq -S "$strip" <("$BIN" cases list --db "$ATLAS_PG" --json))" ] \
  && pass "list --json identical on PG" || fail "list --json differs"
[ "$(jq -S 'del(.db)' <("$BIN" cases show a7-park --db data/cases.gpkg --json))" = "$(jq -S 'del(.db)' <("$BIN" cases show a7-park --db "$ATLAS_PG" --json))" ] \
  && pass "show --json identical on PG" || fail "show --json differs"
"$BIN" cases check --db "$ATLAS_PG" >/dev/null && pass "check on PG exits 0" || fail "check on PG"

# Schema 1 -> 2 on PostgreSQL: drop what version 2 added, then migrate; nothing lost.
for t in compounds incidents incident_compounds incident_counts sources incident_sources compound_sources; do
  q "ALTER TABLE $t DROP COLUMN row_version"
done
q "DELETE FROM meta WHERE key='change_counter'; UPDATE meta SET value='1' WHERE key='schema_version'"
jq -e '.schema_version == 1 and (.compounds | length) == 8' <("$BIN" cases list --db "$ATLAS_PG" --json) >/dev/null \
  && pass "a version-1 store on PG still reads" || fail "v1 read"
expect_error "a version-1 store is not written" 1 "run \`compound-atlas cases init" -- "$BIN" cases set-status a7-park closed --db "$ATLAS_PG"
out=$("$BIN" cases init --db "$ATLAS_PG") && grep -q "migrated from schema version 1 to 2" <<<"$out" \
  && pass "PG: $out" || fail "PG migrate: $out"
"$BIN" cases export --db "$ATLAS_PG" --to "$tmp/migrated" >/dev/null
diff -r "$tmp/orig" "$tmp/migrated" >/dev/null && pass "PG migration lost nothing" || fail "$(diff -r "$tmp/orig" "$tmp/migrated" | head)"
[ "$(q "SELECT min(row_version) || '/' || max(row_version) || '/' || count(*) FROM compounds")" = "1/1/8" ] \
  && pass "existing rows start at version 1" || fail "versions: $(q 'SELECT row_version FROM compounds')"
"$BIN" cases set-status a7-park closed --db "$ATLAS_PG" >/dev/null && [ "$(q "SELECT status || row_version FROM compounds WHERE id='a7-park'")" = closed2 ] \
  && pass "writes after migration bump row_version" || fail "write after migration"

# Schema 1 -> 2 on a GeoPackage.
cp data/cases.gpkg "$tmp/v1.gpkg"
for t in compounds incidents incident_compounds incident_counts sources incident_sources compound_sources; do
  ogrinfo -q "$tmp/v1.gpkg" -sql "ALTER TABLE $t DROP COLUMN row_version" >/dev/null 2>&1
done
ogrinfo -q "$tmp/v1.gpkg" -sql "DELETE FROM meta WHERE key='change_counter'" >/dev/null 2>&1
ogrinfo -q "$tmp/v1.gpkg" -sql "UPDATE meta SET value='1' WHERE key='schema_version'" >/dev/null 2>&1
jq -e '.schema_version == 1' <("$BIN" cases list --db "$tmp/v1.gpkg" --json) >/dev/null && ! ogrinfo -so "$tmp/v1.gpkg" compounds | grep -q row_version \
  && pass "GPKG made version 1" || fail "GPKG v1"
out=$("$BIN" cases init --db "$tmp/v1.gpkg") && grep -q "migrated from schema version 1 to 2" <<<"$out" \
  && pass "GPKG: $out" || fail "GPKG migrate: $out"
"$BIN" cases export --db "$tmp/v1.gpkg" --to "$tmp/gmigrated" >/dev/null
diff -r "$tmp/orig" "$tmp/gmigrated" >/dev/null && pass "GPKG migration lost nothing" || fail "$(diff -r "$tmp/orig" "$tmp/gmigrated" | head)"
ogrinfo -so "$tmp/v1.gpkg" incident_counts | grep -q "row_version: Integer64" && pass "GPKG row_version added" || fail "GPKG column"
"$BIN" cases set-status a7-park closed --db "$tmp/v1.gpkg" >/dev/null && pass "GPKG writable after migration" || fail "GPKG write"
expect_error "init refuses a non-case GeoPackage" 1 "holds tables that are not a case store's" -- "$BIN" cases init --db data/basemap.gpkg
finish
