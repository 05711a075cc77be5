// The basemap's layer table (viewer/render/basemap_style.cpp): provinces are labelled but not
// outlined, province_lines draws their boundaries (and is read through the R-tree like the
// rest), the legend lists it once, and an older basemap without it still outlines provinces.
#include "viewer/export/briefing_content.hpp"
#include "viewer/export/export_scene.hpp"
#include "viewer/render/basemap_style.hpp"
#include "viewer/render/gl_context.hpp"

#include "geo/locator.hpp"
#include "geo/map_crs.hpp"

#include <doctest/doctest.h>
#include <gdal.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

using namespace viewer;

namespace {

const std::vector<std::string> kAllLayers{"countries", "provinces", "province_lines", "borders"};

const BasemapLayer* named(const std::vector<BasemapLayer>& layers, const std::string& name)
{
    for (const BasemapLayer& l : layers)
        if (name == l.name) return &l;
    return nullptr;
}

size_t legendCount(const std::vector<LegendEntry>& legend, const std::string& label)
{
    return static_cast<size_t>(std::count_if(legend.begin(), legend.end(), [&](const LegendEntry& e) { return e.label == label; }));
}

geo::Extent bavetRegion()
{
    geo::Extent e;
    e.expand(105.6, 10.8);
    e.expand(106.5, 11.4);
    return e;
}

// A copy of the basemap as it was before province_lines (the layer deleted).
std::string basemapWithoutProvinceLines()
{
    const auto dir = std::filesystem::temp_directory_path() / ("atlas-old-basemap-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "basemap.gpkg").string();
    std::filesystem::copy_file(geo::defaultBasemapPath(), path, std::filesystem::copy_options::overwrite_existing);
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
    REQUIRE(ds);
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i)
        if (std::string(OGR_L_GetName(GDALDatasetGetLayer(ds, i))) == "province_lines") {
            REQUIRE(GDALDatasetDeleteLayer(ds, i) == OGRERR_NONE);
            break;
        }
    GDALClose(ds);
    return path;
}

} // namespace

TEST_CASE("basemap style: provinces are not outlined, province_lines has the outline they had")
{
    std::vector<std::string> warnings;
    const std::vector<BasemapLayer> layers = basemapLayersFor(kAllLayers, "basemap.gpkg", warnings);
    CHECK(warnings.empty());
    REQUIRE(layers.size() == 4);
    for (size_t i = 0; i < layers.size(); ++i) CHECK(std::string(layers[i].name) == kBasemapLayers[i]);
    const LayerStyle& provinces = named(layers, "provinces")->style;
    const LayerStyle& lines = named(layers, "province_lines")->style;
    CHECK(provinces.strokeWidthPx == 0);
    CHECK_FALSE(provinces.fill);
    CHECK(provinces.labelField == "name"); // still labelled (and hoverable: visible)
    CHECK(provinces.visible);
    CHECK(lines.strokeWidthPx == doctest::Approx(0.8f));
    CHECK(lines.strokeColor.b == doctest::Approx(0.58f));
    CHECK(lines.labelField.empty());
    // Under the international border, so the border is drawn over the ends of province lines.
    CHECK(std::find(kBasemapLayers.begin(), kBasemapLayers.end(), std::string_view("province_lines")) <
          std::find(kBasemapLayers.begin(), kBasemapLayers.end(), std::string_view("borders")));
}

TEST_CASE("basemap style: a basemap without province_lines warns and outlines its provinces as before")
{
    std::vector<std::string> warnings;
    const std::vector<BasemapLayer> layers = basemapLayersFor({"countries", "provinces", "borders"}, "old.gpkg", warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("old.gpkg") != std::string::npos);
    CHECK(warnings[0].find("province_lines") != std::string::npos);
    REQUIRE(layers.size() == 3);
    CHECK_FALSE(named(layers, "province_lines"));
    CHECK(named(layers, "provinces")->style.strokeWidthPx == doctest::Approx(0.8f));
}

TEST_CASE("basemap style: province_lines is read through the R-tree around the view")
{
    const std::string basemap = geo::defaultBasemapPath();
    const geo::Layer all = readExportLayer(basemap, "province_lines", "EPSG:3857", geo::Extent{});
    const geo::Layer some = readExportLayer(basemap, "province_lines", "EPSG:3857", bavetRegion());
    REQUIRE(!some.features.empty());
    CHECK(some.kind == geo::GeomKind::Line);
    CHECK(some.features.size() < all.features.size() / 10);
    const int a = some.fieldIndex("a_name"), b = some.fieldIndex("b_name");
    bool svayRiengPreyVeng = false;
    for (const geo::Feature& f : some.features) {
        CHECK(f.bbox.intersects(geo::MapCrs().lonLatBox(105.6, 10.8, 106.5, 11.4)));
        svayRiengPreyVeng |= some.value(f, a) == "Prey V\u00eang" && some.value(f, b) == "Svay Rieng";
    }
    CHECK(svayRiengPreyVeng);
}

TEST_CASE("basemap style: the export legend has one 'Province boundaries', from whichever layer draws them")
{
    auto ctx = HeadlessGlContext::create();
    {
        Scene scene;
        std::vector<std::string> warnings;
        addBasemap(scene, geo::defaultBasemapPath(), "EPSG:3857", bavetRegion(), warnings);
        CHECK(warnings.empty());
        const std::vector<LegendEntry> legend = legendFor(scene, {});
        CHECK(legendCount(legend, "Province boundaries") == 1);
        CHECK(legendCount(legend, "International borders") == 1);
        CHECK(legendCount(legend, "Countries") == 1);
        for (const LegendEntry& e : legend)
            if (e.label == "Province boundaries") {
                CHECK(e.symbol == LegendSymbol::Line);
                CHECK(e.strokePx == doctest::Approx(0.8f));
            }
    }
    {
        const std::string old = basemapWithoutProvinceLines();
        Scene scene;
        std::vector<std::string> warnings;
        addBasemap(scene, old, "EPSG:3857", bavetRegion(), warnings);
        CHECK(warnings.size() == 1);
        CHECK(scene.layers().size() == 3);
        const std::vector<LegendEntry> legend = legendFor(scene, {});
        CHECK(legendCount(legend, "Province boundaries") == 1);
        std::filesystem::remove_all(std::filesystem::path(old).parent_path());
    }
}

TEST_CASE("basemap style: a layer with nothing in the view gets no legend entry (the Pacific has no land borders)")
{
    auto ctx = HeadlessGlContext::create();
    Scene scene;
    std::vector<std::string> warnings;
    addBasemap(scene, geo::defaultBasemapPath(), "EPSG:3857", geo::Extent{170, -25, 190, -10}, warnings); // Fiji, Tonga
    const std::vector<LegendEntry> legend = legendFor(scene, {});
    CHECK(legendCount(legend, "Countries") == 1);
    CHECK(legendCount(legend, "International borders") == 0); // once drawn as a point symbol
    CHECK(legendCount(legend, "Province boundaries") == 0);
    for (const LegendEntry& e : legend) CHECK(e.symbol != LegendSymbol::Point);
}
