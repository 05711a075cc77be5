# Connecting to a PostgreSQL case store: a connection killed mid-transaction (the store stays
# consistent, the writer says so in one line), pg_service and PGPASSFILE credentials, passwords
# never printed, bad connection strings and refused TLS as one clear line.
BIN=${1:?usage: cases_connection.sh path/to/compound-atlas}
source "$(dirname "$0")/../cli/lib.sh"
source "$(dirname "$0")/cluster.sh"
pg_cluster_start || { echo "cannot start a PostgreSQL cluster" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"; pg_cluster_stop' EXIT
q() { psql -X -q -t -A -c "$1"; }
"$BIN" cases copy --from data/cases.gpkg --to "$ATLAS_PG" >/dev/null || { fail "copy"; finish; }
"$BIN" cases export --db "$ATLAS_PG" --to "$tmp/before" >/dev/null

# Killed mid-transaction: pg_terminate_backend while the writer sleeps inside its transaction.
counter0=$(q "SELECT value FROM meta WHERE key='change_counter'")
ATLAS_TEST_SLEEP_IN_TRANSACTION=3 "$BIN" cases set-status a7-park closed --db "$ATLAS_PG" >"$tmp/w.out" 2>"$tmp/w.err" &
W=$!
for _ in $(seq 100); do grep -q "in transaction" "$tmp/w.err" 2>/dev/null && break; sleep 0.1; done
killed=$(q "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE state = 'idle in transaction' AND pid <> pg_backend_pid()")
wait $W; rc=$?
[ "$killed" = 1 ] && pass "terminated the writer's backend" || fail "terminated $killed backends"
[ $rc = 1 ] && pass "writer exits 1" || fail "writer exit $rc: $(cat "$tmp/w.err")"
msg=$(grep -v "in transaction" "$tmp/w.err")
[ "$(grep -c '' <<<"$msg")" = 1 ] && grep -q "not saved: the connection to the database was lost .*the store is unchanged and your edit is kept" <<<"$msg" \
  && pass "one clear line: $msg" || fail "writer stderr: $(cat "$tmp/w.err")"
[ "$(q "SELECT status FROM compounds WHERE id='a7-park'")" = raided ] && [ "$(q "SELECT value FROM meta WHERE key='change_counter'")" = "$counter0" ] \
  && pass "nothing of the killed transaction is stored" || fail "store changed"
"$BIN" cases export --db "$ATLAS_PG" --to "$tmp/after" >/dev/null && diff -r "$tmp/before" "$tmp/after" >/dev/null \
  && "$BIN" cases check --db "$ATLAS_PG" >/dev/null && pass "store consistent and unchanged" || fail "store after kill"
"$BIN" cases set-status a7-park closed --db "$ATLAS_PG" >/dev/null && pass "the same edit saves on a new connection" || fail "retry"

# Passwords: require one on TCP (scram), then supply it from PGPASSFILE, a service file, the string.
q "ALTER ROLE atlas PASSWORD 'hunter2'"
printf 'host all all 127.0.0.1/32 scram-sha-256\nlocal all all trust\n' >"$PG_DIR/data/pg_hba.conf"
_pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" reload >/dev/null; sleep 0.5
TCP="PG:host=127.0.0.1 port=$PGPORT user=atlas dbname=atlas"
unset PGHOST
expect_error "no password" 1 "cannot connect" -- env PGPASSFILE="$tmp/none" "$BIN" cases list --db "$TCP"
printf '127.0.0.1:%s:atlas:atlas:hunter2\n' "$PGPORT" >"$tmp/pgpass"; chmod 600 "$tmp/pgpass"
out=$(PGPASSFILE="$tmp/pgpass" "$BIN" cases list --db "$TCP" 2>&1) && grep -q "^8 compounds" <<<"$out" \
  && pass "password from PGPASSFILE" || fail "PGPASSFILE: $out"
printf '[atlas]\nhost=127.0.0.1\nport=%s\nuser=atlas\ndbname=atlas\npassword=hunter2\n' "$PGPORT" >"$tmp/pg_service.conf"
out=$(PGSERVICEFILE="$tmp/pg_service.conf" "$BIN" cases list --db "PG:service=atlas" 2>&1) && grep -q "^8 compounds" <<<"$out" \
  && pass "PG:service=atlas from a service file" || fail "service: $out"
out=$(PGPASSWORD=hunter2 "$BIN" cases show a7-park --db "$TCP" --json 2>&1) && jq -e '.compound.id == "a7-park"' <<<"$out" >/dev/null \
  && pass "password from PGPASSWORD" || fail "PGPASSWORD: $out"
all=""
for args in "list" "list --json" "show a7-park --json" "check" "set-status a7-park raided" "init"; do
  all+=$("$BIN" cases $args --db "$TCP password=hunter2" 2>&1)
done
all+=$("$BIN" cases copy --from "$TCP password=hunter2" --to "$tmp/c.gpkg" 2>&1)
all+=$("$BIN" cases list --db "PG:host=127.0.0.1 port=$PGPORT user=atlas dbname=atlas password=wrong" 2>&1)
all+=$("$BIN" info "$TCP password=hunter2" 2>&1)
grep -q "8 compounds" <<<"$all" && grep -q '"id": "a7-park"' <<<"$all" && pass "the commands ran with a password in the string" \
  || fail "commands: $all"
grep -q "hunter2\|password=wrong" <<<"$all" && fail "a password was printed: $(grep -o '.\{40\}hunter2.\{10\}' <<<"$all")" \
  || pass "no password in any output or message"
grep -q "password authentication failed" <<<"$all" && pass "a wrong password says so" || fail "wrong password: $all"

# Bad connection strings and TLS the server cannot give: one line, exit 1.
expect_error "nothing listening" 1 "cannot connect" -- "$BIN" cases list --db "PG:host=127.0.0.1 port=1 dbname=atlas user=atlas"
expect_error "unknown database" 1 "database \"nope\" does not exist" -- env PGPASSWORD=hunter2 "$BIN" cases list --db "PG:host=127.0.0.1 port=$PGPORT dbname=nope user=atlas"
expect_error "unknown service" 1 "cannot connect" -- env PGSERVICEFILE="$tmp/pg_service.conf" "$BIN" cases list --db "PG:service=nosuch"
expect_error "sslmode=require without TLS" 1 "server does not support SSL" -- env PGPASSWORD=hunter2 "$BIN" cases list --db "$TCP sslmode=require"
expect_error "an empty database is no case store" 1 "not a case store (no 'meta' table)" -- \
  "$BIN" cases list --db "PG:host=$PG_DIR port=$PGPORT user=atlas dbname=postgres"
finish
