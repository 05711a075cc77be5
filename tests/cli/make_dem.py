#!/usr/bin/python3
"""A small single-band Float32 DEM for raster tests: rising from 0 m in the west to 1000 m
in the east over lon 104..106, lat 11..12.5 (EPSG:4326), with a nodata (-9999) block in the
north-west corner (the first 30 rows by 40 columns), or with --no-nodata none at all (every
pixel valid: such DEMs were once drawn fully transparent). With --wide: 8200 x 40 pixels over
lon 104..106, lat 11..11.2, wider than the viewer's first read (4096), no nodata.
Usage: make_dem.py OUT.tif [--no-nodata] [--wide]"""
import struct
import sys
from osgeo import gdal, osr

wide = "--wide" in sys.argv[2:]
W, H = (8200, 40) if wide else (200, 150)
ds = gdal.GetDriverByName("GTiff").Create(sys.argv[1], W, H, 1, gdal.GDT_Float32)
ds.SetGeoTransform((104.0, 2.0 / W, 0, 11.2 if wide else 12.5, 0, -(0.2 if wide else 1.5) / H))
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
ds.SetProjection(srs.ExportToWkt())
band = ds.GetRasterBand(1)
holes = "--no-nodata" not in sys.argv[2:] and not wide
if holes:
    band.SetNoDataValue(-9999)
rows = []
for y in range(H):
    row = [1000.0 * x / (W - 1) for x in range(W)]
    if holes and y < 30:
        row[:40] = [-9999.0] * 40
    rows.append(row)
band.WriteRaster(0, 0, W, H, b"".join(struct.pack("<%df" % W, *r) for r in rows))
ds = None
