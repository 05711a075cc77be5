// The map CRS (geo/map_crs.cpp): transforms, true scale, what a CRS can draw, bad codes.
// Expected numbers come from PROJ's command-line tools, run separately:
//   echo "104.92 11.56" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32648   -> 491277.401 1277901.272
//   echo "104.92 11.56" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3857    -> 11679640.974 1295673.911
//   echo "104.92 11.56" | proj -V +proj=utm +zone=48 +datum=WGS84            -> scale k 0.99960094
//   echo "0 0 0 1" | geod +ellps=WGS84 -I +units=m                            -> 111319.491 m
#include "geo/error.hpp"
#include "geo/map_crs.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <thread>

namespace {
constexpr geo::LonLat kPhnomPenh{104.92, 11.56};
}

TEST_CASE("map CRS: Web Mercator matches PROJ and round trips, latitudes clamped")
{
    const geo::MapCrs crs;
    CHECK(crs.definition() == "EPSG:3857");
    CHECK(crs.webMercator());
    const geo::MapXY m = crs.forward(kPhnomPenh);
    CHECK(m.x == doctest::Approx(11679640.974).epsilon(1e-9));
    CHECK(m.y == doctest::Approx(1295673.911).epsilon(1e-9));
    const geo::LonLat back = crs.inverse(m);
    CHECK(back.lon == doctest::Approx(104.92).epsilon(1e-12));
    CHECK(back.lat == doctest::Approx(11.56).epsilon(1e-12));
    CHECK(std::isfinite(crs.forward({0, -90}).y));
    CHECK(crs.forward({0, -90}).y == doctest::Approx(crs.forward({0, -geo::kMercatorMaxLat}).y));
    CHECK(crs.metresPerUnitAt(crs.forward({20, 60})) == doctest::Approx(0.5).epsilon(1e-9));
}

TEST_CASE("map CRS: WGS 84 is lon/lat degrees, about 111 km per degree east-west at the equator")
{
    const geo::MapCrs crs("epsg:4326");
    CHECK(crs.definition() == "EPSG:4326"); // one spelling
    CHECK(crs.geographic());
    const geo::MapXY m = crs.forward(kPhnomPenh);
    CHECK(m.x == doctest::Approx(104.92));
    CHECK(m.y == doctest::Approx(11.56));
    CHECK(crs.metresPerUnitAt({0, 0}) == doctest::Approx(111319.491).epsilon(1e-5));
    // Parallels shrink: at 60 degrees a degree of longitude is about half as long.
    CHECK(crs.metresPerUnitAt({105, 60}) / crs.metresPerUnitAt({105, 0}) == doctest::Approx(0.5).epsilon(0.01));
    // Degrees need their own zoom limits (1 cm per pixel is ~1e-7 degrees).
    CHECK(crs.minUnitsPerPixel() < 1e-6);
}

TEST_CASE("map CRS: UTM 48N places Phnom Penh where PROJ's tools do, with the UTM scale factor")
{
    const geo::MapCrs crs("EPSG:32648");
    CHECK(crs.name() == "WGS 84 / UTM zone 48N");
    CHECK_FALSE(crs.geographic());
    const geo::MapXY m = crs.forward(kPhnomPenh);
    CHECK(m.x == doctest::Approx(491277.401).epsilon(1e-9));
    CHECK(m.y == doctest::Approx(1277901.272).epsilon(1e-9));
    const geo::LonLat back = crs.inverse(m);
    CHECK(back.lon == doctest::Approx(104.92).epsilon(1e-10));
    CHECK(back.lat == doctest::Approx(11.56).epsilon(1e-10));
    CHECK(crs.metresPerUnitAt(m) == doctest::Approx(1 / 0.99960094).epsilon(1e-6));
    // A box around Cambodia projects to a box containing Phnom Penh's easting/northing.
    const geo::Extent box = crs.lonLatBox(102, 10, 108, 15);
    CHECK(box.contains(m.x, m.y));
    const geo::Extent lonLat = crs.toLonLatBox(box);
    CHECK(lonLat.minX <= 102.0001);
    CHECK(lonLat.maxY >= 14.9999);
}

TEST_CASE("map CRS: a UTM zone draws its side of the globe only; the rest is left out and counted")
{
    const geo::MapCrs crs("EPSG:32648");
    const geo::Extent d = crs.drawableLonLat();
    CHECK(d.contains(104.92, 11.56));
    CHECK_FALSE(d.contains(-100, 40)); // PROJ would fold the USA over to a finite but wrong place
    geo::Layer layer;
    layer.name = "test";
    auto point = [](double lon, double lat) {
        geo::Feature f;
        f.geometry.kind = geo::GeomKind::Point;
        f.geometry.coords = {{lon, lat}};
        f.geometry.partStarts = {0, 1};
        return f;
    };
    layer.features = {point(104.92, 11.56), point(-100, 40), point(106.13, 11.07)};
    CHECK(crs.projectLayer(layer) == 1);
    CHECK(layer.features.size() == 3); // attributes stay; the geometry is gone
    CHECK(layer.features[1].geometry.empty());
    CHECK(layer.features[0].geometry.coords[0].x == doctest::Approx(491277.401).epsilon(1e-9));
    const geo::MapXY pp = crs.forward(kPhnomPenh);
    CHECK(layer.extent.contains(pp.x, pp.y));
    CHECK_FALSE(layer.extent.contains(0, 0)); // the dropped point is not in it
    CHECK(layer.crs == "EPSG:32648");
    REQUIRE(layer.warnings.size() == 1);
    CHECK(layer.warnings[0].find("1 features") != std::string::npos);
}

TEST_CASE("map CRS: a multipolygon with a part the CRS cannot show keeps the parts it can, counted")
{
    // Norway is one feature from Bouvet Island (54 S) to Svalbard (80 N); an Arctic CRS drops
    // Bouvet, not the whole country.
    const geo::MapCrs crs("EPSG:3413");
    REQUIRE_FALSE(crs.drawableLonLat().contains(3.4, -54.4));
    geo::Layer layer;
    layer.name = "countries";
    geo::Feature norway;
    norway.geometry.kind = geo::GeomKind::Polygon;
    auto square = [&](double lon, double lat) {
        for (geo::MapXY p : {geo::MapXY{lon, lat}, {lon + 1, lat}, {lon + 1, lat + 1}, {lon, lat + 1}, {lon, lat}})
            norway.geometry.coords.push_back(p);
        norway.geometry.partStarts.push_back(static_cast<uint32_t>(norway.geometry.coords.size()));
        norway.geometry.polygonStarts.push_back(static_cast<uint32_t>(norway.geometry.partCount()));
    };
    square(3.0, -54.8); // Bouvet
    square(16.0, 78.0); // Svalbard
    layer.features = {norway};
    CHECK(crs.projectLayer(layer) == 0);
    const geo::Geometry& g = layer.features[0].geometry;
    REQUIRE(g.polygonCount() == 1);
    CHECK(g.partCount() == 1);
    CHECK(g.coords.size() == 5);
    const geo::MapXY svalbard = crs.forward({16.5, 78.5});
    CHECK(layer.features[0].bbox.contains(svalbard.x, svalbard.y));
    REQUIRE(layer.warnings.size() == 1);
    CHECK(layer.warnings[0].find("1 features drawn in part") != std::string::npos);
}

TEST_CASE("map CRS: a polygon or line reaching past what the CRS can draw is cut there, not dropped")
{
    // Russia's mainland is one ring from 27 E to 180 E: UTM 48N draws 42-168 E of it (both
    // sides of this rectangle are cut).
    const geo::MapCrs crs("EPSG:32648");
    const geo::Extent d = crs.drawableLonLat();
    REQUIRE(d.maxX < 170);
    geo::Layer layer;
    layer.name = "countries";
    geo::Feature russia;
    russia.geometry.kind = geo::GeomKind::Polygon;
    russia.geometry.coords = {{30, 50}, {175, 50}, {175, 70}, {30, 70}, {30, 50}};
    russia.geometry.partStarts = {0, 5};
    russia.geometry.polygonStarts = {0, 1};
    geo::Feature road; // from the zone to far past its edge and back
    road.geometry.kind = geo::GeomKind::Line;
    road.geometry.coords = {{105, 55}, {175, 55}, {105, 60}};
    road.geometry.partStarts = {0, 3};
    layer.features = {russia, road};
    CHECK(crs.projectLayer(layer) == 0);
    const geo::Geometry& ring = layer.features[0].geometry;
    REQUIRE(ring.polygonCount() == 1);
    CHECK(ring.coords.size() == 5); // the rectangle cut to d, still closed
    CHECK(ring.coords.front().x == ring.coords.back().x);
    const geo::MapXY cutCorner = crs.forward({d.maxX, 50});
    bool cut = false; // (175, 50) moved to the edge
    for (const geo::MapXY& p : ring.coords) cut |= std::abs(p.x - cutCorner.x) < 1e-3 && std::abs(p.y - cutCorner.y) < 1e-3;
    CHECK(cut);
    const geo::Geometry& line = layer.features[1].geometry;
    CHECK(line.partCount() == 2); // out to the edge, and back from it: two pieces
    CHECK(line.coords.size() == 4);
    for (const geo::MapXY& p : line.coords) CHECK((std::isfinite(p.x) && std::isfinite(p.y)));
    REQUIRE(layer.warnings.size() == 1);
    CHECK(layer.warnings[0].find("2 features drawn in part") != std::string::npos);
}

TEST_CASE("map CRS: unknown codes are refused with one line")
{
    CHECK_THROWS_AS(geo::MapCrs("EPSG:999999"), geo::Error);
    CHECK_THROWS_AS(geo::MapCrs("not a crs"), geo::Error);
    CHECK_THROWS_AS(geo::MapCrs(""), geo::Error);
    CHECK_THROWS_AS(geo::MapCrs("EPSG:4978"), geo::Error); // geocentric X/Y/Z: PROJ knows it, a map cannot use it
    CHECK_THROWS_AS(geo::MapCrs("EPSG:5773"), geo::Error); // heights only
    try {
        geo::MapCrs("EPSG:999999");
    } catch (const geo::Error& e) {
        CHECK(std::string(e.what()).find('\n') == std::string::npos);
        CHECK(std::string(e.what()).find("999999") != std::string::npos);
    }
}

TEST_CASE("map CRS: copies are independent (each thread its own PROJ objects)")
{
    const geo::MapCrs crs("EPSG:32648");
    geo::MapXY a, b;
    std::thread t([copy = crs, &a] { a = copy.forward(kPhnomPenh); });
    b = crs.forward(kPhnomPenh);
    t.join();
    CHECK(a.x == b.x);
    CHECK(a.y == b.y);
}
