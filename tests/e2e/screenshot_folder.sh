#!/usr/bin/env bash
# End to end: F12 saves the map into the XDG pictures folder (user-dirs.dirs, made when
# missing), else ~/Pictures, or the folder --screenshot-dir names; never the current directory;
# and it says where (stderr, toast).
# Usage: bash tests/e2e/screenshot_folder.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: screenshot_folder.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup shots 441 490 1280x900x24 xdotool

export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config"
unset ATLAS_SCREENSHOT_DIR XDG_PICTURES_DIR
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$WORK/cwd"
cd "$WORK/cwd"

# Starts the viewer ($1 = log name, then options), presses F12 once the first frame is up,
# waits for the line saying where the file went (at most 20 s), quits. Prints that path.
shoot() {
  local name=$1; shift
  "$APP" --no-basemap --size 900x600 --ready-file "$WORK/$name.ready" "$@" 2>"$WORK/$name.log" &
  APP_PID=$!
  e2e_wait_ready "$WORK/$name.ready" >&2
  xdotool key --window "$WID" F12
  e2e_wait_log "screenshot saved to" "$WORK/$name.log" "$name: F12 said nothing" 20
  e2e_quit >&2
  sed -n 's/^compound-atlas: screenshot saved to //p' "$WORK/$name.log" | head -1
}

# 1. The XDG pictures folder from user-dirs.dirs (not there yet: made).
echo 'XDG_PICTURES_DIR="$HOME/Bilder"' > "$XDG_CONFIG_HOME/user-dirs.dirs"
SHOT=$(shoot xdg)
echo "with user-dirs.dirs: $SHOT"
[[ $SHOT == "$HOME/Bilder/compound-atlas-"*.png ]] || fail "not in the XDG pictures folder: $SHOT"
[[ -s $SHOT ]] || fail "no file at $SHOT"

# 2. No user-dirs.dirs: ~/Pictures, made.
rm "$XDG_CONFIG_HOME/user-dirs.dirs"
SHOT=$(shoot home)
echo "without: $SHOT"
[[ $SHOT == "$HOME/Pictures/compound-atlas-"*.png && -s $SHOT ]] || fail "not in ~/Pictures: $SHOT"

# 3. --screenshot-dir wins.
SHOT=$(shoot chosen --screenshot-dir "$WORK/chosen")
echo "--screenshot-dir: $SHOT"
[[ $SHOT == "$WORK/chosen/compound-atlas-"*.png && -s $SHOT ]] || fail "not in --screenshot-dir: $SHOT"

ls "$WORK/cwd"/*.png 2>/dev/null && fail "a screenshot went into the current directory"
echo "PASS"
