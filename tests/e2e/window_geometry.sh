#!/usr/bin/env bash
# End to end: the window's first start fits the screen (not 1280x800 in the middle of it); its
# size and position are remembered in $XDG_CONFIG_HOME/compound-atlas/window.json and come back
# on the next start; --size is for one run and changes nothing remembered. Waits on the
# viewer's state (test command "dump").
# Usage: bash tests/e2e/window_geometry.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: window_geometry.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
SW=1600; SH=1000
e2e_setup window 641 690 ${SW}x${SH}x24 xdotool jq

SAVED="$XDG_CONFIG_HOME/compound-atlas/window.json"

start() { # start [ARGS...]: the viewer on a fresh command file, waited for
  : >"$CMDS"
  "$APP" --no-basemap --test-commands "$CMDS" --ready-file "$WORK/ready.$1" "${@:2}" 2>"$WORK/app.$1.log" &
  APP_PID=$!
  e2e_wait_ready "$WORK/ready.$1"
}

# A first start: bigger than the old 1280x800 default, within the screen.
start 1
e2e_state
read -r W H X Y < <(jq -r '.window | "\(.width) \(.height) \(.x) \(.y)"' "$STATE")
echo "first start: ${W}x${H} at $X,$Y on a ${SW}x${SH} screen"
(( W > 1280 && H > 800 && X >= 0 && Y >= 0 && X + W <= SW && Y + H <= SH )) || fail "the first window ${W}x${H}+$X+$Y does not fit the ${SW}x${SH} screen"
[[ ! -e $SAVED ]] || fail "window.json written before the window closed"

# The user moves and resizes it, then quits: that is what comes back.
xdotool windowsize "$WID" 1000 640
xdotool windowmove "$WID" 120 90
e2e_wait_state '.window.width == 1000 and .window.height == 640 and .window.x == 120 and .window.y == 90' \
  "the window did not take its new size and place: $(jq -c .window "$STATE")"
e2e_quit
[[ -s $SAVED ]] || fail "no $SAVED after quitting"
echo "remembered: $(jq -c . "$SAVED")"
jq -e '.width == 1000 and .height == 640 and .x == 120 and .y == 90' "$SAVED" >/dev/null || fail "window.json holds $(jq -c . "$SAVED")"
[[ -s $XDG_CONFIG_HOME/compound-atlas/imgui.ini ]] || fail "the panel layout (imgui.ini) was not saved"

start 2
e2e_wait_state '.window.width == 1000 and .window.height == 640 and .window.x == 120 and .window.y == 90' \
  "the second start did not come back as closed"
e2e_quit

# --size: this run only.
cp "$SAVED" "$WORK/before.json"
start 3 --size 800x600
e2e_wait_state '.window.width == 800 and .window.height == 600' "--size 800x600 was not taken"
e2e_quit
cmp -s "$SAVED" "$WORK/before.json" || fail "a --size run changed window.json: $(jq -c . "$SAVED")"

# A damaged file is a first start, not an error.
echo '{"x": "left"' >"$SAVED"
start 4
e2e_state
jq -e --argjson w "$W" '.window.width == $w' "$STATE" >/dev/null || fail "a damaged window.json did not give the fitted size: $(jq -c .window "$STATE")"
e2e_quit
echo "PASS"
