// Scale bar and true north (geo/map_furniture.cpp) in Web Mercator and UTM.
#include "geo/crs.hpp"
#include "geo/map_furniture.hpp"

#include <doctest/doctest.h>

#include <cmath>

namespace {

geo::Viewport viewAt(const std::string& crs, double lon, double lat, double unitsPerPixel)
{
    geo::Projector p(geo::kWgs84, crs);
    double x = lon, y = lat;
    p.forward(x, y);
    return geo::Viewport(800, 600, {x, y}, unitsPerPixel);
}

} // namespace

TEST_CASE("Web Mercator: a pixel is cos(latitude) times its nominal metres at the centre")
{
    geo::Viewport v = viewAt(geo::kWebMercator, 106.1333, 11.0667, 100.0);
    // Mercator's scale factor is 1/cos(lat) on the sphere; the ellipsoid changes it by < 0.5 %.
    CHECK(geo::metresPerPixelAtCentre(v, geo::kWebMercator) ==
          doctest::Approx(100.0 * std::cos(11.0667 * M_PI / 180)).epsilon(0.005));
    geo::ScaleBar bar = geo::chooseScaleBar(v, geo::kWebMercator, 200);
    CHECK(bar.metres == 10000);
    CHECK(bar.label == "10 km");
    CHECK(bar.pixels <= 200);
    CHECK(bar.pixels > 100);
    CHECK(std::abs(geo::trueNorthScreenAngleDeg(v, geo::kWebMercator)) < 1e-6);
}

TEST_CASE("UTM 48N: north tilts by the grid convergence away from the central meridian")
{
    // Convergence ~ (lon - 105) * sin(lat): about +0.217 degrees at Bavet, 0 on the meridian.
    geo::Viewport bavet = viewAt("EPSG:32648", 106.1333, 11.0667, 50.0);
    double angle = geo::trueNorthScreenAngleDeg(bavet, "EPSG:32648");
    CHECK(angle == doctest::Approx(-(106.1333 - 105) * std::sin(11.0667 * M_PI / 180)).epsilon(0.02));
    geo::Viewport onMeridian = viewAt("EPSG:32648", 105.0, 11.0, 50.0);
    CHECK(std::abs(geo::trueNorthScreenAngleDeg(onMeridian, "EPSG:32648")) < 1e-3);
    // UTM scale factor is 0.9996 on the meridian: 50 m of grid is 50.02 m on the ground.
    CHECK(geo::metresPerPixelAtCentre(onMeridian, "EPSG:32648") == doctest::Approx(50.0 / 0.9996).epsilon(1e-4));
}
