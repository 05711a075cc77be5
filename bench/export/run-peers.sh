#!/usr/bin/env bash
# Export vs the peers (Mapnik, QGIS, GDAL floor) in one run, with the shared peer scripts in
# ../shared/bench used as they are: they write results/ beside themselves and ../shared is
# read-only, so they run from a temporary copy and their results come back here.
# Usage (repo root): VIEWER_CMD='…' [RENDERERS=…] [DATASETS=…] [REPS=…] bash bench/export/run-peers.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED_BENCH:-$HERE/../../../shared/bench}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
cp "$SHARED"/run-baselines.sh "$SHARED"/render_*.py "$SHARED"/render_gdal_floor.sh "$TMP/"
export BASELINES=${BASELINES:-$HERE/peers-run.md}
(cd "$TMP" && env -u DISPLAY SDL_VIDEODRIVER=offscreen bash ./run-baselines.sh)
mkdir -p "$HERE/results" && cp -r "$TMP/results/." "$HERE/results/" 2>/dev/null || true
