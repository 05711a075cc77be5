# `compound-atlas cases import`: builds a store from CSVs, refuses to overwrite without --force,
# refuses invalid data with nothing written, and survives kill -9 inside its transaction.
BIN=${1:?usage: cases_import.sh path/to/compound-atlas}
source "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$BIN" cases import --from data/cases --db "$tmp/a.gpkg" >/dev/null && pass "import" || fail "import"
"$BIN" cases list --db "$tmp/a.gpkg" | grep -q "^8 compounds, 13 incidents" && pass "imported content" || fail "imported content"
expect_error "no overwrite" 1 "already exists" -- "$BIN" cases import --from data/cases --db "$tmp/a.gpkg"
"$BIN" cases import --from data/cases --db "$tmp/a.gpkg" --force >/dev/null && pass "--force" || fail "--force"

# Round trip: export then import gives the same store content.
"$BIN" cases export --db "$tmp/a.gpkg" --to "$tmp/csv" >/dev/null || fail "export"
for f in data/cases/*.csv; do
  cmp -s "$f" "$tmp/csv/$(basename "$f")" && pass "export reproduces $(basename "$f")" || fail "export differs: $(basename "$f")"
done

# Invalid CSVs: refused, and the existing store untouched.
cp -r data/cases "$tmp/bad"
sed -i 's/^2026-01-31-a7-park-raid,TW,5$/2026-01-31-a7-park-raid,TW,-5/' "$tmp/bad/incident_counts.csv"
before=$(sha256sum < "$tmp/a.gpkg")
expect_error "negative count refused" 1 "negative" -- "$BIN" cases import --from "$tmp/bad" --db "$tmp/a.gpkg" --force
[ "$(sha256sum < "$tmp/a.gpkg")" = "$before" ] && pass "store untouched after refusal" || fail "store changed"
cp -r data/cases "$tmp/bad2"
sed -i 's/^a7-park,/a7_park,/' "$tmp/bad2/compounds.csv"
expect_error "bad slug refused" 1 "not a slug" -- "$BIN" cases import --from "$tmp/bad2" --db "$tmp/b.gpkg"
[ ! -e "$tmp/b.gpkg" ] && pass "nothing written" || fail "b.gpkg written"
expect_error "missing folder" 1 "cannot read" -- "$BIN" cases import --from "$tmp/nowhere" --db "$tmp/c.gpkg"

# kill -9 while the importer sleeps inside its transaction: the old store stays, GDAL opens it.
cp -r data/cases "$tmp/new"
sed -i 's/^\(a7-park,A7 Park,\)/\1/; s/22-building casino/TWENTY-TWO-building casino/' "$tmp/new/compounds.csv"
ATLAS_TEST_SLEEP_IN_TRANSACTION=60 "$BIN" cases import --from "$tmp/new" --db "$tmp/a.gpkg" --force 2>"$tmp/err" >/dev/null &
pid=$!
for _ in $(seq 1 200); do grep -q "in transaction" "$tmp/err" 2>/dev/null && break; sleep 0.05; done
grep -q "in transaction" "$tmp/err" && pass "writer reached its transaction" || fail "writer never reached the transaction"
kill -9 $pid; wait $pid 2>/dev/null
[ "$(sha256sum < "$tmp/a.gpkg")" = "$before" ] && pass "store unchanged after kill -9" || fail "store changed by killed writer"
ogrinfo -ro -q "$tmp/a.gpkg" >/dev/null 2>&1 && pass "GDAL opens it" || fail "GDAL cannot open it"
"$BIN" cases check --db "$tmp/a.gpkg" >/dev/null && pass "check passes after kill" || fail "check after kill"
"$BIN" cases import --from "$tmp/new" --db "$tmp/a.gpkg" --force >/dev/null && pass "next import succeeds" || fail "next import"
"$BIN" cases show a7-park --db "$tmp/a.gpkg" --json | jq -e '.compound.notes | startswith("TWENTY-TWO")' >/dev/null \
  && pass "new content after a full import" || fail "new content missing"
leftovers=$(ls -A "$tmp" | grep -c '\.tmp' || true)
[ "$leftovers" = 0 ] && pass "the killed writer's temp file was cleaned up" || fail "temp files: $(ls -A "$tmp")"
finish
