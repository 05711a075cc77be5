// CSV geometry detection (geo/csv_geometry.cpp): by names, by values, WKT, and none.
#include "geo/crs.hpp"
#include "geo/csv_geometry.hpp"
#include "geo/vector_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <fstream>

TEST_CASE("columns named like coordinates are found by name")
{
    testdata::ScratchDir dir("csvnames");
    for (auto [x, y] : {std::pair{"longitude", "latitude"}, std::pair{"LNG", "Lat"}, std::pair{"x", "y"}}) {
        std::string path = dir.path(std::string(x) + ".csv");
        std::ofstream(path) << "name," << y << "," << x << "\nBavet,11.0667,106.1333\n";
        geo::CsvGeometryColumns c = geo::detectCsvGeometry(path);
        CHECK(c.x == x);
        CHECK(c.y == y);
        CHECK_FALSE(c.byValues);
        geo::Layer l = geo::readLayer(path, "", geo::kWgs84);
        REQUIRE(l.features.size() == 1);
        CHECK(l.features[0].geometry.coords[0].x == doctest::Approx(106.1333));
    }
}

TEST_CASE("unnamed coordinate columns are found by their values")
{
    testdata::ScratchDir dir("csvvalues");
    std::string path = dir.path("sites.csv");
    // "b" goes past 90, so it can only be the longitude even though it comes second.
    std::ofstream(path) << "site,a,b,people\nA7,11.0667,106.1333,2044\nKK,16.63111,98.55694,50\nTecho,11.36292,104.91661,406\n";
    geo::CsvGeometryColumns c = geo::detectCsvGeometry(path);
    CHECK(c.x == "b");
    CHECK(c.y == "a");
    CHECK(c.byValues);
    geo::Layer l = geo::readLayer(path, "", geo::kWgs84);
    REQUIRE(l.features.size() == 3);
    CHECK(l.kind == geo::GeomKind::Point);
    CHECK(l.features[1].geometry.coords[0].y == doctest::Approx(16.63111));
}

TEST_CASE("a WKT column is found by its values; a CSV without geometry finds nothing")
{
    testdata::ScratchDir dir("csvwkt");
    std::string path = dir.path("shapes.csv");
    std::ofstream(path) << "id,shape\n1,\"POLYGON ((106 11, 106.2 11, 106.2 11.2, 106 11))\"\n";
    geo::CsvGeometryColumns c = geo::detectCsvGeometry(path);
    CHECK(c.wkt == "shape");
    geo::Layer l = geo::readLayer(path, "", geo::kWgs84);
    CHECK(l.kind == geo::GeomKind::Polygon);
    std::string plain = dir.path("plain.csv");
    std::ofstream(plain) << "name,notes\nA7,raided\n";
    CHECK_FALSE(geo::detectCsvGeometry(plain).found());
}
