#!/usr/bin/env bash
# Case store on PostGIS at scale: 10,000 compounds and 200,000 incidents generated with SQL
# (generate_series) in a throwaway cluster (tests/pg/cluster.sh), then the time to open the
# store and build one compound's incident panel data, whole store vs per-compound query.
#
#   bash bench/pg/run-case-bench.sh [path/to/compound-atlas] [runs]
set -euo pipefail
BIN=${1:-build-pg/compound-atlas}
RUNS=${2:-3}
cd "$(dirname "$0")/../.."
source tests/pg/cluster.sh
pg_cluster_start
"$BIN" cases init --db "$ATLAS_PG" >/dev/null

t0=$(date +%s.%N)
psql -X -q -v ON_ERROR_STOP=1 -f bench/pg/generate-cases.sql
t1=$(date +%s.%N)
echo "generate: $(echo "$t1 - $t0" | bc) s ($(psql -X -t -A -c 'SELECT count(*) FROM incidents') incidents, $(psql -X -t -A -c 'SELECT count(*) FROM incident_counts') counts, $(psql -X -t -A -c 'SELECT count(*) FROM incident_sources') citations)"

for mode in whole partial; do
  flag=""; [ $mode = partial ] && flag=--partial
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "$mode run $i: %e s wall, %M KB max RSS" "$BIN" cases show c4242 $flag --timing --json --db "$ATLAS_PG" 2>&1 >/dev/null \
      | grep -E "timing|wall" | tr '\n' ' '; echo
  done
done
