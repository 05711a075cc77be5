#!/usr/bin/env bash
# End to end: no input is lost however slow the frame (viewer/app/input_pacer.hpp). The viewer
# runs with --test-frame-delay-ms 250, so everything xdotool does within a quarter second
# reaches the app as one frame's batch, as on a busy machine. Each gesture starts with the
# pointer over the Layers panel and comes onto the map within that batch: the case that lost a
# wheel notch of three in e2e.viewer_navigation under load (the pointer had been left over a
# panel). A quick click selects the province under it, a quick drag pans by the dragged
# distance, a fast wheel flick zooms by every notch. Hover: over the map the province under the
# pointer is hovered, over the Layers panel nothing (no tooltip through the panel) although a
# province lies beneath it. Keys: Ctrl+A with Ctrl released in the frame of its A. Waits on the viewer's own state (test command "dump"), never on a
# guessed sleep.
# Usage: bash tests/e2e/slow_frame_input.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: slow_frame_input.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup slow-input 391 440 1280x900x24 xdotool jq python3
W=1024; H=700

"$APP" --size ${W}x${H} --test-frame-delay-ms 250 --test-commands "$CMDS" --ready-file "$WORK/ready" \
  2>"$WORK/app.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
e2e_state
S0=$STATE
[[ $(jq .window.drawable_width "$S0") == "$W" ]] || fail "the window is not ${W} px wide (high-DPI?)"
read -r LX LY < <(jq -r '.widgets["layers.panel"] | "\(.x|round) \(.y|round)"' "$S0")
[[ -n $LX && $LX != null ]] || fail "no Layers panel in the state: $(jq -c .widgets "$S0")"
echo "Layers panel centre at $LX,$LY, $(jq -r '.widgets["layers.panel"] | "\(.w)x\(.h)"' "$S0") px"

# Window pixel <-> lon/lat in the default Web Mercator view of $S0.
read -r SX SY PLON PLAT < <(python3 - "$S0" "$LX" "$LY" <<'PY'
import json, math, sys
v = json.load(open(sys.argv[1]))["view"]; w = json.load(open(sys.argv[1]))["window"]
cx, cy, upp = v["center_map"]["x"], v["center_map"]["y"], v["units_per_pixel"]
W, H = w["drawable_width"], w["drawable_height"]
R = 6378137.0
# Svay Rieng town (105.80 E, 11.09 N), inside the province (as in viewer_navigation.sh).
x = R * math.radians(105.80); y = R * math.log(math.tan(math.pi / 4 + math.radians(11.09) / 2))
sx, sy = round((x - cx) / upp + W / 2), round((cy - y) / upp + H / 2)
# What lies beneath the Layers panel's centre.
px, py = float(sys.argv[2]), float(sys.argv[3])
mx, my = cx + (px - W / 2) * upp, cy - (py - H / 2) * upp
print(sx, sy, math.degrees(mx / R), math.degrees(2 * math.atan(math.exp(my / R)) - math.pi / 2))
PY
)
echo "Svay Rieng at $SX,$SY; beneath the Layers panel: $PLON,$PLAT"
BENEATH=$("$APP" where "$PLON" "$PLAT" --json | jq -r '.province.name // empty')
[[ -n $BENEATH ]] || fail "no province beneath the Layers panel (the hover check would prove nothing)"
echo "beneath the Layers panel: $BENEATH"

# The pointer onto the Layers panel, and the viewer has seen it there.
to_panel() {
  xdotool mousemove --window "$WID" "$LX" "$LY"
  e2e_wait_state '.pointer.over_ui == true' "the pointer never got over the Layers panel"
}

# 1. Hover: the province under the pointer on the map; nothing over the panel.
xdotool mousemove --window "$WID" "$SX" "$SY"
e2e_wait_state '.pointer.over_ui == false and .hover.name == "Svay Rieng"' "no hover over Svay Rieng on the map"
to_panel
jq -e '.hover == null' "$STATE" >/dev/null ||
  fail "over the Layers panel the map feature beneath is hovered: $(jq -c .hover "$STATE")"
echo "ok: hover on the map, none over the Layers panel ($BENEATH beneath)"

# 2. Keys: Ctrl held over a frame, then A pressed and Ctrl released within one frame (the order
#    xdotool releases a chord in): ImGui reads the modifiers once per frame, and the A came out
#    plain, so Ctrl+A in the search box selected nothing (e2e.keyboard_input under load).
read -r QX QY < <(jq -r '.widgets["cases.search"] | "\(.x|round) \(.y|round)"' "$S0")
xdotool mousemove --window "$WID" "$QX" "$QY" click 1
xdotool type --delay 20 zz
e2e_wait_state '.cases.search == "zz"' "typing into the search box did not arrive"
xdotool keydown ctrl sleep 0.6 keydown a keyup ctrl keyup a
xdotool type --delay 20 kk
e2e_wait_state '.cases.search == "kk"' "Ctrl+A lost: the search box does not hold just 'kk'"
echo "ok: Ctrl+A replaced the search text"

# 3. A quick click (press and release 12 ms apart) straight after the move off the panel.
xdotool mousemove --window "$WID" "$SX" "$SY" click 1
e2e_wait_state '.selected.name == "Svay Rieng" and .selected.layer == "provinces"' "the quick click selected nothing"
echo "ok: quick click selected Svay Rieng"

# 4. A quick drag, 100 px right and 50 px down, from the panel, within one frame.
e2e_state
read -r X0 Y0 UPP0 < <(jq -r '"\(.view.center_map.x) \(.view.center_map.y) \(.view.units_per_pixel)"' "$STATE")
to_panel
xdotool mousemove --window "$WID" 450 400 mousedown 1 mousemove --window "$WID" 500 425 \
  mousemove --window "$WID" 550 450 mouseup 1
# Dragging the map right/down moves the centre left/up by as many pixels.
e2e_wait_state '((.view.center_map.x - $x0) / $upp + 100 | fabs) < 2 and ((.view.center_map.y - $y0) / $upp - 50 | fabs) < 2' \
  "the quick drag did not pan by -100,50 px" --argjson x0 "$X0" --argjson y0 "$Y0" --argjson upp "$UPP0"
echo "ok: quick drag panned by 100,50 px"

# 5. A fast flick: three wheel notches 10 ms apart, at the window centre, from the panel.
read -r UPP1 < <(jq -r .view.units_per_pixel "$STATE")
to_panel
xdotool mousemove --window "$WID" $((W / 2)) $((H / 2)) click --repeat 3 --delay 10 4
e2e_wait_state '($upp / .view.units_per_pixel - 1.953125 | fabs) < 0.02' \
  "the wheel flick did not zoom by 1.25^3 = 1.953" --argjson upp "$UPP1"
echo "ok: wheel flick zoomed x$(jq -r --argjson upp "$UPP1" '$upp / .view.units_per_pixel' "$STATE")"

e2e_quit
echo "PASS"
