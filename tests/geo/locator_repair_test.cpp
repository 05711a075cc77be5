// The locator repairs invalid areas when a look-up first meets them, not every polygon of
// the basemap on reading (GEOS IsValid on every province cost more than the rest of it).
#include "geo/locator.hpp"
#include "geo/vector_source.hpp"
#include "test_data.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using Row = std::map<std::string, std::string>; // field -> value; "wkt" is the geometry

void addLayer(GDALDataset& ds, const char* name, OGRwkbGeometryType type, const std::vector<std::string>& fields,
              const std::vector<Row>& rows)
{
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds.CreateLayer(name, &wgs84, type, nullptr);
    REQUIRE(layer);
    for (const std::string& f : fields) {
        OGRFieldDefn defn(f.c_str(), OFTString);
        REQUIRE(layer->CreateField(&defn) == OGRERR_NONE);
    }
    for (const Row& r : rows) {
        OGRFeature feature(layer->GetLayerDefn());
        for (const auto& [k, v] : r)
            if (k != "wkt") feature.SetField(k.c_str(), v.c_str());
        OGRGeometry* g = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(r.at("wkt").c_str(), nullptr, &g) == OGRERR_NONE);
        feature.SetGeometryDirectly(g);
        REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
    }
}

// Two countries side by side and three provinces; "Knot" is a bow-tie (invalid).
std::string writeBasemap(const testdata::ScratchDir& dir)
{
    geo::initGdal();
    const std::string path = dir.path("basemap.gpkg");
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::unique_ptr<GDALDataset> ds(gpkg->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    addLayer(*ds, "countries", wkbPolygon, {"name", "iso_a3"},
             {{{"name", "West"}, {"iso_a3", "WST"}, {"wkt", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"}},
              {{"name", "East"}, {"iso_a3", "EST"}, {"wkt", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))"}}});
    addLayer(*ds, "provinces", wkbPolygon, {"name", "iso_3166_2", "code_hasc", "adm0_a3"},
             {{{"name", "Knot"}, {"iso_3166_2", "WS-K"}, {"adm0_a3", "WST"}, {"wkt", "POLYGON ((1 1, 9 9, 9 1, 1 9, 1 1))"}},
              {{"name", "Plain"}, {"iso_3166_2", "ES-P"}, {"adm0_a3", "EST"}, {"wkt", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))"}},
              {{"name", "Rim"}, {"iso_3166_2", "WS-R"}, {"adm0_a3", "WST"}, {"wkt", "POLYGON ((0 0, 10 0, 10 1, 0 1, 0 0))"}}});
    addLayer(*ds, "borders", wkbLineString, {"a_iso3", "a_name", "b_iso3", "b_name"},
             {{{"a_iso3", "WST"}, {"a_name", "West"}, {"b_iso3", "EST"}, {"b_name", "East"}, {"wkt", "LINESTRING (10 0, 10 10)"}}});
    return path;
}

} // namespace

TEST_CASE("locator: an invalid province is repaired when a look-up meets it, and counted; the others never")
{
    testdata::ScratchDir dir("locator-repair");
    const geo::Locator locator(writeBasemap(dir));
    CHECK(locator.repairedAreas() == 0); // nothing repaired on reading

    const geo::Location east = locator.locate({15, 5});
    REQUIRE(east.province.area);
    CHECK(east.province.area->name == "Plain");
    CHECK(locator.repairedAreas() == 0); // the bow-tie was not met

    // In the bow-tie's left triangle, 2 degrees from its edges.
    const geo::Location knot = locator.locate({2.5, 5});
    REQUIRE(knot.province.area);
    CHECK(knot.province.area->name == "Knot");
    CHECK(knot.country.area->name == "West");
    CHECK(locator.repairedAreas() == 1);
    locator.locate({2.5, 5.2});
    CHECK(locator.repairedAreas() == 1); // repaired once, then reused
}
