// geod_inverse per segment; geod_polygon for the area (exact for geodesic edges).
#include "geo/measure.hpp"
#include "geo/geodesic.hpp"

#include <geodesic.h>

#include <cmath>
#include <cstdio>

namespace geo {

namespace {

constexpr double kMetresPerNauticalMile = 1852.0; // by definition

// 1234567.8 -> "1,234,568".
std::string grouped(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", std::abs(v));
    std::string s = buf;
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return v < 0 ? "-" + s : s;
}

std::string withDecimals(double v, const char* suffix)
{
    char buf[64];
    // Two decimals below 1000 (143.51 km), none above (a large number reads better grouped).
    if (std::abs(v) < 1000) std::snprintf(buf, sizeof buf, "%.2f %s", v, suffix);
    else return grouped(v) + " " + suffix;
    return buf;
}

} // namespace

double geodesicPathLengthM(std::span<const LonLat> path)
{
    const geod_geodesic& g = wgs84Geodesic();
    double total = 0;
    for (size_t i = 1; i < path.size(); ++i) {
        double s12 = 0, azi1 = 0, azi2 = 0;
        geod_inverse(&g, path[i - 1].lat, path[i - 1].lon, path[i].lat, path[i].lon, &s12, &azi1, &azi2);
        total += s12;
    }
    return total;
}

GeodesicArea geodesicPolygonArea(std::span<const LonLat> ring)
{
    GeodesicArea out;
    if (ring.size() < 2) return out;
    const geod_geodesic& g = wgs84Geodesic();
    geod_polygon p;
    geod_polygon_init(&p, 0);
    for (const LonLat& c : ring) geod_polygon_addpoint(&g, &p, c.lat, c.lon);
    double area = 0, perimeter = 0;
    // Signed, then made positive: unsigned, a clockwise ring would give the rest of the Earth.
    geod_polygon_compute(&g, &p, 0, 1, &area, &perimeter);
    out.areaM2 = ring.size() < 3 ? 0 : std::abs(area);
    out.perimeterM = perimeter;
    return out;
}

const char* unitSymbol(LengthUnit unit)
{
    switch (unit) {
    case LengthUnit::Metres: return "m";
    case LengthUnit::NauticalMiles: return "NM";
    default: return "km";
    }
}

std::string formatLength(double metres, LengthUnit unit)
{
    switch (unit) {
    case LengthUnit::Metres: return grouped(metres) + " m";
    case LengthUnit::NauticalMiles: return withDecimals(metres / kMetresPerNauticalMile, "NM");
    default: return withDecimals(metres / 1000, "km");
    }
}

std::string formatArea(double squareMetres, LengthUnit unit)
{
    switch (unit) {
    case LengthUnit::Metres: return grouped(squareMetres) + " m\u00b2";
    case LengthUnit::NauticalMiles:
        return withDecimals(squareMetres / (kMetresPerNauticalMile * kMetresPerNauticalMile), "NM\u00b2");
    default: return withDecimals(squareMetres / 1e6, "km\u00b2");
    }
}

} // namespace geo
