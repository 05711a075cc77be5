// Web Mercator on the sphere of radius 6378137 m, as EPSG:3857 defines it.
#include "viewer/app/map_crs.hpp"

#include <algorithm>
#include <cmath>

namespace viewer {

namespace {
constexpr double kRadius = 6378137.0;
constexpr double kPi = 3.14159265358979323846;
} // namespace

geo::MapXY lonLatToMap(geo::LonLat p)
{
    const double lat = std::clamp(p.lat, -kMercatorMaxLat, kMercatorMaxLat) * kPi / 180;
    return {kRadius * p.lon * kPi / 180, kRadius * std::log(std::tan(kPi / 4 + lat / 2))};
}

geo::LonLat mapToLonLat(geo::MapXY m)
{
    return {m.x / kRadius * 180 / kPi, (2 * std::atan(std::exp(m.y / kRadius)) - kPi / 2) * 180 / kPi};
}

geo::Extent lonLatBoxToMap(double west, double south, double east, double north)
{
    geo::Extent e;
    const geo::MapXY a = lonLatToMap({west, south}), b = lonLatToMap({east, north});
    e.expand(a.x, a.y);
    e.expand(b.x, b.y);
    return e;
}

double metresPerUnitAt(geo::MapXY m) { return std::cos(mapToLonLat(m).lat * kPi / 180); }

geo::Extent defaultViewExtent() { return lonLatBoxToMap(100.8, 8.8, 109.2, 16.2); }

} // namespace viewer
