// Export scene building: the level of detail an export needs, and reading only the view
// through the GeoPackage's R-tree.
#include "viewer/app/map_crs.hpp"
#include "viewer/export/export_options.hpp"
#include "viewer/export/export_scene.hpp"
#include "viewer/render/layer_mesh.hpp"

#include "geo/locator.hpp"
#include "geo/map_crs.hpp"

#include <doctest/doctest.h>

using namespace viewer;

TEST_CASE("export scene: the level of detail is the coarsest within a pixel")
{
    // 1920 px across 6 degrees of longitude at the equator: ~348 m a pixel -> the 320 m level.
    const geo::Extent cambodia = geo::MapCrs().lonLatBox(102, 10, 108, 15);
    const double upp = std::max(cambodia.width() / 1920, cambodia.height() / 1080);
    const double t = exportLodTolerance(cambodia, 1920, 1080);
    CHECK(t <= upp);
    CHECK(t == doctest::Approx(320));
    for (double other : lodTolerances(1.0)) CHECK((other <= t || other > upp));
    // Street level: full resolution.
    CHECK(exportLodTolerance(geo::MapCrs().lonLatBox(106.10, 11.05, 106.12, 11.06), 1920, 1080) == 0);
    CHECK(exportLodTolerance(geo::Extent{}, 1920, 1080) == 0);
}

TEST_CASE("export scene: a region reads only the features that meet it, projected like the window's")
{
    const std::string basemap = geo::defaultBasemapPath();
    const geo::Layer all = readExportLayer(basemap, "provinces", "EPSG:3857", geo::Extent{});
    geo::Extent bavet;
    bavet.expand(105.9, 10.9);
    bavet.expand(106.4, 11.3);
    const geo::Layer some = readExportLayer(basemap, "provinces", "EPSG:3857", bavet);
    REQUIRE(!some.features.empty());
    CHECK(some.features.size() < all.features.size() / 10);
    const int name = some.fieldIndex("name");
    bool svayRieng = false;
    for (const geo::Feature& f : some.features) {
        CHECK(f.bbox.intersects(geo::MapCrs().lonLatBox(105.9, 10.9, 106.4, 11.3)));
        svayRieng |= some.value(f, name) == "Svay Rieng";
    }
    CHECK(svayRieng);
    CHECK(basemapStyle("countries").paletteFill);
    CHECK(basemapStyle("borders").strokeWidthPx == doctest::Approx(1.6f));
}

TEST_CASE("export scene: a box across the antimeridian reads both sides, the far one moved past 180")
{
    // --bbox=170,-25,-170,-10: from 170 E eastward to 170 W, ending at 190.
    const geo::Extent box = parseLonLatBox("170,-25,-170,-10");
    CHECK(box.minX == 170);
    CHECK(box.maxX == 190);
    CHECK_THROWS_AS(parseLonLatBox("170,-25,170,-10"), ExportUsageError);
    const std::string basemap = geo::defaultBasemapPath();
    const geo::Layer pacific = readExportLayer(basemap, "countries", "EPSG:3857", box);
    const int name = pacific.fieldIndex("name");
    const double x180 = geo::webMercatorForward({180, 0}).x;
    int fijiWest = 0, fijiEast = 0;
    bool tonga = false;
    for (const geo::Feature& f : pacific.features) {
        const std::string& n = pacific.value(f, name);
        if (n == "Fiji") (f.bbox.minX < x180 ? fijiWest : fijiEast)++;
        if (n == "Tonga") tonga = f.bbox.minX > x180; // at 175 W: drawn at 185
    }
    CHECK(fijiWest == 1); // Fiji is split at 180 in the data: it comes on both sides
    CHECK(fijiEast == 1);
    CHECK(tonga);
    // A region reaching past -180 (the margins of a view just east of it): Fiji's west part
    // comes moved to the west, before -180.
    const geo::Layer west = readExportLayer(basemap, "countries", "EPSG:3857", geo::Extent{-190, -25, -170, -10});
    int fijiBeyond = 0;
    for (const geo::Feature& f : west.features)
        if (west.value(f, name) == "Fiji" && f.bbox.maxX <= -x180 + 1) ++fijiBeyond;
    CHECK(fijiBeyond == 1);
}
