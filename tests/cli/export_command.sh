#!/usr/bin/env bash
# export: headless run (no DISPLAY), byte determinism, GeoTIFF extent/CRS read back with
# gdalinfo, print resolution (PNG pHYs, TIFF tags), world file, tiling seams, and the error cases (one line, exit code, no file left).
set -u
BIN=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() { env -u DISPLAY SDL_VIDEODRIVER=offscreen "$BIN" export --quiet --date "1 January 2026" "$@"; }

# Headless, twice, byte-identical.
run --out "$T/a.png" --fit a7-park --select a7-park --title "A7 Park, Bavet" --size 800x500 || fail "export failed"
run --out "$T/b.png" --fit a7-park --select a7-park --title "A7 Park, Bavet" --size 800x500 || fail "second export failed"
cmp -s "$T/a.png" "$T/b.png" || fail "two runs differ"
/usr/bin/python3 - "$T/a.png" <<'PY' || fail "PNG is not 800x500"
import struct,sys
d=open(sys.argv[1],'rb').read(32); w,h=struct.unpack('>II',d[16:24]); sys.exit(0 if (w,h)==(800,500) else 1)
PY

# GeoTIFF in UTM 48N: CRS and the map area's extent read back with GDAL.
run --out "$T/m.tif" --bbox 105.9,10.9,106.4,11.3 --crs EPSG:32648 --size 600x400 --no-title --no-date \
    --no-attribution --no-legend --no-scalebar --no-north || fail "GeoTIFF export failed"
gdalinfo -json "$T/m.tif" > "$T/m.json" || fail "gdalinfo cannot read the GeoTIFF"
/usr/bin/python3 - "$T/m.json" <<'PY' || fail "GeoTIFF georeference is wrong"
import json,sys
j=json.load(open(sys.argv[1]))
assert j['size']==[600,400], j['size']
wkt=j['coordinateSystem']['wkt']; assert 'UTM zone 48N' in wkt, wkt[:80]
gt=j['geoTransform']; cx=gt[0]+gt[1]*300; cy=gt[3]+gt[5]*200
# centre of the bbox (106.15E 11.1N) in UTM 48N is about (625.6 km, 1227.3 km)
assert abs(cx-625600)<3000 and abs(cy-1227300)<3000, (cx,cy)
assert abs(gt[1]+gt[5])<1e-6*abs(gt[1]), gt
PY

# World file beside a PNG.
run --out "$T/w.png" --size 300x200 --world-file --no-compounds || fail "world-file export failed"
[[ -s "$T/w.pgw" ]] || fail "no world file"
[[ $(wc -l < "$T/w.pgw") == 6 ]] || fail "world file is not 6 lines"

# Paper and DPI: A4 at 100 DPI is 1169x827 pixels and says 100 DPI (pHYs, 3937 pixels per
# metre) so it prints at A4; a GeoTIFF says it in the TIFF resolution tags.
run --out "$T/p.png" --paper A4 --dpi 100 --no-compounds || fail "A4 export failed"
/usr/bin/python3 - "$T/p.png" <<'PY' || fail "the A4 PNG has the wrong size or no pHYs for 100 DPI"
import struct,sys
d=open(sys.argv[1],'rb').read()
w,h=struct.unpack('>II',d[16:24]); assert (w,h)==(1169,827), (w,h)
at=8; phys=None
while at+8<=len(d):
    n,t=struct.unpack('>I4s',d[at:at+8])
    if t==b'pHYs': phys=struct.unpack('>IIB',d[at+8:at+17])
    if t==b'IDAT': break
    at+=12+n
assert phys==(3937,3937,1), phys
PY
run --out "$T/p.tif" --size 400x300 --dpi 300 --no-compounds || fail "GeoTIFF with --dpi failed"
gdalinfo "$T/p.tif" | grep -q "TIFFTAG_XRESOLUTION=300" || fail "the GeoTIFF has no 300 DPI resolution tag"
[[ ! -e "$T/p.tif.aux.xml" ]] || fail "the GeoTIFF's DPI went into a sidecar"

# Tiled rendering equals one-tile rendering (labels placed once, nothing cut at seams).
run --out "$T/t1.png" --size 700x450 --inset --title Tiles --fit a7-park --select a7-park || fail "untiled failed"
run --out "$T/t2.png" --size 700x450 --inset --title Tiles --fit a7-park --select a7-park --tile-size 256 || fail "tiled failed"
/usr/bin/python3 - "$T/t1.png" "$T/t2.png" <<'PY' || fail "tiled output differs from untiled"
from osgeo import gdal
import sys
a=gdal.Open(sys.argv[1]).ReadRaster(); b=gdal.Open(sys.argv[2]).ReadRaster()
bad=sum(1 for i in range(0,len(a)) if abs(a[i]-b[i])>24)
sys.exit(0 if bad <= len(a)*0.002 else 1)
PY

# Errors: one line on stderr, exit code, no partial file.
expect_error() { # code pattern args...
    local code=$1 pat=$2; shift 2
    run "$@" 2> "$T/err"; local rc=$?
    [[ $rc == "$code" ]] || fail "exit $rc (want $code) for: $*"
    [[ $(wc -l < "$T/err") == 1 ]] || fail "not one line on stderr for: $* : $(cat "$T/err")"
    grep -qi -- "$pat" "$T/err" || fail "message lacks '$pat': $(cat "$T/err")"
    ls "$T"/out* 2>/dev/null && fail "a file was left behind for: $*"
    return 0
}
expect_error 1 "unknown compound" --out "$T/out.png" --fit no-such-place
expect_error 2 "out of range" --out "$T/out.png" --size 0x0
expect_error 2 "out of range" --out "$T/out.png" --size 100000x100
expect_error 2 "unknown CRS" --out "$T/out.png" --crs EPSG:999999
expect_error 1 "not writable\|cannot write" --out /proc/out.png
expect_error 1 "does not exist" --out "$T/nofolder/out.png"
expect_error 2 "unknown image type" --out "$T/out.jpg"
expect_error 2 "paper" --out "$T/out.png" --paper B9
ls "$T" | grep -q part && fail "temporary file left"
echo "ok"
