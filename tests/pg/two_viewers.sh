#!/usr/bin/env bash
# Two app windows on one PostGIS case store (issue #7, "done when"): both edit the same compound
# and neither loses work. Real: two viewer processes under Xvfb, each with its own connection to
# a throwaway PostgreSQL + PostGIS cluster (tests/pg/cluster.sh), started with --db PG:...; the
# live view (the change poll), the conflict check, the database, and the Connect dialog's worker.
# Injected: the form edits and button presses go through --test-commands (viewer/app/
# test_commands), which calls the same functions as the editor's Edit/Save/Reload/Keep mine and
# the dialog's Connect/Add as layers/Use as case store buttons (viewer/cases/case_edit_actions,
# viewer/app/db_connect), because xdotool's Ctrl/Backspace do not reach ImGui 1.86's text
# fields here. What the windows show is read back with the hook's `dump` (the --dump-state
# JSON: the open form, its save status with theirs vs yours, the panel) and checked in psql.
# Also: a connection killed mid-save (pg_terminate_backend while the viewer sleeps inside its
# transaction) leaves the database as it was, says so in the form and keeps the unsaved edit.
# Usage: bash tests/pg/two_viewers.sh path/to/compound-atlas
set -uo pipefail
APP=$(realpath "${1:?usage: two_viewers.sh path/to/compound-atlas}")
for tool in Xvfb xdotool jq psql; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
WORK=$(mktemp -d /tmp/atlas-two-viewers.XXXXXX)
chmod 755 "$WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
source "$(dirname "$0")/cluster.sh"
source "$(dirname "$0")/../e2e/lib.sh"
pg_cluster_start || fail "cannot start a PostgreSQL cluster"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  e2e_cleanup
  pg_cluster_stop
}
e2e_start_xvfb 291 340 1400x900x24
trap cleanup EXIT
export ATLAS_CASES="$PWD/data/cases.gpkg" # the default store, for the window that connects later
q() { psql -X -q -t -A -c "$1"; }
"$APP" cases copy --from data/cases.gpkg --to "$ATLAS_PG" >/dev/null || fail "cases copy to PostgreSQL"

# start NAME X [options...]: a viewer window at x=X with a command file; waits for its first frame.
start() {
  local name=$1 x=$2; shift 2
  : >"$WORK/$name.cmd"
  ATLAS_SCREENSHOT_DIR="$WORK/shots-$name" "$APP" --size 690x820 --ready-file "$WORK/$name.ready" \
    --test-commands "$WORK/$name.cmd" "$@" 2>"$WORK/$name.log" &
  PIDS+=($!)
  eval "PID_$name=$!"
  for _ in $(seq 600); do [[ -e $WORK/$name.ready ]] && break; sleep 0.1; done
  [[ -e $WORK/$name.ready ]] || fail "$name: no first frame within 60 s: $(tail -3 "$WORK/$name.log")"
  local wid
  wid=$(xdotool search --pid "$(eval echo \$PID_$name)" --onlyvisible --name "Compound Atlas" | head -1)
  [[ -n $wid ]] && xdotool windowmove "$wid" "$x" 0
  eval "WID_$name=$wid"
}
# cmd NAME LINE: appends a command and waits until the viewer carried it out; fails on "failed:".
declare -A NCMD
cmd() {
  local name=$1 line=$2 n
  n=$(( ${NCMD[$name]:-0} + 1 )); NCMD[$name]=$n
  printf '%s\n' "$line" >>"$WORK/$name.cmd"
  for _ in $(seq 300); do grep -q "test command $n: " "$WORK/$name.log" && break; sleep 0.1; done
  local res; res=$(grep "test command $n: " "$WORK/$name.log")
  [[ -n $res ]] || fail "$name: command $n ($line) not carried out within 30 s"
  [[ $res == *": done ("* ]] || fail "$name: $line -> $res"
}
# dump NAME: the window's state now, written to a new JSON file whose path is left in $f
# (not printed: a $(subshell) would lose the command count).
NDUMP=0
dump() { NDUMP=$((NDUMP + 1)); cmd "$1" "dump $WORK/$1-$NDUMP.json"; f="$WORK/$1-$NDUMP.json"; }
field() { jq -r "$2" "$1"; }
row() { q "SELECT $2 FROM compounds WHERE id='$1'"; }

# --- 1. Two windows on the same store: the same compound edited in both ---------------------
start a 0 --db "$ATLAS_PG"
start b 700 --db "$ATLAS_PG"
for w in a b; do
  dump $w
  [[ $(field "$f" .cases.loaded) == true && $(field "$f" .cases.store) == PG:* ]] ||
    fail "$w: case store not loaded from PostgreSQL: $(jq -c '.cases | {store, error}' "$f")"
done
pass "both windows opened the PostGIS case store with --db"
status0=$(row a7-park status); v0=$(row a7-park row_version); counter0=$(q "SELECT value FROM meta WHERE key='change_counter'")
[[ $status0 != closed && $status0 != active ]] || fail "unexpected starting status $status0"

cmd a "select a7-park"; cmd b "select a7-park"
cmd a "edit-compound a7-park"; cmd b "edit-compound a7-park"   # both forms hold version $v0
cmd a "set status closed"; cmd a "set notes closed by analyst A"; cmd a "save"
dump a
[[ $(field "$f" .cases.editor.compound.save_status.error) == null && $(field "$f" .cases.editor.saves) == 1 ]] ||
  fail "A's save: $(jq -c .cases.editor "$f")"
[[ $(row a7-park status) == closed && $(row a7-park row_version) == $((v0 + 1)) ]] || fail "A's save did not land: $(row a7-park 'status, row_version')"
pass "the first save lands (status closed, row_version $v0 -> $((v0 + 1)))"

# B's live view picks A's change up without a restart (poll every 3 s) ...
sleep 4
dump b
[[ $(field "$f" .cases.reloads) -ge 1 && $(field "$f" .cases.panel.compound.status) == closed ]] ||
  fail "B's panel does not show A's change: reloads $(field "$f" .cases.reloads), status $(field "$f" .cases.panel.compound.status)"
pass "the second window's panel shows the first's save live"
# ... but B's open form was filled before it: its save is refused, theirs vs yours shown.
cmd b "set status active"; cmd b "save"
dump b
err=$(field "$f" .cases.editor.compound.save_status.error)
[[ $err == *"compounds 'a7-park' changed by someone else"* ]] || fail "B's save was not refused as a conflict: $err"
jq -e '.cases.editor.compound.save_status.conflicts[0].fields | map(select(.field=="status" and .theirs=="closed" and .yours=="active")) | length == 1' "$f" >/dev/null ||
  fail "the conflict view does not show status theirs 'closed' vs yours 'active': $(jq -c .cases.editor.compound.save_status "$f")"
[[ $(field "$f" .cases.editor.compound.status) == active ]] || fail "B's form lost the typed status"
[[ $(row a7-park status) == closed && $(row a7-park notes) == "closed by analyst A" ]] || fail "B's refused save changed the row: $(row a7-park 'status, notes')"
[[ -n ${TWO_VIEWERS_SHOTS:-} ]] && { mkdir -p "$TWO_VIEWERS_SHOTS"; sleep 0.5; import -window root "$TWO_VIEWERS_SHOTS/conflict.png"; }
pass "the second save is refused with theirs vs yours (status: theirs 'closed', yours 'active'); A's row untouched"
# Keep mine: B writes over A, knowingly.
cmd b "keep-mine"
dump b
[[ $(field "$f" .cases.editor.compound.save_status.error) == null ]] || fail "keep mine: $(jq -c .cases.editor "$f")"
[[ $(row a7-park status) == active && $(row a7-park row_version) == $((v0 + 2)) ]] || fail "keep mine did not save: $(row a7-park 'status, row_version')"
[[ $(q "SELECT value FROM meta WHERE key='change_counter'") == $((counter0 + 2)) ]] || fail "expected exactly two commits"
pass "Keep mine saves B's row over A's (row_version $((v0 + 2)), two commits in all)"
sleep 4
dump a
[[ $(field "$f" .cases.panel.compound.status) == active && $(field "$f" .cases.reloads) -ge 1 ]] ||
  fail "A's window does not show B's save: $(jq -c '.cases | {reloads, s: .panel.compound.status}' "$f")"
pass "the first window's live view shows the second's change without restarting"

# --- 2. Reload keeps the typed fields: different fields of one compound, neither lost --------
cmd a "close-editor"; cmd b "close-editor"
cmd a "edit-compound kk-park"; cmd b "edit-compound kk-park"
name0=$(row kk-park name)
cmd a "set notes verified by A"; cmd a "save"
cmd b "set name KK Park (renamed by B)"; cmd b "save"
dump b
[[ $(field "$f" .cases.editor.compound.save_status.error) == *"changed by someone else"* ]] || fail "B's stale save of kk-park was not refused: $(jq -c .cases.editor "$f")"
[[ $(row kk-park name) == "$name0" && $(row kk-park notes) == "verified by A" ]] || fail "kk-park changed by a refused save"
cmd b "reload"
dump b
[[ $(field "$f" .cases.editor.compound.name) == "KK Park (renamed by B)" && $(field "$f" .cases.editor.compound.notes) == "verified by A" ]] ||
  fail "after Reload the form should keep B's name and take A's notes: $(jq -c .cases.editor.compound "$f")"
cmd b "save"
[[ $(row kk-park name) == "KK Park (renamed by B)" && $(row kk-park notes) == "verified by A" ]] ||
  fail "kk-park after Reload + Save: $(row kk-park 'name, notes')"
pass "Reload then Save keeps both: A's notes and B's new name"
"$APP" cases check --db "$ATLAS_PG" >/dev/null || fail "cases check after the edits"

# --- 3. A connection dropped mid-save: message, unsaved edit kept, database consistent -------
notes0=$(row shwe-kokko notes); v1=$(row shwe-kokko row_version)
ATLAS_TEST_SLEEP_IN_TRANSACTION=3 start c 350 --db "$ATLAS_PG"
cmd c "edit-compound shwe-kokko"; cmd c "set notes typed in C, not yet saved"
n=$(( ${NCMD[c]} + 1 )); NCMD[c]=$n
echo "save" >>"$WORK/c.cmd"
for _ in $(seq 100); do grep -q "in transaction" "$WORK/c.log" && break; sleep 0.1; done
grep -q "in transaction" "$WORK/c.log" || fail "C never reached its transaction: $(tail -3 "$WORK/c.log")"
killed=$(q "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()")
[[ $killed -ge 1 ]] || fail "no backend in a transaction to terminate"
for _ in $(seq 100); do grep -q "test command $n: " "$WORK/c.log" && break; sleep 0.1; done
dump c
err=$(field "$f" .cases.editor.compound.save_status.error)
[[ $err != null && -n $err && $err != *$'\n'* ]] || fail "no message after the dropped connection: $(jq -c .cases.editor "$f")"
[[ $(field "$f" .cases.editor.compound.notes) == "typed in C, not yet saved" ]] || fail "the unsaved edit was lost from the form"
[[ $(row shwe-kokko notes) == "$notes0" && $(row shwe-kokko row_version) == "$v1" ]] || fail "the killed save changed the database"
"$APP" cases check --db "$ATLAS_PG" >/dev/null || fail "cases check after the killed save"
pass "connection killed mid-save: '$err'; form keeps the edit; database unchanged and consistent"

# --- 4. File > Connect to database: tables as layers, then "Use as case store" ---------------
ogr2ogr -f PostgreSQL "$ATLAS_PG" data/basemap.gpkg provinces -nln provinces -lco SPATIAL_INDEX=GIST || fail "ogr2ogr provinces"
PGSERVICEFILE="$WORK/pg_service.conf" start d 0
dump d
[[ $(field "$f" .cases.store) != PG:* ]] || fail "d should start on the GeoPackage store"
cmd d "connect host=$PG_DIR port=1 dbname=nope user=atlas password=hunter2"
sleep 2; dump d
[[ $(field "$f" .connect_dialog.is_error) == true && $(field "$f" .connect_dialog.message) != *hunter2* ]] ||
  fail "bad connection: $(jq -c .connect_dialog "$f")"
pass "a bad connection is one line without the password: $(field "$f" .connect_dialog.message)"
# A pg_service entry (the file the environment names) connects the same way.
printf '[atlas-test]\nhost=%s\nport=%s\ndbname=atlas\nuser=atlas\n' "$PG_DIR" "$PGPORT" >"$WORK/pg_service.conf"
cmd d "connect service=atlas-test"
for _ in $(seq 100); do dump d; [[ $(field "$f" .connect_dialog.connecting) == false ]] && break; sleep 0.2; done
jq -e '.connect_dialog.case_store and (.connect_dialog.message | startswith("Connected to PG:service=atlas-test"))' "$f" >/dev/null ||
  fail "connect by pg_service: $(jq -c .connect_dialog "$f")"
pass "connect by pg_service name: $(field "$f" .connect_dialog.message)"
cmd d "connect host=$PG_DIR port=$PGPORT dbname=atlas user=atlas sslmode=prefer password=not-needed"
for _ in $(seq 100); do dump d; [[ $(field "$f" .connect_dialog.connecting) == false ]] && break; sleep 0.2; done
jq -e '.connect_dialog.case_store and (.connect_dialog.tables | index("provinces")) != null' "$f" >/dev/null ||
  fail "the dialog does not list provinces / the case store: $(jq -c .connect_dialog "$f")"
cmd d "choose provinces"; cmd d "add-layers"
dump d   # commands wait for loads, so the layer is in
jq -e '.layers | map(select(.name == "provinces" and .features > 200 and (.source | startswith("PG:")))) | length == 1' "$f" >/dev/null ||
  fail "provinces not loaded from PostGIS: $(jq -c '[.layers[] | {name, features, source}]' "$f")"
cmd d "use-as-case-store"
dump d
[[ $(field "$f" .cases.store) == PG:* && $(field "$f" .cases.error) == null ]] || fail "use as case store: $(jq -c '.cases | {store, error}' "$f")"
[[ $(field "$f" .connect_dialog.message) == "Case store: PG:"* ]] || fail "the dialog does not say the store switched: $(field "$f" .connect_dialog.message)"
cmd d "select a7-park"; dump d
[[ $(field "$f" .cases.panel.compound.status) == active ]] || fail "the switched store does not show a7-park as saved in PostgreSQL"
pass "Connect dialog: provinces added as a layer from PostGIS, case store switched at run time"
grep -qE "hunter2|not-needed" "$WORK"/*.log "$WORK"/*.json && fail "a typed password appears in a log or state dump"
pass "the typed password appears in no log or state dump"
if [[ -n ${TWO_VIEWERS_SHOTS:-} ]]; then mkdir -p "$TWO_VIEWERS_SHOTS"; import -window root "$TWO_VIEWERS_SHOTS/screen.png"; fi
echo "PASS"
