// Export scene building: the level of detail an export needs, and reading only the view
// through the GeoPackage's R-tree.
#include "viewer/app/map_crs.hpp"
#include "viewer/export/export_scene.hpp"
#include "viewer/render/layer_mesh.hpp"

#include "geo/locator.hpp"

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
