# The row-level concurrency doctests (tests/geo/case_concurrency_test.cpp) against a real
# PostgreSQL: runs geo_tests from the same build folder with $ATLAS_PG set.
BIN=${1:?usage: case_store_doctest.sh path/to/compound-atlas}
source "$(dirname "$0")/../cli/lib.sh"
source "$(dirname "$0")/cluster.sh"
TESTS=$(dirname "$BIN")/geo_tests
[ -x "$TESTS" ] || { echo "no geo_tests beside $BIN (build the geo_tests target)" >&2; exit 1; }
pg_cluster_start || { echo "cannot start a PostgreSQL cluster" >&2; exit 1; }
out=$("$TESTS" -tc='*needs $ATLAS_PG*' 2>&1); rc=$?
grep -q "ATLAS_PG not set" <<<"$out" && fail "the PostgreSQL doctest was skipped: $out"
[ $rc = 0 ] && grep -q "test cases: *2 | *2 passed" <<<"$out" && pass "row-level concurrency and copy doctests on PostgreSQL" || fail "$out"
finish
