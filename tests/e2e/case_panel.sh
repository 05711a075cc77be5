#!/usr/bin/env bash
# End to end: the compounds and incidents panel in the real viewer under Xvfb. A7 Park shares
# the Bavet town point with three other compounds. Zoomed out they stack: a real click on
# the stack opens a list of all four, and a click on "A7 Park" in it selects it; zoomed in
# they spread in a ring and a click on the A7 Park marker selects it. Asserts from
# --dump-state that the panel shows the Bavet raid with its figures (2,044 published,
# breakdown 2,153 flagged), the deportation as "possibly linked" and numbered sources, and
# from the screenshot that the nationality chart is drawn. Each step waits on the viewer's state
# (test command "dump"), never on a guessed sleep.
# Usage: bash tests/e2e/case_panel.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: case_panel.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup case-panel 141 190 1400x900x24 xdotool import convert jq python3
W=1280; H=800

# Starts the viewer ($1 = name, then extra options), waits for its first full frame.
start() {
  local name=$1; shift
  CMDS="$WORK/$name.commands"
  : >"$CMDS"
  mkdir -p "$WORK/shots-$name"
  ATLAS_SCREENSHOT_DIR="$WORK/shots-$name" "$APP" --size ${W}x${H} --dump-state "$WORK/$name.json" \
    --test-commands "$CMDS" --ready-file "$WORK/$name.ready" "$@" 2>"$WORK/$name.log" &
  APP_PID=$!
  LOG="$WORK/$name.log"
  e2e_wait_ready "$WORK/$name.ready"
}
stop() { e2e_quit; }
# A click at X,Y once the viewer has seen the pointer there; then waits until JQ_FILTER holds.
click() { e2e_move "$1" "$2"; xdotool click 1; e2e_wait_state "$3" "$4"; }
# The marker of compound $2 in state file $1: "x y" (window pixels; the window is not high-DPI here).
marker() { jq -r --arg id "$2" '.cases.markers[] | select(.id == $id) | "\(.x|round) \(.y|round)"' "$1"; }

# 1. Default view: the four Bavet compounds are stacked; every one has a marker.
"$APP" --size ${W}x${H} --quit-after-frames 3 --dump-state "$WORK/s0.json" 2>"$WORK/app0.log"
jq -e '.cases.loaded' "$WORK/s0.json" >/dev/null || fail "case store not loaded: $(jq -c .cases.error "$WORK/s0.json")"
for id in a7-park bavet-crown bavet-hengheng bavet-mocbai; do
  [[ -n $(marker "$WORK/s0.json" $id) ]] || fail "no marker for $id"
done
[[ $(jq '[.cases.markers[] | select(.group_size == 4 and .stacked)] | length' "$WORK/s0.json") == 4 ]] ||
  fail "the Bavet compounds are not stacked in the default view"
read -r AX AY < <(marker "$WORK/s0.json" a7-park)
echo "Bavet stack at $AX,$AY"

# 2. Click the stack: a list of all four opens (run once to learn where it draws its rows).
start pick1
click "$AX" "$AY" '(.cases.picker | length) > 0' "a click on the Bavet stack opened no list"
stop
[[ $(jq '.cases.picker | length' "$WORK/pick1.json") == 4 ]] || fail "the list does not offer the four Bavet compounds: $(jq -c .cases.picker "$WORK/pick1.json")"
read -r PX PY < <(jq -r '.cases.picker[] | select(.id == "a7-park") | "\(.x|round) \(.y|round)"' "$WORK/pick1.json")

# 3. Again, and pick A7 Park from the list with a real click; screenshot with the panel.
start pick2
click "$AX" "$AY" '(.cases.picker | length) == 4' "a click on the Bavet stack did not list the four compounds"
click "$PX" "$PY" '.cases.selected_compound == "a7-park"' "a click on A7 Park in the list did not select it"
# Scroll the panel down to the incidents, as a reader would: notch by notch, each seen, until
# six notches went in or the panel is at its end.
e2e_move $((W - 220)) 500
for i in 1 2 3 4 5 6; do
  SCROLL=$(jq '.widgets["cases.panel"].scroll_y' "$STATE")
  jq -e '.widgets["cases.panel"] | .scroll_y >= .scroll_max_y' "$STATE" >/dev/null && break
  xdotool click 5
  e2e_wait_state '.widgets["cases.panel"] | .scroll_y > $s or .scroll_y >= .scroll_max_y' "wheel notch $i did not scroll the panel" \
    --argjson s "$SCROLL"
done
echo "panel scrolled to $(jq -r '.widgets["cases.panel"] | "\(.scroll_y) of \(.scroll_max_y)"' "$STATE")"
e2e_move 300 700
xdotool key shift+F12
e2e_wait_log "screenshot saved to" "$LOG" "Shift+F12 saved no screenshot"
e2e_state # a frame after it: what the X screen shows
import -window root "$WORK/picked.png"
stop
check_panel() {
  local f=$1
  [[ $(jq -r '.cases.selected_compound' "$f") == a7-park ]] || fail "$f: selected $(jq -r .cases.selected_compound "$f"), not a7-park"
  [[ $(jq -r '.selected' "$f") == null ]] || fail "$f: a basemap feature was selected too: $(jq -c .selected "$f")"
  python3 - "$f" <<'PY' || fail "$f: panel content"
import json, sys
p = json.load(open(sys.argv[1]))["cases"]["panel"]
assert p["compound"]["name"] == "A7 Park", p["compound"]
assert "Svay Rieng" in p["compound"]["province"], p["compound"]
assert "Vietnam" in p["compound"]["border"], p["compound"]
inc = {i["id"]: i for i in p["incidents"]}
raid = inc["2026-01-31-a7-park-raid"]
assert raid["kind"] == "raid" and raid["relation"] == "at", raid
assert raid["total"] == 2044 and raid["breakdown_sum"] == 2153 and raid["breakdown_exceeds_total"], raid
bars = {b["code"]: b["count"] for b in raid["by_nationality"]}
assert bars == {"CN": 1792, "MM": 179, "VN": 177, "TW": 5}, bars
assert raid["personnel"] == 700, raid
nums = [s["number"] for s in raid["sources"]]
assert len(nums) >= 3 and all(n >= 1 for n in nums), raid["sources"]
assert all(s["url"].startswith("http") for s in raid["sources"]), raid["sources"]
dep = inc["2026-02-02-techo-deportation"]
assert dep["relation"] == "possibly linked", dep
order = [i["id"] for i in p["incidents"]]
assert order.index(raid["id"]) < order.index(dep["id"]), order
assert "breakdown-exceeds-total" in p["findings"], p["findings"]
print("ok: panel shows the raid (2,044; breakdown 2,153 flagged), sources", nums)
PY
}
check_panel "$WORK/pick2.json"
# The nationality chart's bars (#0072B2) are drawn in the panel (right part of the window).
SHOT=$(ls "$WORK"/shots-pick2/compound-atlas-*.png 2>/dev/null | head -1)
[[ -n $SHOT ]] || fail "Shift+F12 wrote no screenshot"
BARS=$(convert "$SHOT" -crop "440x$((H - 60))+$((W - 450))+30" +repage -fill black +opaque "#0072B2" -fill white -opaque "#0072B2" \
  -format "%[fx:round(mean*w*h)]" info:)
echo "chart pixels in the panel: $BARS"
[[ $BARS -gt 400 ]] || fail "no nationality chart in the panel screenshot"

# 4. Zoomed in on Bavet the four spread in a ring; click A7 Park's own marker.
VIEW=105.95,10.98,106.32,11.16
"$APP" --size ${W}x${H} --view $VIEW --quit-after-frames 3 --dump-state "$WORK/z0.json" 2>"$WORK/z0.log"
[[ $(jq '[.cases.markers[] | select(.group_size == 4 and .spread)] | length' "$WORK/z0.json") == 4 ]] ||
  fail "zoomed in, the Bavet compounds are not spread"
read -r ZX ZY < <(marker "$WORK/z0.json" a7-park)
echo "A7 Park spread to $ZX,$ZY"
# On a copy of the store, which another program changes meanwhile: the viewer notices and reloads.
cp data/cases.gpkg "$WORK/cases.gpkg"
ATLAS_CASES="$WORK/cases.gpkg" start zoom --view $VIEW
click "$ZX" "$ZY" '.cases.selected_compound == "a7-park"' "a click on A7 Park's marker did not select it"
e2e_move 300 700
import -window root "$WORK/zoomed.png"
RELOADS=$(jq '.cases.reloads' "$STATE")
"$APP" cases set-status bavet-crown closed --date 2026-02-03 --db "$WORK/cases.gpkg" >"$WORK/set-status.log" 2>&1 ||
  fail "cases set-status: $(cat "$WORK/set-status.log")"
# Others' saves appear within 3 s (the change poll); allow a loaded machine more.
E2E_WAIT_S=30 e2e_wait_state '.cases.reloads > $r' "the viewer did not reload the store after another program saved" \
  --argjson r "$RELOADS"
stop
check_panel "$WORK/zoom.json"
[[ $(jq '.cases.reloads' "$WORK/zoom.json") -ge 1 ]] || fail "the viewer did not reload the store after another program saved"
if [[ -n ${CASE_E2E_SHOTS:-} ]]; then mkdir -p "$CASE_E2E_SHOTS"; cp "$SHOT" "$CASE_E2E_SHOTS/picked-ui.png"; cp "$WORK"/*.png "$CASE_E2E_SHOTS/"; fi
echo "PASS"
