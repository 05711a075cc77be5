#!/usr/bin/env bash
# End to end: real keystrokes from xdotool reach the panels' text fields. xdotool presses and
# releases a key within one frame, which ImGui 1.86 never saw (viewer/app/input_pacer.hpp):
# Backspace, Enter and Ctrl+A were lost while typed letters arrived. Types into the
# Compounds panel's search box: "zz", two Backspaces, "shwe", Ctrl+A, "kk park", Enter; asserts
# from the viewer's state after each step that the box holds what was typed and that Enter
# selected KK Park. Waits on that state (test command "dump"), never on a guessed sleep.
# Usage: bash tests/e2e/keyboard_input.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: keyboard_input.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup keys 341 390 1400x900x24 xdotool jq
W=1200; H=800

# Where the panel draws its search box.
"$APP" --size ${W}x${H} --quit-after-frames 5 --dump-state "$WORK/s0.json" 2>"$WORK/app0.log"
read -r SX SY < <(jq -r '.widgets["cases.search"] // empty | "\(.x|round) \(.y|round)"' "$WORK/s0.json") || true
[[ $SX != null && -n $SX ]] || fail "no search box in the state: $(jq -c .widgets "$WORK/s0.json")"
echo "search box at $SX,$SY"

"$APP" --size ${W}x${H} --dump-state "$WORK/s1.json" --test-commands "$CMDS" --ready-file "$WORK/ready" \
  2>"$WORK/app1.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
xdotool mousemove --window "$WID" "$SX" "$SY"
e2e_wait_state '.pointer.x == $x and .pointer.y == $y' "the pointer never reached the search box" \
  --argjson x "$SX" --argjson y "$SY"
xdotool click 1
e2e_wait_state '.ui.text_input' "the click did not put the keyboard in the search box"
xdotool type --delay 60 zz
e2e_wait_state '.cases.search == "zz"' "typing 'zz' did not arrive"
xdotool key BackSpace BackSpace
e2e_wait_state '.cases.search == ""' "Backspace lost: the box is not empty"
xdotool type --delay 60 shwe
e2e_wait_state '.cases.search == "shwe"' "typing 'shwe' did not arrive"
xdotool key ctrl+a
xdotool type --delay 60 "kk park"
e2e_wait_state '.cases.search == "kk park"' "Ctrl+A lost: the box does not hold just 'kk park'"
xdotool key Return
e2e_wait_state '.cases.selected_compound == "kk-park"' "Enter did not pick KK Park"
e2e_quit
SEARCH=$(jq -r '.cases.search' "$WORK/s1.json")
SELECTED=$(jq -r '.cases.selected_compound' "$WORK/s1.json")
echo "search box: '$SEARCH', selected: $SELECTED"
[[ $SEARCH == "kk park" ]] || fail "the search box holds '$SEARCH', not 'kk park' (Backspace or Ctrl+A lost)"
[[ $SELECTED == kk-park ]] || fail "Enter did not pick KK Park (selected: $SELECTED)"
echo "PASS"
