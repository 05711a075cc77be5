#!/usr/bin/env bash
# End to end: a GPX whose route and track layers are empty opens with its waypoints, the empty
# layers are one note (not four errors), and a normal Ctrl+Q exits with status 0.
# Usage: bash tests/e2e/empty_gpx_layers.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: empty_gpx_layers.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup gpx 541 590 1280x900x24 xdotool jq

cat > "$WORK/walk.gpx" <<'GPX'
<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="11.08" lon="106.06"><name>Bavet</name></wpt>
<wpt lat="11.56" lon="104.92"><name>Phnom Penh</name></wpt>
</gpx>
GPX

"$APP" "$WORK/walk.gpx" --no-basemap --size 900x600 --dump-state "$WORK/s.json" --ready-file "$WORK/ready" \
  2>"$WORK/app.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
e2e_quit 0   # fails unless the exit status is 0
cat "$WORK/app.log"
jq -e '[.layers[] | select(.name == "waypoints")] | length == 1' "$WORK/s.json" >/dev/null ||
  fail "the waypoints did not arrive: $(jq -c '[.layers[].name]' "$WORK/s.json")"
[[ $(grep -c "compound-atlas: note: .*is empty" "$WORK/app.log") == 4 ]] || fail "not four notes for the empty layers"
grep -v "note:" "$WORK/app.log" | grep -q "is empty" && fail "an empty layer was reported as an error"
echo "PASS"
