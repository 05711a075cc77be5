#!/usr/bin/env bash
# Build the sample case store, data/cases.gpkg, from the CSV files in data/cases/
# (see data/cases/README.md) with `compound-atlas cases import`.
#
#   bash data/build-cases.sh [path/to/compound-atlas]
#
# The binary defaults to $ATLAS_BIN, else build/compound-atlas. The store is validated
# before anything is written, written to a temporary file and renamed over the old one.
# OGR_CURRENT_DATE is pinned so that rebuilding from the same CSVs gives the same content.
set -euo pipefail
export LC_ALL=C
export OGR_CURRENT_DATE="2000-01-01T00:00:00Z"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BIN=${1:-${ATLAS_BIN:-$HERE/../build/compound-atlas}}
if [ ! -x "$BIN" ]; then
    echo "build-cases.sh: no compound-atlas binary at $BIN (build it, or pass its path)" >&2
    exit 1
fi
"$BIN" cases import --from "$HERE/cases" --db "$HERE/cases.gpkg" --force
"$BIN" cases check --db "$HERE/cases.gpkg" > /dev/null || {
    echo "build-cases.sh: data/cases.gpkg has error-level findings; run: compound-atlas cases check --db data/cases.gpkg" >&2
    exit 1
}
