#!/usr/bin/env bash
# End to end: Help. F1 (a real key press) opens and closes the keyboard-shortcuts window; a
# click on Help, then on About, opens About, whose library versions are those the system's
# packages report (pkg-config) and whose data licences are data/SOURCES.md's. Waits on the
# viewer's state (test command "dump"), never on a guessed sleep.
# Usage: bash tests/e2e/help_windows.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: help_windows.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup help 741 790 1280x900x24 xdotool jq pkg-config

"$APP" --size 1100x760 --no-basemap --test-commands "$CMDS" --ready-file "$WORK/ready" 2>"$WORK/app.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
e2e_state
jq -e '.help.shortcuts_open == false and .help.about_open == false' "$STATE" >/dev/null || fail "a Help window is open at start"

# F1 opens the list; it names the real shortcuts; F1 again closes it.
xdotool mousemove --window "$WID" 600 500
xdotool key F1
e2e_wait_state '.help.shortcuts_open' "F1 did not open the shortcuts window"
for keys in F1 F12 Shift+F12 Ctrl+Q Ctrl+O Ctrl+S Home Esc M; do
  jq -e --arg k "$keys" 'any(.help.shortcuts[]; .keys == $k)' "$STATE" >/dev/null || fail "the shortcuts list lacks $keys"
done
echo "shortcuts listed: $(jq '.help.shortcuts | length' "$STATE")"
xdotool key F1
e2e_wait_state '.help.shortcuts_open == false' "F1 again did not close the shortcuts window"

# Help > About, by clicking the menu bar and then the item.
read -r HX HY < <(jq -r '.widgets["menu.Help"] | "\(.x|round) \(.y|round)"' "$STATE")
[[ -n $HX && $HX != null ]] || fail "no Help menu in the state: $(jq -c .widgets "$STATE")"
xdotool mousemove --window "$WID" "$HX" "$HY" click 1
e2e_wait_state '.widgets["menu.Help.About"] != null' "the Help menu did not open"
read -r AX AY < <(jq -r '.widgets["menu.Help.About"] | "\(.x|round) \(.y|round)"' "$STATE")
xdotool mousemove --window "$WID" "$AX" "$AY" click 1
e2e_wait_state '.help.about_open and .help.about != null' "Help > About did not open"

want() { pkg-config --modversion "$1"; }
for pair in GDAL:gdal PROJ:proj GEOS:geos SDL:sdl2 "Dear ImGui:imgui"; do
  name=${pair%%:*} pc=${pair#*:}
  got=$(jq -r --arg n "$name" '.help.about.libraries[$n] // empty' "$STATE")
  [[ $got == "$(want "$pc")" ]] || fail "About says $name '$got', the system has $(want "$pc")"
done
echo "libraries: $(jq -c .help.about.libraries "$STATE")"
jq -e '.help.about.data_error == ""' "$STATE" >/dev/null || fail "About could not read the data sources: $(jq -r .help.about.data_error "$STATE")"
jq -e '.help.about.data_summary | test("public domain")' "$STATE" >/dev/null || fail "About does not say the basemap is public domain"
# Every licence in SOURCES.md's Sources table is shown.
for lic in $(sed -n '/^## Sources/,/^## /p' data/SOURCES.md | awk -F'|' 'NR > 0 && /^\| `/ {gsub(/ /, "", $4); print $4}'); do
  jq -e --arg l "$lic" 'any(.help.about.data[]; .licence == $l)' "$STATE" >/dev/null || fail "About lacks the licence $lic"
done
echo "data: $(jq -c '[.help.about.data[] | "\(.source | split(" ")[0]) \(.licence)"]' "$STATE")"
e2e_quit
echo "PASS"
