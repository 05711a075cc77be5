#!/usr/bin/env bash
# The export's map area is what the window shows: the viewer's own screenshot (under Xvfb)
# and `export --no-<all layout>` of the same view and size agree within a tolerance. Both
# draw without MSAA (strokes and markers antialias in their shaders), so they agree to a
# few levels of float rounding; the window opens a case store that does not exist, so its
# case markers (laid out unlike the export's) are not part of the comparison.
set -u
BIN=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
command -v xvfb-run > /dev/null || { echo "skip: no xvfb-run"; exit 0; }
VIEW=102,10,108,15
xvfb-run -a -s "-screen 0 1280x1024x24" "$BIN" --size 800x500 --view $VIEW --cases "$T/no-cases.gpkg" --screenshot "$T/win.png" \
    --quit-after-frames 3 2> "$T/err" || { cat "$T/err"; echo "FAIL: viewer screenshot"; exit 1; }
env -u DISPLAY SDL_VIDEODRIVER=offscreen "$BIN" export --quiet --out "$T/exp.png" --size 800x500 --bbox $VIEW \
    --no-title --no-date --no-legend --no-scalebar --no-north --no-attribution --no-compounds || { echo "FAIL: export"; exit 1; }
/usr/bin/python3 - "$T/win.png" "$T/exp.png" <<'PY'
from osgeo import gdal
import sys
a=gdal.Open(sys.argv[1]); b=gdal.Open(sys.argv[2])
if (a.RasterXSize,a.RasterYSize)!=(b.RasterXSize,b.RasterYSize):
    print("FAIL: sizes differ", a.RasterXSize,a.RasterYSize,b.RasterXSize,b.RasterYSize); sys.exit(1)
ra=[a.GetRasterBand(i+1).ReadRaster() for i in range(3)]; rb=[b.GetRasterBand(i+1).ReadRaster() for i in range(3)]
n=len(ra[0]); bad=0
for i in range(n):
    if max(abs(ra[c][i]-rb[c][i]) for c in range(3))>4: bad+=1
print("pixels off by more than 4 levels: %d of %d" % (bad,n))
sys.exit(0 if bad <= n*0.001 else 1)
PY
[[ $? == 0 ]] || { echo "FAIL: window and export differ"; exit 1; }
echo ok
