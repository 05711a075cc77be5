// Scale bar and north arrow from PROJ + geodesics rather than from the CRS's nominal units.
#include "geo/map_furniture.hpp"
#include "geo/crs.hpp"
#include "geo/geodesic.hpp"

#include <cmath>
#include <cstdio>

namespace geo {

namespace {

bool toLonLat(const Projector& toGeo, MapXY m, LonLat& out)
{
    double x = m.x, y = m.y;
    if (!toGeo.forward(x, y)) return false;
    out = {x, y};
    return true;
}

} // namespace

double metresPerPixelAtCentre(const Viewport& v, const std::string& mapCrs)
{
    Projector toGeo(mapCrs, kWgs84);
    const ScreenPx c{v.width() / 2.0, v.height() / 2.0};
    constexpr double kHalf = 50; // measure over 100 px: long enough to be exact, short enough to be local
    LonLat a, b;
    if (!toLonLat(toGeo, v.toMap({c.x - kHalf, c.y}), a) || !toLonLat(toGeo, v.toMap({c.x + kHalf, c.y}), b)) return 0;
    return geodesicDistanceM(a, b) / (2 * kHalf);
}

ScaleBar chooseScaleBar(const Viewport& v, const std::string& mapCrs, double maxPixels)
{
    ScaleBar bar;
    const double mpp = metresPerPixelAtCentre(v, mapCrs);
    if (!(mpp > 0) || !(maxPixels > 0)) return bar;
    const double maxMetres = mpp * maxPixels;
    double step = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double f : {5.0, 2.0, 1.0})
        if (f * step <= maxMetres) {
            bar.metres = f * step;
            break;
        }
    bar.pixels = bar.metres / mpp;
    char buf[32];
    if (bar.metres >= 1000) std::snprintf(buf, sizeof buf, "%g km", bar.metres / 1000);
    else std::snprintf(buf, sizeof buf, "%g m", bar.metres);
    bar.label = buf;
    return bar;
}

double trueNorthScreenAngleDeg(const Viewport& v, const std::string& mapCrs)
{
    Projector toGeo(mapCrs, kWgs84);
    LonLat c;
    if (!toLonLat(toGeo, v.center(), c)) return 0;
    // A point 1 km due north, back in the map CRS, then on screen.
    LonLat n = geodesicDestination(c, 0.0, std::min(1000.0, 100 * metresPerPixelAtCentre(v, mapCrs) + 1));
    double x = n.lon, y = n.lat;
    if (!toGeo.inverse(x, y)) return 0;
    ScreenPx s0 = v.toScreen(v.center());
    ScreenPx s1 = v.toScreen({x, y});
    return std::atan2(s1.x - s0.x, s0.y - s1.y) * 180.0 / M_PI;
}

} // namespace geo
