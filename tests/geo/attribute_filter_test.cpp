// Attribute filters: OGR expressions select FIDs; typed CSV columns compare as numbers;
// bad expressions and odd input are one-line errors; the text cannot reach SQL.
#include "geo/attribute_filter.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <fstream>

using geo::matchingFids;

TEST_CASE("attribute filter: matches by name, LIKE, and everything when empty")
{
    testdata::ScratchDir dir("attrfilter");
    const std::string path = dir.path("pts.gpkg");
    testdata::writePoints(path, "GPKG", {{"A7 Park", 106.06, 11.08}, {"KK Park", 98.5, 16.7}, {"Jin Bei", 103.5, 10.6}});
    const geo::Layer layer = geo::readLayer(path, "", geo::kWgs84Crs);
    CHECK(matchingFids(path, "", "").size() == 3);
    const auto one = matchingFids(path, "", "name = 'KK Park'");
    REQUIRE(one.size() == 1);
    CHECK(one[0] == layer.features[1].fid);
    CHECK(matchingFids(path, "", "name LIKE '%Park'").size() == 2);
}

TEST_CASE("attribute filter: CSV columns are typed, so numbers compare as numbers")
{
    testdata::ScratchDir dir("attrcsv");
    const std::string path = dir.path("pts.csv");
    std::ofstream(path) << "name,lon,lat,arrests\nA,106,11,120\nB,105,12,40\nC,104,13,300\n";
    CHECK(matchingFids(path, "", "arrests > 100").size() == 2);
    CHECK(matchingFids(path, "", "arrests >= 300").size() == 1);
}

TEST_CASE("attribute filter: bad expressions, missing layers and files are one-line errors")
{
    testdata::ScratchDir dir("attrbad");
    const std::string path = dir.path("pts.gpkg");
    testdata::writePoints(path, "GPKG", {{"A", 106, 11}});
    for (const char* bad : {"name = ", "nosuchfield = 3", "1; DROP TABLE pts", "name = 'x' UNION SELECT 1"}) {
        INFO(std::string(bad));
        try {
            matchingFids(path, "", bad);
            FAIL("accepted");
        } catch (const geo::Error& e) {
            CHECK(std::string(e.what()).find('\n') == std::string::npos);
        }
    }
    CHECK_THROWS_AS(matchingFids(path, "nope", "1 = 1"), geo::Error);
    CHECK_THROWS_AS(matchingFids(dir.path("missing.gpkg"), "", ""), geo::Error);
    CHECK_THROWS_AS(matchingFids("https://example.invalid/x.geojson", "", ""), geo::Error);
    // The table is still there: the text never ran as SQL.
    CHECK(matchingFids(path, "", "").size() == 1);
}
