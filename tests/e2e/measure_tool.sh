#!/usr/bin/env bash
# End to end: the measure tool with real input. M, a click on the Bavet compounds (A7 Park's
# marker), a click on Techo International Airport, Enter: both points snap to the compounds'
# own locations and the length is PROJ geod's for them. Esc ends the tool. Shift+M, three
# clicks on open map and Backspace: an area that follows its corners. Waits on the viewer's
# state (test command "dump"), never on a guessed sleep.
# Usage: bash tests/e2e/measure_tool.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: measure_tool.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup measure 691 740 1600x900x24 xdotool jq geod

mkdir -p "$WORK/shots"

# Techo airport and Bavet in the open map between the Layers and the Compounds panels.
"$APP" --size 1500x850 --view 103.4,9.9,108.0,12.5 --test-commands "$CMDS" --ready-file "$WORK/ready" \
  --screenshot-dir "$WORK/shots" 2>"$WORK/app.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
e2e_wait_state '.cases.loaded and (.cases.markers | length) > 0' "no compound markers"
marker() { jq -r --arg id "$1" '.cases.markers[] | select(.id == $id) | "\(.x|round) \(.y|round)"' "$STATE"; }
read -r BX BY < <(marker a7-park)
read -r TX TY < <(marker techo-airport)
[[ -n ${BX:-} && -n ${TX:-} ]] || fail "no A7 Park or Techo marker: $(jq -c '[.cases.markers[].id]' "$STATE")"
echo "A7 Park at $BX,$BY; Techo airport at $TX,$TY"

xdotool mousemove --window "$WID" 700 600
xdotool key m
e2e_wait_state '.measure.mode == "distance" and (.measure.points | length) == 0' "M did not start measuring a distance"
# Beside the markers, not on them: the click snaps.
xdotool mousemove --window "$WID" $((BX + 4)) $((BY + 3)) click 1
e2e_wait_state '(.measure.points | length) == 1' "the first click made no point"
xdotool mousemove --window "$WID" $((TX - 3)) $((TY + 4)) click 1
e2e_wait_state '(.measure.points | length) == 2' "the second click made no point"
xdotool key Return
e2e_wait_state '.measure.finished' "Enter did not finish the measurement"
M="$STATE"
echo "measured: $(jq -r .measure.copy_text "$M")"
jq -e '.measure.points[1].snapped_to == "Techo International Airport"' "$M" >/dev/null || fail "the second point did not snap to Techo: $(jq -c .measure.points[1] "$M")"
jq -e '.measure.points[0].lon == 106.1333 and .measure.points[0].lat == 11.0667 and (.measure.points[0].snapped_to | length) > 0' "$M" >/dev/null ||
  fail "the first point did not snap to the Bavet compounds: $(jq -c .measure.points[0] "$M")"
read -r LAT1 LON1 LAT2 LON2 < <(jq -r '.measure.points | "\(.[0].lat) \(.[0].lon) \(.[1].lat) \(.[1].lon)"' "$M")
WANT=$(echo "$LAT1 $LON1 $LAT2 $LON2" | geod +ellps=WGS84 -I +units=m -f "%.6f" | awk '{print $3}')
GOT=$(jq -r .measure.length_m "$M")
awk -v a="$GOT" -v b="$WANT" 'BEGIN { d = a - b; exit !(d < 0.01 && d > -0.01) }' || fail "length $GOT m, geod says $WANT m"
echo "length $GOT m (geod: $WANT m), shown as $(jq -r .measure.total "$M")"
[[ $(jq -r .measure.total "$M") == "$(awk -v m="$WANT" 'BEGIN { printf "%.2f km", m / 1000 }')" ]] || fail "the total reads $(jq -r .measure.total "$M")"
# KEEP_SHOT=DIR keeps screenshots (with the panels) of both measurements, to look at.
shot() {
  [[ -n ${KEEP_SHOT:-} ]] || return 0
  rm -f "$WORK"/shots/*.png
  xdotool key shift+F12
  for _ in $(seq 100); do compgen -G "$WORK/shots/*.png" >/dev/null && break; sleep 0.1; done
  mkdir -p "$KEEP_SHOT" && cp "$WORK"/shots/*.png "$KEEP_SHOT/$1.png"
}
shot distance

xdotool key Escape
e2e_wait_state '.measure.mode == "off" and (.measure.points | length) == 0' "Esc did not end the measure tool"

# Area: three corners, Backspace takes one back, a fourth closes the ring again.
xdotool key shift+m
e2e_wait_state '.measure.mode == "area"' "Shift+M did not start measuring an area"
for p in "600 250" "760 250" "680 170"; do
  read -r x y <<<"$p"
  n=$(jq '.measure.points | length' "$STATE")
  xdotool mousemove --window "$WID" "$x" "$y" click 1
  e2e_wait_state "(.measure.points | length) == $((n + 1))" "the click at $x,$y made no corner"
done
A3=$(jq -r .measure.area_m2 "$STATE")
awk -v a="$A3" 'BEGIN { exit !(a > 1e8) }' || fail "three corners some 50 km apart enclose $A3 m²"
xdotool key BackSpace
e2e_wait_state '(.measure.points | length) == 2 and .measure.area_m2 == 0' "Backspace did not take back a corner"
xdotool mousemove --window "$WID" 680 120 click 1
e2e_wait_state '(.measure.points | length) == 3' "the fourth click made no corner"
A4=$(jq -r .measure.area_m2 "$STATE")
awk -v a="$A4" -v b="$A3" 'BEGIN { exit !(a > b) }' || fail "a corner further out did not give a larger area ($A4 vs $A3)"
echo "area: $(jq -r .measure.total "$STATE")"
shot area
e2e_quit
echo "PASS"
