# `compound-atlas where`: the contract of issue 2 (text, JSON, certainty, bad input).
BIN=${1:?usage: where_command.sh path/to/compound-atlas}
source "$(dirname "$0")/lib.sh"

json=$("$BIN" where 106.16 11.08 --json) || fail "where --json exit $?"
# The Bavet border gate point: Natural Earth puts it 1.6 km inside Vietnam, so the honest
# answer is "uncertain" with both Cambodia/Svay Rieng and Vietnam named.
[ "$(jq -r .country.certainty <<<"$json")" = uncertain ] && pass "country uncertain near the border" || fail "certainty: $json"
jq -e '.country.candidates | map(.name) | index("Cambodia") and index("Vietnam")' <<<"$json" >/dev/null \
  && pass "both countries named" || fail "candidates: $json"
jq -e '.province.candidates | map(.name) | index("Svay Rieng")' <<<"$json" >/dev/null \
  && pass "Svay Rieng named" || fail "province candidates"
jq -e '.border.distance_km > 0.5 and .border.distance_km < 10' <<<"$json" >/dev/null && pass "border a few km" || fail "border distance"
jq -e '[.border.across.code, .border.near.code] | index("VNM") and index("KHM")' <<<"$json" >/dev/null \
  && pass "Cambodia-Vietnam border" || fail "border pair: $json"

json=$("$BIN" where 105.80 11.09 --json)
[ "$(jq -r '.country.certainty + " " + .country.name + " " + .province.name' <<<"$json")" = "certain Cambodia Svay Rieng" ] \
  && pass "Svay Rieng town certain" || fail "Svay Rieng town: $json"
[ "$(jq -r .border.across.name <<<"$json")" = Vietnam ] && pass "border across is Vietnam" || fail "across"

text=$("$BIN" where 105.80 11.09)
grep -q "^Country:  Cambodia (KHM), certain" <<<"$text" && pass "text output" || fail "text: $text"
grep -q "to the border with Vietnam (VNM)" <<<"$text" && pass "text border" || fail "text border: $text"

json=$("$BIN" where 102.2 9.3 --json)
[ "$(jq -r .country.certainty <<<"$json")" = none ] && [ "$(jq -r .country.nearest.name <<<"$json")" != null ] \
  && pass "sea: no country, nearest named" || fail "sea: $json"

"$BIN" where --help | grep -q "LON" && pass "--help" || fail "--help"

expect_error "non-number" 2 "LON" -- "$BIN" where abc 11
expect_error "latitude > 90" 2 "latitude" -- "$BIN" where 106 95
expect_error "longitude < -180" 2 "longitude" -- "$BIN" where -181 10
expect_error "missing LAT" 2 "LAT" -- "$BIN" where 106
expect_error "missing basemap" 1 "no such file" -- "$BIN" where 106 11 --basemap /nonexistent/x.gpkg
finish
