// The countries' palette comes with the basemap (color_index): neighbours differ, and a
// country gets the same class whether the whole world or only a view's region was read.
#include "viewer/export/export_scene.hpp"
#include "viewer/render/basemap_style.hpp"
#include "viewer/render/layer_mesh.hpp"

#include "geo/locator.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace viewer;

namespace {
// Prepared with only the coarsest level of detail (the palette does not depend on it).
PreparedLayer prepareCoarse(geo::Layer layer)
{
    const std::vector<double> t = lodTolerances(1.0);
    return prepareLayer(std::move(layer), basemapStyle("countries"), 1.0, *std::max_element(t.begin(), t.end()));
}
} // namespace

TEST_CASE("basemap palette: stored classes, neighbours differ, the same for a region as for the world")
{
    const std::string basemap = geo::defaultBasemapPath();
    const PreparedLayer world = prepareCoarse(readExportLayer(basemap, "countries", "EPSG:3857", geo::Extent{}));
    const int field = world.data->fieldIndex("color_index");
    REQUIRE(field >= 0);
    std::map<int64_t, uint8_t> byFid;
    std::map<std::string, uint8_t> byIso;
    for (size_t f = 0; f < world.data->features.size(); ++f) {
        const geo::Feature& ft = world.data->features[f];
        CHECK(world.paletteClass[f] == std::stoi(world.data->value(ft, field)) % 5);
        byFid[ft.fid] = world.paletteClass[f];
        const std::string iso = world.data->value(ft, world.data->fieldIndex("iso_a3"));
        if (!iso.empty()) byIso[iso] = world.paletteClass[f];
    }

    // Every pair of countries sharing a land border has two different classes.
    const geo::Layer borders = readExportLayer(basemap, "borders", "EPSG:3857", geo::Extent{});
    const int a = borders.fieldIndex("a_iso3"), b = borders.fieldIndex("b_iso3");
    size_t checked = 0;
    for (const geo::Feature& ft : borders.features) {
        const auto ia = byIso.find(borders.value(ft, a)), ib = byIso.find(borders.value(ft, b));
        if (ia == byIso.end() || ib == byIso.end()) continue;
        CAPTURE(ia->first);
        CAPTURE(ib->first);
        CHECK(ia->second != ib->second);
        ++checked;
    }
    CHECK(checked > 250);
    CHECK(byIso.at("KHM") != byIso.at("VNM"));
    CHECK(byIso.at("KHM") != byIso.at("THA"));

    // A region around Bavet (as an export reads it): same classes as the world read.
    geo::Extent bavet;
    bavet.expand(105.0, 10.0);
    bavet.expand(107.5, 12.0);
    const PreparedLayer region = prepareCoarse(readExportLayer(basemap, "countries", "EPSG:3857", bavet));
    REQUIRE(region.data->features.size() >= 2);
    CHECK(region.data->features.size() < world.data->features.size() / 10);
    for (size_t f = 0; f < region.data->features.size(); ++f)
        CHECK(region.paletteClass[f] == byFid.at(region.data->features[f].fid));
}
