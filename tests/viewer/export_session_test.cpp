// `export --session` builds its scene from the session's own layers and styles (issue 18,
// item 1): the basemap once, a graduated style kept, classes over the whole layer, the
// saved time filter applied to the joined case figures, and a legend that lists the classes.
#include "viewer/app/session_io.hpp"
#include "viewer/export/briefing_content.hpp"
#include "viewer/export/session_scene.hpp"
#include "viewer/render/basemap_style.hpp"
#include "viewer/render/gl_context.hpp"

#include "geo/cases/case_store.hpp"
#include "geo/locator.hpp"
#include "geo/vector_source.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace viewer;

namespace {

// A session as the window saves it with the default basemap, its provinces coloured by
// people detained (graduated), and a time filter when `from` is given.
geo::Session savedSession(const std::string& dir, std::optional<std::string> from, std::optional<std::string> to)
{
    geo::Session s;
    for (const char* name : kBasemapLayers) {
        geo::SessionLayer l;
        l.source = geo::defaultBasemapPath();
        l.layer = name;
        LayerStyle st = basemapStyle(name);
        if (std::string(name) == "provinces") {
            st.thematic.mode = ThematicMode::Graduated;
            st.thematic.caseJoin = "people_detained";
            st.thematic.classes = 4;
        }
        l.style = styleToJson(st);
        s.layers.push_back(l);
    }
    s.view.center = {105.5, 12.5};
    s.view.scaleDenominator = 5e6;
    s.timeFrom = std::move(from);
    s.timeTo = std::move(to);
    const std::string path = dir + "/session.json";
    geo::saveSession(s, path);
    return geo::loadSession(path); // through the file, as `export --session` reads it
}

geo::Extent cambodia()
{
    geo::Extent e;
    e.expand(102, 10);
    e.expand(108, 15);
    return e;
}

const SceneLayer* findLayer(const Scene& scene, const std::string& name)
{
    for (const SceneLayer& l : scene.layers())
        if (l.data->name == name) return &l;
    return nullptr;
}

// The class of the feature named `province` in the provinces layer.
int classOf(const PreparedLayer& p, const std::string& province)
{
    const int name = p.data->fieldIndex("name");
    for (size_t i = 0; i < p.data->features.size(); ++i)
        if (p.data->value(p.data->features[i], name) == province) return (*p.style.thematic.featureClass)[i];
    return -2;
}

} // namespace

TEST_CASE("export --session: the session's layers once, a graduated style and its time filter kept")
{
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "atlas-export-session-test";
    std::filesystem::create_directories(dir);
    const geo::CaseStore store = geo::CaseStore::open("data/cases.gpkg");
    std::vector<std::string> warnings;

    const geo::Session all = savedSession(dir.string(), std::nullopt, std::nullopt);
    PreparedSession p = prepareSessionLayers(all, &store.data(), "EPSG:3857", cambodia(), warnings, 0, true);
    CHECK(warnings.empty());
    REQUIRE(p.layers.size() == kBasemapLayers.size()); // the basemap once, no extra copies
    const PreparedLayer& provinces = p.layers[1];
    REQUIRE(provinces.data->name == "provinces");
    REQUIRE(provinces.style.thematic.active());
    CHECK(provinces.style.thematic.colors.size() == 4);
    // Classes and counts over the whole layer (as the window's), though only Cambodia is drawn.
    size_t counted = 0;
    for (size_t c : provinces.style.thematic.counts) counted += c;
    const size_t whole = geo::readLayer(geo::defaultBasemapPath(), "provinces", "EPSG:4326").features.size();
    CHECK(counted == whole);
    CHECK(provinces.data->features.size() < whole);
    CHECK(provinces.style.thematic.featureClass->size() == provinces.data->features.size());
    // A7 Park's raid (2,044 detained, 31 Jan 2026) puts Svay Rieng or Tay Ninh above the lowest class.
    CHECK(std::max(classOf(provinces, "Svay Rieng"), classOf(provinces, "T\u00e2y Ninh")) > 0);
    CHECK(classOf(provinces, "K\u00e2mp\u00f3ng Cham") == 0);

    // The saved time filter (2025 only) leaves the raid out: the Bavet provinces drop to 0.
    const geo::Session in2025 = savedSession(dir.string(), "2025-01-01", "2025-12-31");
    PreparedSession f = prepareSessionLayers(in2025, &store.data(), "EPSG:3857", cambodia(), warnings, 0, true);
    REQUIRE(f.layers.size() == kBasemapLayers.size());
    REQUIRE(f.layers[1].style.thematic.active());
    CHECK(classOf(f.layers[1], "Svay Rieng") == 0);
    CHECK(classOf(f.layers[1], "T\u00e2y Ninh") == 0);

    // The legend: countries, province boundaries, borders and the four classes; nothing twice.
    auto ctx = HeadlessGlContext::create();
    Scene scene;
    addSessionLayers(scene, std::move(p));
    CHECK(scene.layers().size() == kBasemapLayers.size());
    REQUIRE(findLayer(scene, "provinces"));
    const std::vector<LegendEntry> legend = legendFor(scene, {});
    CHECK(legend.size() == 3 + 4);
    size_t classes = 0;
    for (const LegendEntry& e : legend) classes += e.label.rfind("Provinces: ", 0) == 0;
    CHECK(classes == 4);
    std::filesystem::remove_all(dir);
}

TEST_CASE("export --session: a style that cannot classify is a warning, and the layer is drawn")
{
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "atlas-export-session-test2";
    std::filesystem::create_directories(dir);
    geo::Session s;
    geo::SessionLayer l;
    l.source = geo::defaultBasemapPath();
    l.layer = "provinces";
    LayerStyle st = basemapStyle("provinces");
    st.thematic.mode = ThematicMode::Graduated;
    st.thematic.field = "name";
    l.style = styleToJson(st);
    s.layers.push_back(l);
    std::vector<std::string> warnings;
    PreparedSession p = prepareSessionLayers(s, nullptr, "EPSG:3857", cambodia(), warnings, 0, true);
    REQUIRE(p.layers.size() == 1);
    CHECK_FALSE(p.layers[0].style.thematic.active());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "provinces: field name is text; graduated needs a number; single colour used");
    std::filesystem::remove_all(dir);
}
