#!/usr/bin/env bash
# Export vs the peers (Mapnik, QGIS, GDAL floor) in one run, with the shared peer scripts in
# ../shared/bench used as they are: they write results/ beside themselves and ../shared is
# read-only, so they run from a temporary copy and their results come back here.
# Then every cell's image is checked: the viewer's PNG against Mapnik's of the same cell
# (land mask agreement, mask_agreement.py), written with the whole-process ratio to
# $CHECKED (default checked-run.md beside this script). A time whose image was not checked,
# or agrees on less than 98 % of the pixels, is marked so and is not a result.
# Usage (repo root): VIEWER_CMD='…' [RENDERERS=…] [DATASETS=…] [REPS=…] bash bench/export/run-peers.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED_BENCH:-$HERE/../../../shared/bench}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
cp "$SHARED"/run-baselines.sh "$SHARED"/render_*.py "$SHARED"/render_gdal_floor.sh "$TMP/"
export BASELINES=${BASELINES:-$HERE/peers-run.md}
export OUTDIR=${OUTDIR:-/tmp/benchout}
CHECKED=${CHECKED:-$HERE/checked-run.md}
(cd "$TMP" && env -u DISPLAY SDL_VIDEODRIVER=offscreen bash ./run-baselines.sh)
mkdir -p "$HERE/results" && cp -r "$TMP/results/." "$HERE/results/" 2>/dev/null || true

/usr/bin/python3 - "$HERE/results/raw.tsv" "$OUTDIR" "$HERE/mask_agreement.py" "$(git -C "$HERE" rev-parse --short HEAD)" \
    > "$CHECKED" <<'EOF'
import collections, os, statistics, subprocess, sys
raw, outdir, checker, commit = sys.argv[1:5]
rows = [l.rstrip("\n").split("\t") for l in open(raw)][1:]
walls = collections.defaultdict(list)
for rep, r, d, s, v, wall, rss, rc, bench in rows:
    if wall and rc == "0":
        walls[(d, s, v, r)].append(float(wall))
print(f"# Export vs Mapnik, checked images (commit {commit})\n")
print("Whole-process medians from results/raw.tsv of the same run; *agreement* is the land/background")
print("mask agreement of the viewer's PNG with Mapnik's PNG of the same cell (mask_agreement.py).\n")
print("| dataset | size | view | viewer s | mapnik s | qgis s | viewer / mapnik | agreement | result |")
print("|---|---|---|---:|---:|---:|---:|---:|---|")
cells = sorted({k[:3] for k in walls})
for d, s, v in cells:
    med = lambda r: statistics.median(walls[(d, s, v, r)]) if walls.get((d, s, v, r)) else None
    ours, mapnik, qgis = med("viewer"), med("mapnik"), med("qgis")
    a = os.path.join(outdir, f"viewer_{d}_{s}_{v}.png")
    b = os.path.join(outdir, f"mapnik_{d}_{s}_{v}.png")
    agreement = None
    if os.path.exists(a) and os.path.exists(b):
        out = subprocess.run(["/usr/bin/python3", checker, a, b, "--diff", a.replace(".png", "-maskdiff.png")],
                             capture_output=True, text=True).stdout.split()
        if len(out) >= 2 and out[0] == "agreement":
            agreement = float(out[1])
    ratio = ours / mapnik if ours and mapnik else None
    ok = agreement is not None and agreement >= 0.98
    fmt = lambda x, f="%.3f": f % x if x is not None else "—"
    print(f"| {d} | {s} | {v} | {fmt(ours)} | {fmt(mapnik)} | {fmt(qgis)} | {fmt(ratio, '%.2fx')} | "
          f"{fmt(agreement, '%.4f')} | {'checked' if ok else 'NOT A RESULT (image not checked or disagrees)'} |")
EOF
echo "wrote $CHECKED" >&2
