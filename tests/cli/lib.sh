# Shared helpers for CLI tests: `source tests/cli/lib.sh` after setting BIN.
set -u
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
pass() { echo "ok: $*"; }
# expect_error "description" expected_rc "stderr substring" -- cmd args...
expect_error() {
  local what=$1 rc_want=$2 needle=$3; shift 4
  local err rc
  err=$("$@" 2>&1 >/dev/null); rc=$?
  local lines; lines=$(printf '%s' "$err" | grep -c '^' || true)
  if [ "$rc" != "$rc_want" ]; then fail "$what: exit $rc, wanted $rc_want ($err)"; return; fi
  if [ "$lines" != 1 ]; then fail "$what: wanted one line on stderr, got $lines: $err"; return; fi
  case "$err" in *"$needle"*) pass "$what: $err" ;; *) fail "$what: stderr lacks '$needle': $err" ;; esac
}
finish() { if [ "$FAILS" = 0 ]; then echo "all passed"; else echo "$FAILS failure(s)"; exit 1; fi; }
