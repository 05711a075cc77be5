// Projection round trips and axis order (geo/crs.cpp).
#include "geo/crs.hpp"
#include "geo/error.hpp"

#include <doctest/doctest.h>

#include <cmath>

using geo::Projector;

TEST_CASE("lon/lat axis order is explicit: A7 Park, Bavet lands east of Phnom Penh in Web Mercator")
{
    Projector p(geo::kWgs84, geo::kWebMercator);
    double x = 106.1333, y = 11.0667;
    REQUIRE(p.forward(x, y));
    // x = R * lon in radians; a lat/lon swap would give x ~ 1.23e6.
    CHECK(x == doctest::Approx(6378137.0 * 106.1333 * M_PI / 180.0).epsilon(1e-9));
    CHECK(y == doctest::Approx(6378137.0 * std::log(std::tan(M_PI / 4 + 11.0667 * M_PI / 360.0))).epsilon(1e-9));
}

TEST_CASE("round trips 4326 -> 3857 -> UTM 48N -> 4326 stay within 1 cm")
{
    Projector toMerc(geo::kWgs84, geo::kWebMercator);
    Projector mercToUtm(geo::kWebMercator, "EPSG:32648");
    Projector utmToGeo("EPSG:32648", geo::kWgs84);
    Projector geoToUtm(geo::kWgs84, "EPSG:32648");
    const double points[][2] = {{106.1333, 11.0667}, {104.9166, 11.3629}, {103.5, 10.6333}, {102.0, 14.0}};
    for (const auto& pt : points) {
        double x = pt[0], y = pt[1];
        REQUIRE(toMerc.forward(x, y));
        REQUIRE(mercToUtm.forward(x, y));
        double ux = pt[0], uy = pt[1];
        REQUIRE(geoToUtm.forward(ux, uy));
        CHECK(std::hypot(x - ux, y - uy) < 0.01); // the two paths to UTM agree within 1 cm
        REQUIRE(utmToGeo.forward(x, y));
        // 1 cm is about 9e-8 degrees.
        CHECK(std::abs(x - pt[0]) < 9e-8);
        CHECK(std::abs(y - pt[1]) < 9e-8);
        double bx = ux, by = uy;
        REQUIRE(geoToUtm.inverse(bx, by));
        CHECK(std::abs(bx - pt[0]) < 9e-8);
    }
}

TEST_CASE("PROJ strings and UTM zone lookup")
{
    CHECK(geo::utmCrsFor({106.13, 11.07}) == "EPSG:32648");
    CHECK(geo::utmCrsFor({-70.0, -33.0}) == "EPSG:32719");
    Projector p(geo::kWgs84, "+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs");
    double x = 105.0, y = 0.0; // central meridian of zone 48, on the equator
    REQUIRE(p.forward(x, y));
    CHECK(x == doctest::Approx(500000.0).epsilon(1e-9));
    CHECK(std::abs(y) < 1e-6);
}

TEST_CASE("unknown CRS is a clear error")
{
    CHECK_THROWS_AS(Projector(geo::kWgs84, "EPSG:999999"), geo::Error);
    CHECK_THROWS_AS(geo::describeCrs("not a crs"), geo::Error);
    CHECK(geo::describeCrs(geo::kWebMercator) == "WGS 84 / Pseudo-Mercator");
}

TEST_CASE("extents are densified: a lon/lat box projects to a box containing its curved edges")
{
    Projector p(geo::kWgs84, "EPSG:32648");
    geo::Extent e;
    e.expand(102.0, 10.0);
    e.expand(108.0, 15.0);
    geo::Extent out = p.forwardExtent(e);
    REQUIRE_FALSE(out.empty());
    double x = 105.0, y = 15.0; // top edge bulges north at the central meridian
    p.forward(x, y);
    CHECK(out.maxY >= y);
}
