#!/usr/bin/env bash
# End to end: the real viewer under Xvfb in other map CRSs, chosen on the command line
# (--crs), by a session file (map_crs) and in the running window (View > Map CRS). Asserts from --dump-state that the view is in that CRS,
# the basemap layers loaded without errors, and compounds are drawn where PROJ's own tool
# (gdaltransform, not the app) puts them; and from the screenshot that Cambodia's land and
# the Gulf of Thailand are drawn where they should be.
# Usage: bash tests/e2e/map_crs.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: map_crs.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup map-crs 241 290 1280x900x24 jq gdaltransform python3
[[ -x /usr/bin/convert ]] || { echo "SKIP: /usr/bin/convert missing"; exit 77; }
W=1024; H=700

BASEMAP="$E2E_SOURCE_DIR/data/basemap.gpkg"

# Screen pixel of LON LAT in the view of STATE (map coordinates from gdaltransform).
screen_of() {
  local state=$1 lon=$2 lat=$3 crs mx my
  crs=$(jq -r .view.crs "$state")
  read -r mx my < <(echo "$lon $lat" | gdaltransform -s_srs EPSG:4326 -t_srs "$crs" -output_xy)
  python3 - "$mx" "$my" "$(jq .view.center_map.x "$state")" "$(jq .view.center_map.y "$state")" \
    "$(jq .view.units_per_pixel "$state")" "$(jq .window.drawable_width "$state")" \
    "$(jq .window.drawable_height "$state")" <<'PY'
import sys
mx, my, cx, cy, upp, w, h = map(float, sys.argv[1:])
print(f"{(mx - cx) / upp + w / 2:.2f} {(cy - my) / upp + h / 2:.2f}")
PY
}

# Mean colour of the 5x5 pixels around X Y: "R G B" 0..255.
colour_at() {
  /usr/bin/convert "$1" -crop "5x5+$(($2 - 2))+$(($3 - 2))" -resize '1x1!' -depth 8 txt:- | tail -1 |
    sed -E 's/.*\(([0-9.]+),([0-9.]+),([0-9.]+).*/\1 \2 \3/' | awk '{printf "%d %d %d\n", $1, $2, $3}'
}

check_view() {
  local tag=$1 crs=$2 state=$WORK/$1.json shot=$WORK/$1.png log=$WORK/$1.log
  jq -e --arg c "$crs" '.view.crs == $c' "$state" >/dev/null || fail "$tag: view is in $(jq -r .view.crs "$state"), wanted $crs"
  [[ $(jq -r '[.layers[].name] | join(",")' "$state") == "countries,provinces,province_lines,borders" ]] ||
    fail "$tag: layers are $(jq -c '[.layers[].name]' "$state")"
  jq -e '.layers | all(.features > 100)' "$state" >/dev/null || fail "$tag: a basemap layer is (nearly) empty"
  # Only warnings (e.g. features a UTM zone cannot show): no error lines.
  if grep -v -e '^compound-atlas: warning:' -e 'screenshot saved' -e 'session saved' "$log" | grep -q 'compound-atlas:'; then
    fail "$tag: errors in the log: $(grep -v -e warning: "$log" | head -3)"
  fi
  # A compound alone at its point is drawn exactly there; A7 Park (a stack of four at Bavet)
  # within the stack's few pixels.
  local m ex ey
  for id in sihanoukville-jinbei a7-park; do
    m=$(jq -r --arg id "$id" '.cases.markers[] | select(.id == $id) | "\(.x) \(.y)"' "$state")
    [[ -n $m ]] || fail "$tag: no marker for $id"
    case $id in sihanoukville-jinbei) read -r ex ey < <(screen_of "$state" 103.5 10.6333) ;;
                a7-park) read -r ex ey < <(screen_of "$state" 106.1333 11.0667) ;; esac
    local tol=1.5; [[ $id == a7-park ]] && tol=12
    python3 -c "import sys; x,y,ex,ey,t=map(float,sys.argv[1:]); sys.exit(0 if abs(x-ex)<=t and abs(y-ey)<=t else 1)" \
      $m "$ex" "$ey" $tol || fail "$tag: $id drawn at $m, PROJ puts it at $ex $ey"
    echo "$tag: $id drawn at $m (PROJ: $ex $ey)"
  done
  # Land inside Cambodia is a land colour (red above blue); the Gulf of Thailand is sea (blue above red).
  local lx ly sx sy r g b
  read -r lx ly < <(screen_of "$state" 104.3 12.3); read -r sx sy < <(screen_of "$state" 102.5 10.0)
  read -r r g b < <(colour_at "$shot" "${lx%.*}" "${ly%.*}")
  (( r > b )) || fail "$tag: Cambodia at ${lx%.*},${ly%.*} is not land-coloured ($r $g $b)"
  read -r r g b < <(colour_at "$shot" "${sx%.*}" "${sy%.*}")
  (( b > r )) || fail "$tag: the Gulf of Thailand at ${sx%.*},${sy%.*} is not sea-coloured ($r $g $b)"
}

run_app() { # TAG ARGS...
  local tag=$1; shift
  "$APP" --size ${W}x${H} --quit-after-frames 3 --dump-state "$WORK/$tag.json" --screenshot "$WORK/$tag.png" "$@" \
    2>"$WORK/$tag.log" || fail "$tag: the viewer exited with $? ($(tail -2 "$WORK/$tag.log"))"
}

# 1. UTM zone 48N and WGS 84 from the command line.
run_app utm --crs EPSG:32648
check_view utm EPSG:32648
grep -q 'countries: .* features outside what EPSG:32648' "$WORK/utm.log" || fail "utm: no count of the countries left out"
run_app wgs84 --crs 4326
check_view wgs84 EPSG:4326

# 2. A session in UTM 48N: the layers are reloaded in it, view centre and scale as saved.
cat >"$WORK/utm-session.json" <<EOF
{"compound_atlas_session": 1, "map_crs": "EPSG:32648",
 "view": {"center": [105.2, 11.8], "scale": 3000000},
 "layers": [{"source": "$BASEMAP", "layer": "countries", "visible": true, "style": {"palette_fill": true}},
            {"source": "$BASEMAP", "layer": "provinces", "visible": true, "style": {"fill": false}},
            {"source": "$BASEMAP", "layer": "province_lines", "visible": true, "style": {}},
            {"source": "$BASEMAP", "layer": "borders", "visible": true, "style": {}}]}
EOF
run_app session --session "$WORK/utm-session.json"
check_view session EPSG:32648
python3 - "$WORK/session.json" <<'PY' || fail "session: view not where the session put it"
import json, sys
v = json.load(open(sys.argv[1]))["view"]
assert abs(v["center"]["lon"] - 105.2) < 1e-6 and abs(v["center"]["lat"] - 11.8) < 1e-6, v
assert abs(v["scale_denominator"] / 3000000 - 1) < 1e-6, v
PY

# An explicit --crs wins over the session's (as in `export --crs ... --session F`).
run_app session4326 --session "$WORK/utm-session.json" --crs EPSG:4326
check_view session4326 EPSG:4326

# 3. The switch a person makes: View > Map CRS > "UTM zone of the view centre" in the running
# window. Every layer is reloaded in the background; the place and the scale stay.
command -v xdotool >/dev/null || { echo "SKIP: xdotool missing"; exit 77; }
run_app before
"$APP" --size ${W}x${H} --dump-state "$WORK/menu.json" --test-commands "$CMDS" --ready-file "$WORK/ready" \
  2>"$WORK/menu.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
# The menu bar's View, its "Map CRS" row, then the submenu's UTM row: each where the viewer
# says it drew it, clicked once the viewer has seen the pointer there.
click_widget() { # NAME: a click on the widget the last state names
  local x y
  read -r x y < <(jq -r --arg n "$1" '.widgets[$n] | "\(.x|round) \(.y|round)"' "$STATE")
  [[ -n $x && $x != null ]] || fail "menu: no widget $1 in the state: $(jq -c '.widgets | keys' "$STATE")"
  e2e_move "$x" "$y"
  xdotool click 1
}
e2e_state
click_widget menu.View
e2e_wait_state '.widgets["menu.View.Map CRS"] != null' "menu: the View menu did not open"
click_widget "menu.View.Map CRS"
e2e_wait_state '.widgets["menu.View.Map CRS.UTM"] != null' "menu: the Map CRS submenu did not open"
import -window root "$WORK/menu-open.png"
click_widget "menu.View.Map CRS.UTM"
# Every layer comes back in UTM 48N (in the background; a loaded machine may take a while):
# the reload reports what the zone cannot show, then the state has the layers.
e2e_wait_log 'outside what EPSG:32648' "$WORK/menu.log" "menu: the layers did not arrive in UTM 48N within 60 s" 60
E2E_WAIT_S=60 e2e_wait_state '.view.crs == "EPSG:32648" and ([.layers[].name] | join(",")) == "countries,provinces,province_lines,borders" and all(.layers[]; .features > 100)' \
  "menu: the layers are not all in after the switch"
e2e_move 700 600
e2e_quit
jq -e '.view.crs == "EPSG:32648"' "$WORK/menu.json" >/dev/null || fail "menu: view is in $(jq -r .view.crs "$WORK/menu.json")"
[[ $(jq -r '[.layers[].name] | join(",")' "$WORK/menu.json") == "countries,provinces,province_lines,borders" ]] ||
  fail "menu: layers after the switch are $(jq -c '[.layers[].name]' "$WORK/menu.json")"
python3 - "$WORK/before.json" "$WORK/menu.json" <<'PY' || fail "menu: the switch moved the view"
import json, sys
a, b = (json.load(open(f))["view"] for f in sys.argv[1:])
assert abs(a["center"]["lon"] - b["center"]["lon"]) < 1e-6 and abs(a["center"]["lat"] - b["center"]["lat"]) < 1e-6, (a, b)
assert abs(b["scale_denominator"] / a["scale_denominator"] - 1) < 1e-6, (a, b)
PY
m=$(jq -r '.cases.markers[] | select(.id == "sihanoukville-jinbei") | "\(.x) \(.y)"' "$WORK/menu.json")
read -r ex ey < <(screen_of "$WORK/menu.json" 103.5 10.6333)
python3 -c "import sys; x,y,ex,ey=map(float,sys.argv[1:]); sys.exit(0 if abs(x-ex)<=1.5 and abs(y-ey)<=1.5 else 1)" \
  $m "$ex" "$ey" || fail "menu: Sihanoukville drawn at $m, PROJ puts it at $ex $ey"
echo "menu: switched to UTM 48N; Sihanoukville drawn at $m (PROJ: $ex $ey)"

# 4. A code PROJ does not know: one line, usage exit code, no window.
set +e
"$APP" --crs EPSG:999999 --quit-after-frames 1 2>"$WORK/bad.log"; rc=$?
set -e
[[ $rc == 2 ]] || fail "--crs EPSG:999999 exited $rc, wanted 2"
[[ $(wc -l <"$WORK/bad.log") == 1 ]] || fail "--crs EPSG:999999 printed $(wc -l <"$WORK/bad.log") lines"
grep -q "999999" "$WORK/bad.log" || fail "the message does not name the code: $(cat "$WORK/bad.log")"
echo "PASS: map CRS (UTM 48N, WGS 84, session in UTM, View > Map CRS, bad code)"
