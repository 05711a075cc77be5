# `compound-atlas cases list|show|check`: the sample store, JSON fields, and one-line errors.
BIN=${1:?usage: cases_command.sh path/to/compound-atlas}
source "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
DB=data/cases.gpkg

out=$("$BIN" cases list --db $DB) || fail "list exit $?"
grep -q "^8 compounds, 13 incidents" <<<"$out" && pass "list counts" || fail "list: $out"
grep -q "^a7-park .*A7 Park" <<<"$out" && pass "list names a7-park" || fail "list: $out"
json=$("$BIN" cases list --db $DB --json)
jq -e '(.compounds | length) == 8 and (.incidents | length) == 13 and .schema_version == 2' <<<"$json" >/dev/null \
  && pass "list --json" || fail "list --json: $json"

json=$("$BIN" cases show a7-park --db $DB --json) || fail "show exit $?"
jq -e '.location.province.name == "Svay Rieng" and .location.country.name == "Cambodia"' <<<"$json" >/dev/null \
  && pass "show: Svay Rieng, Cambodia" || fail "show province: $(jq -c .location.province <<<"$json")"
jq -e '.location.border.across.name == "Vietnam" and .location.border.distance_km < 5' <<<"$json" >/dev/null \
  && pass "show: border with Vietnam" || fail "show border: $(jq -c .location.border <<<"$json")"
jq -e '[.incidents[].id] == ["2026-01-31-a7-park-raid", "2026-02-02-techo-deportation"]' <<<"$json" >/dev/null \
  && pass "show: both incidents in time order" || fail "show incidents: $(jq -c '[.incidents[].id]' <<<"$json")"
jq -e '.incidents[0] | .relation == "at" and .total_people == 2044 and .personnel == 700 and .counts_sum == 2153
       and (.counts | map({(.nationality): .count}) | add) == {"CN": 1792, "MM": 179, "VN": 177, "TW": 5}
       and (.sources | length) >= 2 and (.sources[0].url | startswith("http"))' <<<"$json" >/dev/null \
  && pass "show: raid figures and sources" || fail "show raid: $(jq -c '.incidents[0]' <<<"$json")"
jq -e '.incidents[1] | .relation == "possibly linked" and .total_people == 406 and .counts == [{"nationality": "CN", "count": 140}]
       and (.sources | length) >= 1' <<<"$json" >/dev/null \
  && pass "show: possibly-linked deportation" || fail "show deportation: $(jq -c '.incidents[1]' <<<"$json")"
jq -e '.findings | map(.code) | index("breakdown-exceeds-total") != null' <<<"$json" >/dev/null \
  && pass "show: the mismatch is flagged" || fail "show findings: $(jq -c .findings <<<"$json")"
out=$("$BIN" cases show a7-park --db $DB) || fail "show text exit $?"
grep -q "Province: .*Svay Rieng" <<<"$out" && grep -q "border with Vietnam" <<<"$out" && grep -q "possibly linked" <<<"$out" \
  && pass "show text" || fail "show text: $out"
json=$("$BIN" cases show 2026-02-02-techo-deportation --db $DB --json)
jq -e '.incident.compounds | map(.relation) | sort == ["at", "possibly linked"]' <<<"$json" >/dev/null \
  && pass "show an incident id" || fail "show incident: $json"

json=$("$BIN" cases check --db $DB --json); rc=$?
[ $rc = 0 ] && pass "check exits 0 on the sample (warnings only)" || fail "check rc=$rc"
jq -e '.summary.errors == 0 and (.findings | map(select(.code == "breakdown-exceeds-total" and .incident == "2026-01-31-a7-park-raid"
       and .severity == "warning")) | length) == 1' <<<"$json" >/dev/null \
  && pass "check flags the Bavet sum" || fail "check: $json"
jq -e '.findings | all(has("severity") and has("code") and has("incident") and has("compound") and has("message"))' <<<"$json" >/dev/null \
  && pass "check finding fields" || fail "check fields"
out=$("$BIN" cases check --db $DB) && grep -q "2,153, more than the total of 2,044" <<<"$out" \
  && pass "check text" || fail "check text: $out"

# A store with an error-level problem (written with GDAL, behind the store's back): exit 1.
cp $DB "$tmp/bad.gpkg"
ogrinfo -q "$tmp/bad.gpkg" -sql "UPDATE incident_counts SET nationality = 'XX' WHERE nationality = 'TW'" >/dev/null 2>&1
json=$("$BIN" cases check --db "$tmp/bad.gpkg" --json); rc=$?
[ $rc = 1 ] && jq -e '.findings[0] | .severity == "error" and .code == "unknown-nationality"' <<<"$json" >/dev/null \
  && pass "check exits 1 on errors" || fail "bad check rc=$rc $json"

: > "$tmp/zero.gpkg"
expect_error "unknown id" 1 "no compound or incident 'nowhere'" -- "$BIN" cases show nowhere --db $DB
expect_error "missing db" 1 "no such file" -- "$BIN" cases list --db "$tmp/none.gpkg"
expect_error "not a case store" 1 "not a case store" -- "$BIN" cases list --db data/basemap.gpkg
expect_error "empty file" 1 "not a case store" -- "$BIN" cases check --db "$tmp/zero.gpkg"
expect_error "not geodata" 1 "not a case store" -- "$BIN" cases show a7-park --db /etc/hostname
expect_error "no id" 2 "ID" -- "$BIN" cases show --db $DB
expect_error "no subcommand" 2 "" -- "$BIN" cases
for sub in "" list show check import export; do
  "$BIN" cases $sub --help >/dev/null 2>&1 && pass "cases $sub --help" || fail "cases $sub --help"
done
finish
