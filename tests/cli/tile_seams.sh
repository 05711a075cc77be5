#!/usr/bin/env bash
# No tile seams: a 1000x700 briefing rendered in 12 tiles of at most 256 px (the last column
# and row cropped) equals the same export in one tile, with every layer of the layout on it
# (fills, 5 px strokes across the seams, labels, markers, inset, incident box, legend, scale
# bar). export_command.sh checks a small tiled export loosely; this one is strict.
#
# Tolerance: each tile draws with its own projection origin, so float vertex positions round
# a little differently and an antialiased edge's coverage can move by a step or a few of
# 255. Measured on llvmpipe: 90 of 700,000 pixels differ, 89 by 1 and one by 3. A crack (the
# sea or paper showing between tiles) or a label cut at a seam differs by tens of levels over
# a run of pixels along the seam, so: no channel off by more than 4, at most 0.05% of pixels
# off at all, and at most 10 of them on the 2-pixel bands either side of a seam.
set -u
BIN=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

ogr2ogr -f GPKG "$T/countries.gpkg" data/basemap.gpkg countries || fail "cannot extract the countries layer"
run() {
    env -u DISPLAY SDL_VIDEODRIVER=offscreen "$BIN" export --date "1 January 2026" --size 1000x700 --title "Seams" \
        --bbox 102,10,108,15 --select a7-park --inset --layer "$T/countries.gpkg" --layer-fill "#80ff0040" \
        --layer-stroke "#ff0000" --layer-width 5 "$@"
}
run --out "$T/one.png" 2> "$T/one.err" || fail "untiled export failed: $(cat "$T/one.err")"
run --out "$T/tiled.png" --tile-size 256 2> "$T/tiled.err" || fail "tiled export failed: $(cat "$T/tiled.err")"
# Otherwise the comparison proves nothing.
grep -q "(1000x700, EPSG:3857, 1 tile)" "$T/one.err" || fail "the untiled export was not one tile: $(tail -1 "$T/one.err")"
grep -q "(1000x700, EPSG:3857, 12 tiles)" "$T/tiled.err" || fail "the tiled export was not 12 tiles: $(tail -1 "$T/tiled.err")"

/usr/bin/python3 - "$T/one.png" "$T/tiled.png" <<'PY' || fail "the tiled export differs from the untiled one"
import sys
import numpy as np
from osgeo import gdal
a = gdal.Open(sys.argv[1]).ReadAsArray().astype(int)
b = gdal.Open(sys.argv[2]).ReadAsArray().astype(int)
assert a.shape == b.shape == (4, 700, 1000), (a.shape, b.shape)
d = np.abs(a - b).max(0)
ys, xs = np.nonzero(d)
seam = lambda v: (v % 256 <= 1) | (v % 256 >= 254)  # columns/rows 254..257, 510..513, ...
onSeams = int((seam(xs) | seam(ys)).sum())
print(f"pixels that differ: {len(xs)} of {d.size} ({len(xs) / d.size:.5%}), largest difference {d.max()}, "
      f"on the seam bands {onSeams}")
assert d.max() <= 4, f"a pixel differs by {d.max()} at {np.unravel_index(d.argmax(), d.shape)}"
assert len(xs) <= d.size * 0.0005, len(xs)
assert onSeams <= 10, onSeams
# The picture is not blank: the comparison would pass for two empty images.
assert len(np.unique(a[:3].reshape(3, -1), axis=1).T) > 1000, "the export is nearly blank"
PY
echo "all passed"
