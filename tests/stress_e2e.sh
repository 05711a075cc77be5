#!/usr/bin/env bash
# Runs the e2e label N times in a row with every core under load (stress-ng), the condition in
# which e2e.viewer_navigation used to lose a wheel notch. Not a ctest test: run it by hand or
# in a nightly job. Prints one line per run and a summary of the tests that failed; the logs
# of failed runs are kept. Exit status 0 only when every run passed.
# Usage: bash tests/stress_e2e.sh [BUILD_DIR (default build)] [N (default 10)] [ctest args...]
# Needs stress-ng (Debian: apt-get install -y stress-ng).
set -euo pipefail
BUILD=$(realpath "${1:-build}")
N=${2:-10}
shift $(( $# < 2 ? $# : 2 ))
command -v stress-ng >/dev/null || { echo "stress-ng missing (apt-get install -y stress-ng)" >&2; exit 77; }
[[ -f $BUILD/CTestTestfile.cmake ]] || { echo "$BUILD is not a build dir" >&2; exit 2; }
LOGS=$(mktemp -d /tmp/atlas-stress.XXXXXX)
CORES=$(nproc)

# One CPU hog per core for as long as the runs take.
stress-ng --cpu "$CORES" --cpu-method matrixprod --quiet >"$LOGS/stress-ng.log" 2>&1 &
STRESS_PID=$!
trap 'kill "$STRESS_PID" 2>/dev/null || true; wait "$STRESS_PID" 2>/dev/null || true' EXIT
echo "stress-ng on $CORES cores; $N runs of ctest -L e2e $*; logs in $LOGS"

passed=0
declare -A failures=()
for i in $(seq "$N"); do
  log="$LOGS/run-$i.log"
  start=$SECONDS
  if (cd "$BUILD" && ctest -L e2e --output-on-failure "$@") >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i: pass ($((SECONDS - start)) s)"
    rm -f "$log"
  else
    failed=$(sed -nE 's/^[[:space:]]*[0-9]+ - ([^ ]+) .*/\1/p' "$log" | tr '\n' ' ')
    echo "run $i: FAIL ($((SECONDS - start)) s): ${failed:-see $log}"
    for t in $failed; do failures[$t]=$(( ${failures[$t]:-0} + 1 )); done
  fi
done

echo "$passed of $N runs passed"
for t in "${!failures[@]}"; do echo "  $t failed in ${failures[$t]} run(s)"; done
(( passed == N ))
