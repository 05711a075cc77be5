#!/usr/bin/env bash
# End to end: the Debug menu (ImGui demo and metrics) is offered only with --debug. Reads the
# menu bar's titles from --dump-state ("widgets": menu.File, menu.View, menu.Debug).
# Usage: bash tests/e2e/debug_menu.sh path/to/compound-atlas
set -euo pipefail
APP=$(realpath "${1:?usage: debug_menu.sh path/to/compound-atlas}")
source "$(dirname "$0")/lib.sh"
e2e_setup debug 491 540 1280x900x24 jq

menus() { jq -r '.widgets | keys[] | select(startswith("menu."))' "$1" | tr '\n' ' '; }

"$APP" --no-basemap --size 900x600 --quit-after-frames 3 --dump-state "$WORK/plain.json" 2>"$WORK/plain.log"
echo "menus: $(menus "$WORK/plain.json")"
jq -e '.widgets["menu.File"] and .widgets["menu.View"]' "$WORK/plain.json" >/dev/null || fail "no File/View menu in the state"
jq -e '.widgets["menu.Debug"] == null' "$WORK/plain.json" >/dev/null || fail "the Debug menu is offered without --debug"

"$APP" --no-basemap --size 900x600 --quit-after-frames 3 --debug --dump-state "$WORK/debug.json" 2>"$WORK/debug.log"
echo "menus with --debug: $(menus "$WORK/debug.json")"
jq -e '.widgets["menu.Debug"]' "$WORK/debug.json" >/dev/null || fail "--debug did not offer the Debug menu"
echo "PASS"
