#!/usr/bin/env bash
# End to end: the UI scale follows the display and its overrides (viewer/app/ui_scale.hpp). On
# a 192-dpi screen the viewer draws at scale 2 by itself; ATLAS_UI_SCALE=1 brings it back to 1;
# --ui-scale wins over both. Asserts from --dump-state the scale and where it came from, that
# the widgets (menu titles, the search box, the Layers panel) are twice as large at scale 2 as
# at scale 1, and that the map is still laid out in the window's pixels: a compound is drawn
# where the view puts its point.
# KEEP_SHOT=DIR keeps the screenshots (with the panels), to look at.
# Usage: bash tests/e2e/ui_scale.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: ui_scale.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
E2E_XVFB_ARGS="-dpi 192" e2e_setup ui-scale 791 840 1600x1000x24 jq python3

run() { # TAG [ARGS...]: the viewer for a few frames, its state in $WORK/TAG.json
  local tag=$1; shift
  "$APP" --size 1400x900 --quit-after-frames 5 --dump-state "$WORK/$tag.json" --screenshot "$WORK/$tag.png" \
    --screenshot-ui "$@" 2>"$WORK/$tag.log" || fail "$tag: the viewer exited with $? ($(tail -2 "$WORK/$tag.log"))"
  echo "$tag: $(jq -c .ui "$WORK/$tag.json")"
}
run display
ATLAS_UI_SCALE=1 run env1
ATLAS_UI_SCALE=1 run option2 --ui-scale 2
ATLAS_UI_SCALE=junk run junk

jq -e '.ui.scale == 2 and .ui.scale_source == "display" and .ui.pixel_ratio == 2' "$WORK/display.json" >/dev/null ||
  fail "a 192-dpi screen did not give scale 2: $(jq -c .ui "$WORK/display.json")"
jq -e '.ui.scale == 1 and .ui.scale_source == "ATLAS_UI_SCALE"' "$WORK/env1.json" >/dev/null ||
  fail "ATLAS_UI_SCALE=1 did not win over the display: $(jq -c .ui "$WORK/env1.json")"
jq -e '.ui.scale == 2 and .ui.scale_source == "--ui-scale"' "$WORK/option2.json" >/dev/null ||
  fail "--ui-scale 2 did not win over ATLAS_UI_SCALE: $(jq -c .ui "$WORK/option2.json")"
jq -e '.ui.scale == 2 and .ui.scale_source == "display"' "$WORK/junk.json" >/dev/null ||
  fail "a bad ATLAS_UI_SCALE was not ignored: $(jq -c .ui "$WORK/junk.json")"
grep -q "warning: ATLAS_UI_SCALE=junk" "$WORK/junk.log" || fail "no warning for ATLAS_UI_SCALE=junk"
# The font is rasterised at the pixels it covers (15 layout pixels), not a small one stretched.
jq -e '.ui.font_px == 15' "$WORK/env1.json" >/dev/null || fail "the UI font at scale 1 is $(jq .ui.font_px "$WORK/env1.json") px"
jq -e '.ui.font_px == 30' "$WORK/option2.json" >/dev/null || fail "the UI font at scale 2 is $(jq .ui.font_px "$WORK/option2.json") px, not 30"
# The window is the same size in pixels at every scale (the drawable is not what scales here).
jq -e '.window.drawable_width == 1400 and .window.drawable_height == 900' "$WORK/option2.json" >/dev/null ||
  fail "the window is $(jq -c .window "$WORK/option2.json")"

# Twice the size at scale 2, within the rounding of glyph advances (a few pixels, 2 %).
python3 - "$WORK/env1.json" "$WORK/option2.json" "$WORK/display.json" <<'PY' || fail "widget sizes do not follow the scale, or the map moved"
import json, math, sys
one, *twos = (json.load(open(p)) for p in sys.argv[1:])
for two in twos:
    # The Compounds panel is at most a third of the window wide: only the search box's height.
    for name, dims in (("menu.File", "wh"), ("menu.Help", "wh"), ("cases.search", "h"), ("layers.panel", "wh")):
        a, b = one["widgets"][name], two["widgets"][name]
        for d in dims:
            assert a[d] > 0 and abs(b[d] - 2 * a[d]) <= max(3, 0.02 * a[d]), f"{name}.{d}: {a[d]} at scale 1, {b[d]} at scale 2"
# The map is laid out in the window's pixels whatever the scale: a compound alone at its point
# is drawn where the view puts that point (Web Mercator; Jin Bei, Sihanoukville).
R = 6378137.0
for s in (one, *twos):
    v, w = s["view"], s["window"]
    x = R * math.radians(103.5); y = R * math.log(math.tan(math.pi / 4 + math.radians(10.6333) / 2))
    ex = (x - v["center_map"]["x"]) / v["units_per_pixel"] + w["drawable_width"] / 2
    ey = (v["center_map"]["y"] - y) / v["units_per_pixel"] + w["drawable_height"] / 2
    m = {m["id"]: m for m in s["cases"]["markers"]}["sihanoukville-jinbei"]
    assert abs(m["x"] - ex) < 1.5 and abs(m["y"] - ey) < 1.5, (s["ui"], m, ex, ey)
w = one["widgets"]["cases.search"]
print(f"ok: search box {w['w']:.0f}x{w['h']:.0f} at scale 1, "
      f"{twos[0]['widgets']['cases.search']['w']:.0f}x{twos[0]['widgets']['cases.search']['h']:.0f} at scale 2")
PY
if [[ -n ${KEEP_SHOT:-} ]]; then mkdir -p "$KEEP_SHOT"; cp "$WORK"/*.png "$KEEP_SHOT/"; fi
echo "PASS"
