#!/usr/bin/env bash
# End to end: the real viewer under Xvfb, driven with xdotool (click, drag, wheel, keys).
# Asserts from --dump-state (written on exit) that the clicked province is selected, the
# drag panned by the dragged distance and the wheel zoomed around the pointer; and from
# screenshots (F12 and the X screen) that the map changed where it should. Each step waits on
# the viewer's own state (test command "dump"), not on a guessed sleep.
# Usage: bash tests/e2e/viewer_navigation.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: viewer_navigation.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup navigation 90 140 1280x900x24 xdotool import convert jq
W=1024; H=700

# 1. The default view, to know where Svay Rieng is drawn (no input: quits by itself).
"$APP" --size ${W}x${H} --quit-after-frames 3 --dump-state "$WORK/s0.json" 2>"$WORK/app0.log"
CX0=$(jq .view.center_map.x "$WORK/s0.json"); CY0=$(jq .view.center_map.y "$WORK/s0.json")
UPP0=$(jq .view.units_per_pixel "$WORK/s0.json")
DW=$(jq .window.drawable_width "$WORK/s0.json"); DH=$(jq .window.drawable_height "$WORK/s0.json")
[[ $DW == "$W" && $DH == "$H" ]] || fail "window is ${DW}x${DH}, wanted ${W}x${H}"
# Svay Rieng town (105.80 E, 11.09 N), inside the province (checked with `where`).
"$APP" where 105.80 11.09 --json | jq -e '.province.name == "Svay Rieng"' >/dev/null || fail "where: not Svay Rieng"
read -r SX SY < <(python3 - "$CX0" "$CY0" "$UPP0" $W $H <<'PY'
import math, sys
cx, cy, upp, w, h = map(float, sys.argv[1:])
R = 6378137.0
x = R * math.radians(105.80); y = R * math.log(math.tan(math.pi / 4 + math.radians(11.09) / 2))
print(round((x - cx) / upp + w / 2), round((cy - y) / upp + h / 2))
PY
)
echo "Svay Rieng drawn at $SX,$SY in the default view"

# 2. The interactive run.
mkdir -p "$WORK/shots"
ATLAS_SCREENSHOT_DIR="$WORK/shots" "$APP" --size ${W}x${H} --dump-state "$WORK/s1.json" --ready-file "$WORK/ready" \
  --test-commands "$CMDS" 2>"$WORK/app1.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
eval "$(xdotool getwindowgeometry --shell "$WID")"   # X Y WIDTH HEIGHT
pixel() { convert "$1" -crop "1x1+$2+$3" -depth 8 txt:- | tail -1 | grep -o '#[0-9A-F]\{6\}'; }
# The pointer at $1,$2, and the viewer has seen it there.
point() {
  xdotool mousemove --window "$WID" "$1" "$2"
  e2e_wait_state '.pointer.x == $x and .pointer.y == $y' "the pointer never reached $1,$2" --argjson x "$1" --argjson y "$2"
}
import -window root "$WORK/before.png"
BEFORE=$(pixel "$WORK/before.png" $((X + SX)) $((Y + SY)))

# Click Svay Rieng -> selected and highlighted (the state is written after the frame is shown).
point "$SX" "$SY"
xdotool click 1
e2e_wait_state '.selected.name == "Svay Rieng"' "clicking Svay Rieng selected nothing"
import -window root "$WORK/selected.png"
AFTER=$(pixel "$WORK/selected.png" $((X + SX)) $((Y + SY)))
echo "pixel at Svay Rieng: before $BEFORE, after click $AFTER"
[[ $BEFORE != "$AFTER" ]] || fail "clicking Svay Rieng did not highlight it"

# Drag 100 px right and 50 px down (from a spot away from the panels; it ends over the
# Compounds panel, as a hasty user's drag would).
read -r X0 Y0 < <(jq -r '"\(.view.center_map.x) \(.view.center_map.y)"' "$STATE")
point 600 420
xdotool mousedown 1
for i in 1 2 3 4 5; do xdotool mousemove --window "$WID" $((600 + 20 * i)) $((420 + 10 * i)); done
xdotool mouseup 1
e2e_wait_state '((.view.center_map.x - $x0) / $upp + 100 | fabs) < 2 and ((.view.center_map.y - $y0) / $upp - 50 | fabs) < 2' \
  "the drag did not pan by -100,50 px" --argjson x0 "$X0" --argjson y0 "$Y0" --argjson upp "$UPP0"

# Three wheel notches up with the pointer on the window centre (moved there from the panel).
point $((W / 2)) $((H / 2))
for i in 1 2 3; do
  xdotool click 4
  e2e_wait_state '($upp / .view.units_per_pixel - $z | fabs) < 0.02' "wheel notch $i did not zoom" \
    --argjson upp "$UPP0" --argjson z "$(python3 -c "print(1.25 ** $i)")"
done
# F12: the app's own screenshot of the map; it says so on stderr once written.
xdotool key F12
e2e_wait_log "screenshot saved to" "$WORK/app1.log" "F12 said nothing" 30
e2e_state # a frame after the screenshot: the X screen shows the final view
import -window root "$WORK/final.png"

# Close with Ctrl+Q (falls back to SIGTERM, which SDL turns into a quit).
e2e_quit
[[ -s $WORK/s1.json ]] || fail "no state dump"
cat "$WORK/s1.json" | jq -c '{view: .view, selected: .selected}'

# 3. Assertions on the state.
NAME=$(jq -r '.selected.name // "none"' "$WORK/s1.json")
[[ $NAME == "Svay Rieng" ]] || fail "selected '$NAME', expected Svay Rieng"
[[ $(jq -r .selected.layer "$WORK/s1.json") == provinces ]] || fail "selection is not in the provinces layer"
python3 - "$WORK/s0.json" "$WORK/s1.json" <<'PY' || fail "camera check"
import json, sys
s0, s1 = (json.load(open(p))["view"] for p in sys.argv[1:])
upp0, upp1 = s0["units_per_pixel"], s1["units_per_pixel"]
zoom = upp0 / upp1
assert abs(zoom - 1.25 ** 3) < 0.02, f"zoom factor {zoom:.3f}, expected {1.25**3:.3f}"
dx = (s1["center_map"]["x"] - s0["center_map"]["x"]) / upp0
dy = (s1["center_map"]["y"] - s0["center_map"]["y"]) / upp0
# Dragging the map right/down moves the centre left/up by the same pixels; the wheel zoomed
# about the window centre, which keeps the centre where it was.
assert abs(dx + 100) < 2 and abs(dy - 50) < 2, f"pan {dx:.1f},{dy:.1f} px, expected -100,50"
print(f"ok: zoom x{zoom:.3f}, pan {dx:.1f},{dy:.1f} px")
PY

# 4. Screenshots: F12 wrote a PNG of the window's size; the screen changed.
SHOT=$(ls "$WORK"/shots/compound-atlas-*.png 2>/dev/null | head -1)
[[ -n $SHOT ]] || fail "F12 wrote no screenshot"
[[ $(identify -format '%wx%h' "$SHOT") == "${W}x${H}" ]] || fail "screenshot size $(identify -format '%wx%h' "$SHOT")"
grep -q "screenshot saved to $SHOT" "$WORK/app1.log" || fail "no message naming the screenshot"
DIFF=$(compare -metric AE -fuzz 5% "$WORK/before.png" "$WORK/final.png" null: 2>&1 || true)
echo "pixels changed by pan+zoom: $DIFF"
[[ ${DIFF%%.*} -gt 100000 ]] || fail "the screen barely changed after pan and zoom ($DIFF)"
echo "PASS"
