#!/usr/bin/env bash
# End to end: the Layers panel names the default layers as people do ("Province boundaries",
# not "province_lines"), while the state keeps the internal names that sessions and tests use.
# Reads the titles the panel draws from --dump-state (layers[].title, markers[].title).
# Usage: bash tests/e2e/layer_titles.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: layer_titles.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup titles 591 640 1280x900x24 jq

"$APP" --size 1000x700 --quit-after-frames 3 --dump-state "$WORK/s.json" 2>"$WORK/app.log" || fail "viewer failed: $(tail -3 "$WORK/app.log")"
S="$WORK/s.json"
echo "layers: $(jq -c '[.layers[] | "\(.name) -> \(.title)"]' "$S")"
echo "markers: $(jq -c '[.markers[] | "\(.name) -> \(.title)"]' "$S")"
[[ $(jq -r '[.layers[].name] | join(",")' "$S") == "countries,provinces,province_lines,borders" ]] || fail "internal layer names changed"
[[ $(jq -r '[.layers[].title] | join(",")' "$S") == "Countries,Provinces,Province boundaries,International borders" ]] ||
  fail "layer titles: $(jq -c '[.layers[].title]' "$S")"
for t in Compounds "Incident places" Links Uncertainty; do
  jq -e --arg t "$t" 'any(.markers[]; .title == $t)' "$S" >/dev/null || fail "no marker layer titled $t"
done
jq -e 'all(.markers[]; (.title | test("cases:|_")) | not)' "$S" >/dev/null || fail "an internal name shows: $(jq -c '[.markers[].title]' "$S")"
echo "PASS"
