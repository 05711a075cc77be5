// Geodesic distances via PROJ's geodesic.h and an azimuthal equidistant projection.
#include "geo/geodesic.hpp"
#include "geo/crs.hpp"

#include <geodesic.h>

#include <cmath>
#include <cstdio>

namespace geo {

const geod_geodesic& wgs84Geodesic()
{
    static const geod_geodesic g = [] {
        geod_geodesic e;
        geod_init(&e, 6378137.0, 1 / 298.257223563);
        return e;
    }();
    return g;
}

namespace {

std::string aeqdCentredOn(LonLat p)
{
    char buf[160];
    std::snprintf(buf, sizeof buf, "+proj=aeqd +lat_0=%.10f +lon_0=%.10f +datum=WGS84 +units=m +no_defs", p.lat, p.lon);
    return buf;
}

} // namespace

double geodesicDistanceM(LonLat a, LonLat b)
{
    const geod_geodesic& g = wgs84Geodesic();
    double s12 = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&g, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
    return s12;
}

double geodesicAzimuthDeg(LonLat a, LonLat b)
{
    const geod_geodesic& g = wgs84Geodesic();
    double s12 = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&g, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
    return azi1;
}

LonLat geodesicDestination(LonLat from, double azimuthDeg, double distanceM)
{
    const geod_geodesic& g = wgs84Geodesic();
    double lat2 = 0, lon2 = 0, azi2 = 0;
    geod_direct(&g, from.lat, from.lon, azimuthDeg, distanceM, &lat2, &lon2, &azi2);
    return {lon2, lat2};
}

NearestPoint nearestOnGeometry(LonLat p, const Geometry& g)
{
    NearestPoint best;
    if (g.coords.empty()) return best;
    Projector aeqd(kWgs84, aeqdCentredOn(p));
    std::vector<MapXY> xy = g.coords;
    aeqd.forward(xy);
    double bestD2 = INFINITY;
    MapXY bestXY{};
    auto consider = [&](MapXY q) {
        double d2 = q.x * q.x + q.y * q.y;
        if (d2 < bestD2) {
            bestD2 = d2;
            bestXY = q;
        }
    };
    if (g.kind == GeomKind::Point) {
        for (const MapXY& q : xy)
            if (std::isfinite(q.x)) consider(q);
    } else {
        for (size_t part = 0; part + 1 < g.partStarts.size(); ++part) {
            for (uint32_t i = g.partStarts[part]; i + 1 < g.partStarts[part + 1]; ++i) {
                MapXY a = xy[i], b = xy[i + 1];
                if (!std::isfinite(a.x) || !std::isfinite(b.x)) continue;
                double dx = b.x - a.x, dy = b.y - a.y;
                double len2 = dx * dx + dy * dy;
                double t = len2 > 0 ? std::clamp(-(a.x * dx + a.y * dy) / len2, 0.0, 1.0) : 0.0;
                consider({a.x + t * dx, a.y + t * dy});
            }
        }
    }
    if (!std::isfinite(bestD2)) return best;
    double x = bestXY.x, y = bestXY.y;
    aeqd.inverse(x, y);
    best.point = {x, y};
    best.distanceM = geodesicDistanceM(p, best.point);
    return best;
}

bool polygonContains(const Geometry& g, MapXY p)
{
    if (g.kind != GeomKind::Polygon) return false;
    bool inside = false;
    for (size_t part = 0; part + 1 < g.partStarts.size(); ++part) {
        const uint32_t begin = g.partStarts[part], end = g.partStarts[part + 1];
        if (end - begin < 3) continue;
        for (uint32_t i = begin, j = end - 1; i < end; j = i++) {
            const MapXY& a = g.coords[i];
            const MapXY& b = g.coords[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
        }
    }
    return inside;
}

} // namespace geo
