// Counting features by their own kind (geo/feature_kinds.cpp): a mixed WKT layer is "1 polygon,
// 1 line", not "2 polygons" (its Layer::kind is only its first feature's).
#include "geo/feature_kinds.hpp"
#include "geo/vector_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace {

geo::Feature featureOf(geo::GeomKind kind)
{
    geo::Feature f;
    f.geometry.kind = kind;
    if (kind != geo::GeomKind::None) {
        f.geometry.coords = {{0, 0}, {1, 0}, {1, 1}, {0, 0}};
        f.geometry.partStarts = {0, 4};
    }
    return f;
}

} // namespace

TEST_CASE("a mixed WKT CSV (a polygon and a line) is labelled by the actual kinds")
{
    testdata::ScratchDir dir("mixedwkt");
    const std::string csv = dir.path("mixed.csv");
    std::ofstream(csv) << "name,WKT\n"
                          "area,\"POLYGON ((104 10,106 10,106 12,104 12,104 10))\"\n"
                          "road,\"LINESTRING (104 10,106 12)\"\n";
    geo::initGdal();
    const geo::Layer l = geo::readLayer(csv, "", "EPSG:4326");
    REQUIRE(l.features.size() == 2);
    CHECK(l.kind == geo::GeomKind::Polygon); // the first feature's kind: what the label used to say
    const geo::FeatureKindCounts c = geo::countFeatureKinds(l);
    CHECK(c.polygons == 1);
    CHECK(c.lines == 1);
    CHECK(c.points == 0);
    CHECK(geo::featureKindsText(l) == "1 polygon, 1 line");
}

TEST_CASE("one kind, plurals, features without geometry, and an empty layer")
{
    geo::Layer l;
    CHECK(geo::featureKindsText(l) == "no features");
    l.features = {featureOf(geo::GeomKind::Point)};
    CHECK(geo::featureKindsText(l) == "1 point");
    l.features.push_back(featureOf(geo::GeomKind::Point));
    l.features.push_back(featureOf(geo::GeomKind::Point));
    CHECK(geo::featureKindsText(l) == "3 points");
    l.features.push_back(featureOf(geo::GeomKind::Polygon));
    l.features.push_back(featureOf(geo::GeomKind::Polygon));
    l.features.push_back(featureOf(geo::GeomKind::None));
    CHECK(geo::featureKindsText(l) == "2 polygons, 3 points, 1 without geometry");
}
