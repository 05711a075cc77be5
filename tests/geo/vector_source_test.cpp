// Listing and reading layers (geo/vector_source.cpp) from the basemap and from files GDAL writes.
#include "geo/crs.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>

namespace {

const geo::LayerInfo* findLayer(const geo::DatasetInfo& info, const std::string& name)
{
    for (const auto& l : info.layers)
        if (l.name == name) return &l;
    return nullptr;
}

} // namespace

TEST_CASE("the basemap lists countries, provinces and borders with counts, CRS and extent")
{
    geo::DatasetInfo info = geo::inspectDataset(testdata::basemap());
    CHECK(info.driver == "GPKG");
    const geo::LayerInfo* countries = findLayer(info, "countries");
    const geo::LayerInfo* provinces = findLayer(info, "provinces");
    REQUIRE(countries);
    REQUIRE(provinces);
    REQUIRE(findLayer(info, "borders"));
    CHECK(countries->featureCount > 240); // the whole world at 1:10m
    CHECK(countries->crs == "EPSG:4326");
    CHECK(countries->geometryType == "Multi Polygon");
    CHECK(countries->extent.minX == doctest::Approx(-180));
    CHECK(countries->extent.maxX == doctest::Approx(180));
    CHECK(provinces->featureCount > 200);
}

TEST_CASE("the basemap holds Cambodia's 24 provinces of the Natural Earth edition")
{
    geo::Layer provinces = geo::readLayer(testdata::basemap(), "provinces", geo::kWgs84);
    int iso = provinces.fieldIndex("adm0_a3");
    int name = provinces.fieldIndex("name");
    REQUIRE(iso >= 0);
    int khm = 0;
    bool kampongSpoe = false;
    for (const auto& f : provinces.features) {
        if (provinces.value(f, iso) != "KHM") continue;
        ++khm;
        kampongSpoe |= provinces.value(f, name) == "Kâmpóng Spœ"; // UTF-8 kept as is
    }
    CHECK(khm == 24);
    CHECK(kampongSpoe);
    CHECK(provinces.kind == geo::GeomKind::Polygon);
}

TEST_CASE("layers written by GeoJSON, Shapefile, KML and GPKG drivers list and read back")
{
    testdata::ScratchDir dir("formats");
    const std::vector<testdata::PointRow> rows = {{"A7 Park", 106.1333, 11.0667}, {"Techo", 104.91661, 11.36292}};
    const std::vector<std::pair<std::string, std::string>> formats = {
        {"p.geojson", "GeoJSON"}, {"p.shp", "ESRI Shapefile"}, {"p.kml", "KML"}, {"p.gpkg", "GPKG"}};
    for (const auto& [file, driver] : formats) {
        CAPTURE(driver);
        std::string path = dir.path(file);
        testdata::writePoints(path, driver, rows);
        geo::DatasetInfo info = geo::inspectDataset(path);
        REQUIRE(info.layers.size() == 1);
        CHECK(info.layers[0].featureCount == 2);
        if (driver != "KML") CHECK(info.layers[0].geometryType == "Point"); // KML layers declare no type
        CHECK(info.layers[0].extent.minX == doctest::Approx(104.91661));
        geo::Layer layer = geo::readLayer(path, "", geo::kWebMercator);
        REQUIRE(layer.features.size() == 2);
        CHECK(layer.kind == geo::GeomKind::Point);
        int nameField = layer.fieldIndex(driver == "KML" ? "Name" : "name");
        REQUIRE(nameField >= 0);
        CHECK(layer.value(layer.features[0], nameField) == "A7 Park");
        CHECK(layer.features[0].geometry.coords[0].x == doctest::Approx(6378137.0 * 106.1333 * M_PI / 180).epsilon(1e-9));
    }
}

TEST_CASE("CSV with lon/lat columns is read as points")
{
    testdata::ScratchDir dir("csv");
    std::string path = dir.path("places.csv");
    std::ofstream(path) << "name,lon,lat\nBavet,106.1333,11.0667\nPhnom Penh,104.92,11.56\n";
    // GDAL's CSV driver takes its column roles from open options; the .csvt-free form uses
    // X_POSSIBLE_NAMES, which readLayer sets for the usual lon/lat names.
    geo::Layer layer = geo::readLayer(path, "", geo::kWgs84);
    REQUIRE(layer.features.size() == 2);
    CHECK(layer.kind == geo::GeomKind::Point);
    CHECK(layer.features[1].geometry.coords[0].x == doctest::Approx(104.92));
    CHECK(layer.features[1].geometry.coords[0].y == doctest::Approx(11.56));
}

TEST_CASE("invalid polygons are repaired and counted on request; unusable coordinates are skipped")
{
    testdata::ScratchDir dir("invalid");
    std::string path = dir.path("bad.geojson");
    testdata::writeWkt(path, "GeoJSON", "bad",
                       {{"bowtie", "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"},
                        {"fine", "POLYGON ((0 0, 1 0, 1 1, 0 0))"},
                        {"toofar", "POLYGON ((0 0, 1 0, 1 95, 0 0))"}});
    geo::ReadControl repair;
    repair.repairInvalid = true;
    geo::Layer layer = geo::readLayer(path, "", geo::kWgs84, repair);
    CHECK(layer.repairedGeometries == 1);
    CHECK(layer.skippedGeometries == 1);
    CHECK(layer.features[0].geometry.polygonCount() == 2); // the bow tie becomes two triangles
    CHECK_FALSE(layer.warnings.empty());

    // For drawing (the default) the ring stays as the file has it: the even-odd fill
    // draws it, and no GEOS pass is paid.
    geo::Layer drawn = geo::readLayer(path, "", geo::kWgs84);
    CHECK(drawn.repairedGeometries == 0);
    CHECK(drawn.skippedGeometries == 1);
    CHECK(drawn.features[0].geometry.polygonCount() == 1);
    CHECK(drawn.features[0].geometry.coords.size() == 5);
}

TEST_CASE("bad files give one clear error")
{
    testdata::ScratchDir dir("badfiles");
    CHECK_THROWS_WITH_AS(geo::inspectDataset(dir.path("missing.gpkg")), doctest::Contains("no such file"), geo::Error);
    std::string empty = dir.path("empty.geojson");
    std::ofstream(empty).flush();
    CHECK_THROWS_WITH_AS(geo::inspectDataset(empty), doctest::Contains("empty"), geo::Error);
    std::string garbage = dir.path("garbage.gpkg");
    std::ofstream(garbage) << "\x01\x02 this is not geodata at all \xff\xfe";
    CHECK_THROWS_AS(geo::inspectDataset(garbage), geo::Error);
    CHECK_THROWS_AS(geo::inspectDataset("https://example.com/x.geojson"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::readLayer(testdata::basemap(), "nope", geo::kWgs84), doctest::Contains("no layer named"),
                         geo::Error);
}

TEST_CASE("a spatial filter reads only the features near the box, in any CRS")
{
    geo::ReadControl control;
    control.filter.expand(105.9, 10.9); // around Bavet, lon/lat
    control.filter.expand(106.3, 11.3);
    geo::Layer near = geo::readLayer(testdata::basemap(), "countries", geo::kWebMercator, control);
    int name = near.fieldIndex("name");
    std::vector<std::string> names;
    for (const auto& f : near.features) names.push_back(near.value(f, name));
    std::sort(names.begin(), names.end());
    // The GeoPackage's R-tree decides: every feature whose box meets the box (with no exact
    // geometry test: drawing needs only the boxes), so Cambodia and Vietnam and a few whose
    // boxes are huge (the U.S. Minor Outlying Islands span the antimeridian), nothing else.
    CHECK(std::count(names.begin(), names.end(), "Cambodia") == 1);
    CHECK(std::count(names.begin(), names.end(), "Vietnam") == 1);
    CHECK(std::count(names.begin(), names.end(), "Thailand") == 0);
    CHECK(names.size() <= 4);
    const geo::Extent mercBox = geo::Projector(geo::kWgs84, geo::kWebMercator).forwardExtent(control.filter);
    for (const auto& f : near.features) CHECK(f.bbox.intersects(mercBox));
    // The same box given in Web Mercator metres selects the same features.
    control.filter = mercBox;
    control.filterCrs = geo::kWebMercator;
    CHECK(geo::readLayer(testdata::basemap(), "countries", geo::kWebMercator, control).features.size() == names.size());
}

TEST_CASE("progress and cancel are answered between features, even when there are only a few")
{
    testdata::ScratchDir dir("fewfeatures");
    const std::string path = dir.path("three.gpkg");
    testdata::writeWkt(path, "GPKG", "three",
                       {{"a", "POLYGON((0 0,1 0,1 1,0 1,0 0))"},
                        {"b", "POLYGON((2 0,3 0,3 1,2 1,2 0))"},
                        {"c", "POLYGON((4 0,5 0,5 1,4 1,4 0))"}});
    std::vector<double> seen;
    geo::ReadControl control;
    control.progress = [&](double p) { seen.push_back(p); };
    geo::readLayer(path, "", geo::kWgs84, control);
    // One report per feature before the final 1.0, rising.
    CHECK(seen == std::vector<double>{0.0, 1.0 / 3, 2.0 / 3, 1.0});

    std::atomic<bool> cancel{false};
    control.cancel = &cancel;
    control.progress = [&](double p) { if (p > 0) cancel.store(true); }; // cancel after the first feature
    CHECK_THROWS_AS(geo::readLayer(path, "", geo::kWgs84, control), geo::Cancelled);
}

TEST_CASE("a GeoPackage read by several readers gives the same layer, in the file's order")
{
    // The basemap's provinces (a GPKG): split between three connections by FID.
    geo::ReadControl one, three;
    one.readers = 1;
    three.readers = 3;
    const geo::Layer a = geo::readLayer(testdata::basemap(), "provinces", geo::kWebMercator, one);
    const geo::Layer b = geo::readLayer(testdata::basemap(), "provinces", geo::kWebMercator, three);
    REQUIRE(a.features.size() == b.features.size());
    REQUIRE(a.features.size() > 100);
    for (size_t i = 0; i < a.features.size(); ++i) {
        CAPTURE(i);
        CHECK(a.features[i].fid == b.features[i].fid);
        CHECK(a.features[i].values == b.features[i].values);
        CHECK(a.features[i].geometry.coords.size() == b.features[i].geometry.coords.size());
        CHECK(a.features[i].bbox.minX == b.features[i].bbox.minX);
    }
    CHECK(a.extent.minX == b.extent.minX);
    CHECK(a.extent.maxY == b.extent.maxY);
    // With a spatial filter too: the same features near Bavet.
    one.filter = three.filter = geo::Extent{105.5, 10.5, 106.5, 11.5};
    CHECK(geo::readLayer(testdata::basemap(), "provinces", geo::kWgs84, three).features.size() ==
          geo::readLayer(testdata::basemap(), "provinces", geo::kWgs84, one).features.size());
}
