# Shared by the end-to-end tests (sourced, not a test): the common start (e2e_setup), a private
# Xvfb display, waiting on the viewer's state, and cleanup of what a test started.
#
#   set -euo pipefail
#   APP=$(realpath "${1:?usage: NAME.sh path/to/compound-atlas}")
#   source "$(dirname "$0")/lib.sh"
#   e2e_setup NAME FIRST LAST WxHxDEPTH [TOOL...]

# e2e_setup NAME FIRST LAST WxHxDEPTH [TOOL...]: skips the test (exit 77) when Xvfb or a TOOL is
# missing; makes WORK (/tmp/atlas-NAME.*, removed on exit unless KEEP_E2E=1); defines fail();
# starts Xvfb on a free display in FIRST..LAST (tests run in parallel, so each script keeps its
# own range); points the viewer at the sample case store, read-only, and at a config folder of
# its own (window size, recent files); makes an empty test-command file CMDS.
e2e_setup() {
  local name=$1 first=$2 last=$3 screen=$4 tool
  shift 4
  for tool in Xvfb "$@"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
  done
  WORK=$(mktemp -d "/tmp/atlas-$name.XXXXXX")
  fail() { echo "FAIL: $*" >&2; exit 1; }
  e2e_start_xvfb "$first" "$last" "$screen"
  export ATLAS_CASES="$E2E_SOURCE_DIR/data/cases.gpkg"
  export XDG_CONFIG_HOME="$WORK/config"
  CMDS="$WORK/commands"
  : >"$CMDS"
}

# The source tree (data/, the sample case store).
E2E_SOURCE_DIR=$(realpath "$(dirname "${BASH_SOURCE[0]}")/../..")

# On exit: the viewer if still up, Xvfb, and WORK.
e2e_cleanup() {
  [[ -n ${APP_PID:-} ]] && kill "$APP_PID" 2>/dev/null || true
  kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  if [[ ${KEEP_E2E:-0} != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}

# e2e_start_xvfb FIRST LAST WxHxDEPTH: Xvfb on a free display number in FIRST..LAST (and the
# options in E2E_XVFB_ARGS). Needs WORK and fail(). Sets DISPLAY, XVFB_PID and APP_PID="".
e2e_start_xvfb() {
  local first=$1 last=$2 screen=$3 n
  DISPLAY_NUM=""
  for n in $(seq "$first" "$last"); do
    if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then DISPLAY_NUM=$n; break; fi
  done
  [[ -n $DISPLAY_NUM ]] || fail "no free X display"
  # shellcheck disable=SC2086 # E2E_XVFB_ARGS: more options for Xvfb (e.g. -dpi 192), split on spaces
  Xvfb ":$DISPLAY_NUM" -screen 0 "$screen" -nolisten tcp ${E2E_XVFB_ARGS:-} >"$WORK/xvfb.log" 2>&1 &
  XVFB_PID=$!
  APP_PID=""
  trap e2e_cleanup EXIT
  export DISPLAY=":$DISPLAY_NUM"
  unset SDL_VIDEODRIVER
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
}

# After "$APP" ... --ready-file FILE & APP_PID=$!: waits for the window (sets WID) and for
# FILE (the first full frame), at most 60 s; fails if the viewer dies meanwhile.
e2e_wait_ready() {
  local ready=$1 what=${2:-"the viewer did not show a frame within 60 s"}
  for _ in $(seq 600); do [[ -e $ready ]] && break; kill -0 "$APP_PID" || fail "viewer died"; sleep 0.1; done
  [[ -e $ready ]] || fail "$what"
  # Once the frame is up. `xdotool search` dies on an X error when a window it lists vanishes
  # before it asks about it (seen under load while the viewer started: BadWindow), so ask again.
  WID=""
  for _ in $(seq 50); do
    WID=$(xdotool search --onlyvisible --name "Compound Atlas" 2>/dev/null | head -1) || true
    [[ -n $WID ]] && break
    sleep 0.1
  done
  [[ -n $WID ]] || fail "no window"
}

# Ctrl+Q, SIGTERM if the viewer is still up after 5 s; sets RC to its exit status and fails
# unless it is $1 (default 0).
e2e_quit() {
  local want=${1:-0}
  xdotool key ctrl+q
  for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$APP_PID" 2>/dev/null; then echo "Ctrl+Q not seen; sending SIGTERM"; kill -TERM "$APP_PID"; fi
  wait "$APP_PID" && RC=0 || RC=$?
  APP_PID=""
  [[ $RC == "$want" ]] || fail "viewer exited with $RC (expected $want)"
}

# With the viewer started with --test-commands "$CMDS": asks it for its state (the test command
# "dump", written at the end of a frame) and waits for it, at most 30 s. Sets STATE to the file.
e2e_state() {
  E2E_DUMPS=$(( ${E2E_DUMPS:-0} + 1 ))
  STATE="$WORK/state.$E2E_DUMPS.json"
  echo "dump $STATE" >>"$CMDS"
  for _ in $(seq 300); do [[ -e $STATE ]] && return 0; kill -0 "$APP_PID" || fail "viewer died"; sleep 0.1; done
  fail "the viewer wrote no state within 30 s"
}

# e2e_wait_state JQ_FILTER WHAT [JQ_ARGS...]: asks for the state until JQ_FILTER holds on it, at
# most E2E_WAIT_S seconds (20); then fails with WHAT and what the filters mostly read.
e2e_wait_state() {
  local filter=$1 what=$2 start=$SECONDS
  shift 2
  while :; do
    e2e_state
    jq -e "$@" "$filter" "$STATE" >/dev/null && return 0
    (( SECONDS - start < ${E2E_WAIT_S:-20} )) || fail "$what; state: $(jq -c '{view: .view.center_map, upp: .view.units_per_pixel, pointer, hover, selected, ui, search: .cases.search}' "$STATE")"
  done
}

# e2e_move X Y: the pointer to window pixel X,Y, and waits until the viewer has seen it there.
e2e_move() {
  xdotool mousemove --window "$WID" "$1" "$2"
  e2e_wait_state '.pointer.x == $x and .pointer.y == $y' "the pointer never reached $1,$2" --argjson x "$1" --argjson y "$2"
}

# e2e_wait_log PATTERN FILE WHAT [SECONDS]: waits until FILE (the viewer's stderr) has a line
# matching PATTERN (grep -E), at most SECONDS (20); fails with WHAT.
e2e_wait_log() {
  local i
  for i in $(seq $(( ${4:-20} * 10 ))); do
    grep -qE -- "$1" "$2" && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
  done
  grep -qE -- "$1" "$2" || fail "$3"
}
