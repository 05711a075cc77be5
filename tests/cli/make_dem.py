#!/usr/bin/python3
"""A small single-band Float32 DEM for raster tests: rising from 0 m in the west to 1000 m
in the east over lon 104..106, lat 11..12.5 (EPSG:4326), with a nodata (-9999) block in the
north-west corner (the first 30 rows by 40 columns), or with --no-nodata none at all (every
pixel valid: such DEMs were once drawn fully transparent). Usage: make_dem.py OUT.tif [--no-nodata]"""
import struct
import sys
from osgeo import gdal, osr

W, H = 200, 150
ds = gdal.GetDriverByName("GTiff").Create(sys.argv[1], W, H, 1, gdal.GDT_Float32)
ds.SetGeoTransform((104.0, 2.0 / W, 0, 12.5, 0, -1.5 / H))
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
ds.SetProjection(srs.ExportToWkt())
band = ds.GetRasterBand(1)
holes = "--no-nodata" not in sys.argv[2:]
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
