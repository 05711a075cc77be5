#!/usr/bin/python3
"""Generated point and line layers for the scale benchmark (issue "Real-size geodata", item 5):
   points_1m.gpkg  1,000,000 points (clustered like GPS fixes around 200 towns of the region)
   lines_2m.gpkg   20,000 polylines of 101 vertices: 2,000,000 segments (random walks)
Deterministic (fixed seed). Written to $BENCHDATA (default /tmp/benchdata), never committed.
Usage: /usr/bin/python3 bench/make-scale-data.py"""
import os, random, math
from osgeo import ogr, osr

out = os.environ.get("BENCHDATA", "/tmp/benchdata")
os.makedirs(out, exist_ok=True)
rnd = random.Random(20261202)
srs = osr.SpatialReference(); srs.ImportFromEPSG(4326)
srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
drv = ogr.GetDriverByName("GPKG")
# Towns spread over mainland Southeast Asia (lon 97-109, lat 6-22).
towns = [(rnd.uniform(97, 109), rnd.uniform(6, 22), rnd.uniform(0.02, 0.4)) for _ in range(200)]

def make(name, layer, kind, fill):
    path = os.path.join(out, name)
    if os.path.exists(path): os.remove(path)
    ds = drv.CreateDataSource(path)
    lyr = ds.CreateLayer(layer, srs, kind)
    lyr.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    lyr.CreateField(ogr.FieldDefn("kind", ogr.OFTString))
    ds.StartTransaction()
    fill(lyr)
    ds.CommitTransaction()
    ds = None
    print(path)

def points(lyr):
    defn = lyr.GetLayerDefn()
    for i in range(1_000_000):
        lon, lat, s = towns[i % len(towns)]
        f = ogr.Feature(defn)
        f.SetField("id", i); f.SetField("kind", "fix")
        g = ogr.Geometry(ogr.wkbPoint); g.AddPoint_2D(rnd.gauss(lon, s), rnd.gauss(lat, s))
        f.SetGeometryDirectly(g); lyr.CreateFeature(f)

def lines(lyr):
    defn = lyr.GetLayerDefn()
    for i in range(20_000):
        lon, lat, s = towns[i % len(towns)]
        x, y = rnd.gauss(lon, s * 3), rnd.gauss(lat, s * 3)
        a = rnd.uniform(0, 2 * math.pi)
        g = ogr.Geometry(ogr.wkbLineString)
        for _ in range(101):
            g.AddPoint_2D(x, y)
            a += rnd.gauss(0, 0.3)
            x += 0.002 * math.cos(a); y += 0.002 * math.sin(a)
        f = ogr.Feature(defn)
        f.SetField("id", i); f.SetField("kind", "track")
        f.SetGeometryDirectly(g); lyr.CreateFeature(f)

make("points_1m.gpkg", "points", ogr.wkbPoint, points)
make("lines_2m.gpkg", "lines", ogr.wkbLineString, lines)
