#!/usr/bin/env bash
# End to end: a modal dialog never traps the user (issue 18). With File > Open's dialog up
# (Ctrl+O; the built-in one, as zenity is kept off the viewer's PATH), Esc closes it as its
# Cancel would, and Ctrl+Q quits the viewer through the normal path (exit status 0, state
# written on the way out) while the dialog is open. Waits on the viewer's state (test command
# "dump") and on its exit, never on a guessed sleep.
# Usage: bash tests/e2e/modal_keys.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: modal_keys.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup modal 991 1040 1280x900x24 xdotool jq
mkdir "$WORK/no-tools" # the viewer's PATH: no zenity there, so Ctrl+O shows the built-in dialog

PATH="$WORK/no-tools" "$APP" --size 1024x700 --no-basemap --cases "$WORK/no-cases.gpkg" --test-commands "$CMDS" \
  --ready-file "$WORK/ready" --dump-state "$WORK/exit.json" 2>"$WORK/app.log" &
APP_PID=$!
e2e_wait_ready "$WORK/ready"
xdotool mousemove --window "$WID" 500 400 # keys go where the pointer is (no window manager)
e2e_wait_state '.modal == null' "a modal dialog is open at the start"

xdotool key ctrl+o
e2e_wait_state '.modal == "Open layers"' "Ctrl+O showed no Open layers dialog"
echo "ok: Ctrl+O opened the dialog"
xdotool key Escape
e2e_wait_state '.modal == null' "Esc left the dialog open"
echo "ok: Esc closed it"

xdotool key ctrl+o
e2e_wait_state '.modal == "Open layers"' "Ctrl+O did not open the dialog again"
xdotool key ctrl+q
for _ in $(seq 200); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$APP_PID" 2>/dev/null && fail "Ctrl+Q with the dialog open did not quit within 20 s"
wait "$APP_PID" && RC=0 || RC=$?
APP_PID=""
[[ $RC == 0 ]] || fail "the viewer exited with $RC after Ctrl+Q (expected 0); log: $(tail -3 "$WORK/app.log")"
[[ -s $WORK/exit.json ]] || fail "no state written on the way out (not the normal quit path)"
jq -e '.modal == "Open layers"' "$WORK/exit.json" >/dev/null || fail "the dialog was not open when the viewer quit"
echo "ok: Ctrl+Q quit with the dialog open, exit status 0"
echo "PASS"
