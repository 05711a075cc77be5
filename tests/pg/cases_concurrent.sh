# Two analysts, two processes, one PostgreSQL case store: the same compound -> the second save
# fails with a conflict (theirs vs yours) and the first's value stays; different compounds ->
# both succeed; --keep-mine writes over explicitly. The first writer sleeps inside its
# transaction (ATLAS_TEST_SLEEP_IN_TRANSACTION) while the second reads and then writes.
BIN=${1:?usage: cases_concurrent.sh path/to/compound-atlas}
source "$(dirname "$0")/../cli/lib.sh"
source "$(dirname "$0")/cluster.sh"
pg_cluster_start || { echo "cannot start a PostgreSQL cluster" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"; pg_cluster_stop' EXIT
q() { psql -X -q -t -A -c "$1"; }
"$BIN" cases copy --from data/cases.gpkg --to "$ATLAS_PG" >/dev/null || { fail "copy"; finish; }

# Starts writer A in the background (sleeping in its transaction) and waits until it is there.
start_a() { # ID STATUS
  ATLAS_TEST_SLEEP_IN_TRANSACTION=2 "$BIN" cases set-status "$1" "$2" --db "$ATLAS_PG" >"$tmp/a.out" 2>"$tmp/a.err" &
  A=$!
  for _ in $(seq 100); do grep -q "in transaction" "$tmp/a.err" 2>/dev/null && return 0; sleep 0.1; done
  fail "writer A never reached its transaction: $(cat "$tmp/a.err")"
}

# Same compound: B reads while A's change is uncommitted, then writes; B waits for A, then conflicts.
counter0=$(q "SELECT value FROM meta WHERE key='change_counter'")
start_a a7-park closed
"$BIN" cases set-status a7-park active --db "$ATLAS_PG" >"$tmp/b.out" 2>"$tmp/b.err"; rcb=$?
wait $A; rca=$?
[ $rca = 0 ] && pass "A saved" || fail "A: exit $rca $(cat "$tmp/a.err")"
[ $rcb = 1 ] && pass "B refused, exit 1" || fail "B: exit $rcb $(cat "$tmp/b.out" "$tmp/b.err")"
[ "$(grep -c '' "$tmp/b.err")" = 1 ] && grep -q "compounds 'a7-park' changed by someone else (status: theirs 'closed', yours 'active')" "$tmp/b.err" \
  && pass "B's one line names the conflict: $(cat "$tmp/b.err")" || fail "B stderr: $(cat "$tmp/b.err")"
[ "$(q "SELECT status FROM compounds WHERE id='a7-park'")" = closed ] && pass "the DB holds A's value" || fail "status: $(q "SELECT status FROM compounds WHERE id='a7-park'")"
[ "$(q "SELECT value FROM meta WHERE key='change_counter'")" = $((counter0 + 1)) ] && pass "one commit counted" || fail "counter"

# Different compounds: both succeed, both values are there.
start_a kk-park closed
"$BIN" cases set-status shwe-kokko raided --db "$ATLAS_PG" >"$tmp/b.out" 2>"$tmp/b.err"; rcb=$?
wait $A; rca=$?
[ $rca = 0 ] && [ $rcb = 0 ] && pass "edits to different compounds both saved" || fail "A $rca $(cat "$tmp/a.err"); B $rcb $(cat "$tmp/b.err")"
[ "$(q "SELECT string_agg(id || '=' || status, ',' ORDER BY id) FROM compounds WHERE id IN ('kk-park','shwe-kokko')")" = "kk-park=closed,shwe-kokko=raided" ] \
  && pass "both values stored" || fail "$(q "SELECT id, status FROM compounds")"

# Keep mine: B overrides explicitly (named on stderr), exit 0.
start_a a7-park raided
"$BIN" cases set-status a7-park active --keep-mine --db "$ATLAS_PG" >"$tmp/b.out" 2>"$tmp/b.err"; rcb=$?
wait $A
[ $rcb = 0 ] && grep -q "keeping yours over: compounds 'a7-park' changed by someone else (status: theirs 'raided', yours 'active')" "$tmp/b.err" \
  && [ "$(q "SELECT status FROM compounds WHERE id='a7-park'")" = active ] && pass "keep-mine writes over A: $(cat "$tmp/b.err")" \
  || fail "keep-mine: $rcb $(cat "$tmp/b.err") $(q "SELECT status FROM compounds WHERE id='a7-park'")"
[ "$(q "SELECT row_version FROM compounds WHERE id='a7-park'")" -ge 4 ] && pass "row_version raised by each save" || fail "row_version"
"$BIN" cases check --db "$ATLAS_PG" >/dev/null && pass "store consistent" || fail "check"
finish
