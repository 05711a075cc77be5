// Sessions through the app's state: load layers, style and select, capture, save, open in
// a fresh Session, and get the same layers (order, styles, rasters), view, selection (feature
// and compound) and time filter.
#include "file_actions_fixture.hpp"
#include "viewer/app/map_crs.hpp"
#include "viewer/render/gl_context.hpp"

#include "geo/cases/case_store.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace viewer;
using namespace loadtest;

TEST_CASE("session: save and reopen gives the same layers, styles, view and selection")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("session");
    Session a;
    a.view.resize(800, 600);
    FileActions files(dir + "/recent.json");
    openThreeFiles(files, a, dir);
    CHECK(files.errorCount() == 0);
    // Style: graduated provinces, hidden points; raster at half opacity; a selection.
    SceneLayer* prov = nullptr;
    for (SceneLayer& l : a.scene.layers())
        if (l.data->name == "provinces") prov = &l;
    REQUIRE(prov);
    prov->style.thematic.mode = ThematicMode::Graduated;
    prov->style.thematic.field = "people";
    prov->style.thematic.classes = 3;
    prov->style.labelField = "name";
    settle(files, a); // classes computed
    CHECK(prov->style.thematic.active());
    for (SceneLayer& l : a.scene.layers())
        if (l.data->name == "points") l.style.visible = false;
    a.scene.rasterLayers()[0].opacity = 0.5f;
    a.scene.select(FeatureRef{prov->id, 1});
    a.view.setCenter(geo::webMercatorForward({105.5, 11.5}));
    a.view.setUnitsPerPixel(250);
    const std::string path = dir + "/saved/session.json";
    std::filesystem::create_directories(dir + "/saved");
    REQUIRE(files.saveSession(path, a));

    Session b;
    b.view.resize(800, 600);
    FileActions files2(dir + "/recent2.json");
    REQUIRE(files2.openSession(path, b));
    settle(files2, b);
    REQUIRE(b.scene.layers().size() == a.scene.layers().size());
    for (size_t i = 0; i < a.scene.layers().size(); ++i) {
        const SceneLayer& x = a.scene.layers()[i];
        const SceneLayer& y = b.scene.layers()[i];
        CHECK(x.data->name == y.data->name);
        CHECK(x.style.visible == y.style.visible);
        CHECK(x.style.labelField == y.style.labelField);
        CHECK(styleToJson(x.style) == styleToJson(y.style));
        CHECK(x.style.thematic.colors.size() == y.style.thematic.colors.size());
    }
    REQUIRE(b.scene.rasterLayers().size() == 1);
    CHECK(b.scene.rasterLayers()[0].opacity == doctest::Approx(0.5));
    CHECK(b.view.center().x == doctest::Approx(a.view.center().x).epsilon(1e-9));
    CHECK(b.view.center().y == doctest::Approx(a.view.center().y).epsilon(1e-9));
    CHECK(b.view.unitsPerPixel() == doctest::Approx(250).epsilon(1e-9));
    REQUIRE(b.scene.selection());
    const SceneLayer* sel = b.scene.find(b.scene.selection()->layerId);
    REQUIRE(sel);
    CHECK(sel->data->name == "provinces");
    CHECK(sel->data->features[b.scene.selection()->feature].values[0] == "B");
}

TEST_CASE("session: the selected compound and the time filter are saved and restored")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("session_cases");
    const geo::CaseData sample = geo::CaseStore::open("data/cases.gpkg").data();
    Session a;
    a.view.resize(800, 600);
    a.cases.setData(sample, {}, "data/cases.gpkg");
    a.cases.select("a7-park");
    TimeFilter f;
    f.enabled = true;
    f.range = {dayNumber({2025, 1, 1}), dayNumber({2026, 3, 31})};
    a.cases.setFilter(f);
    FileActions files(dir + "/recent.json");
    const std::string path = dir + "/session.json";
    REQUIRE(files.saveSession(path, a));
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find("\"compound\": \"a7-park\"") != std::string::npos);
    CHECK(text.find("\"from\": \"2025-01-01\"") != std::string::npos);
    CHECK(text.find("\"to\": \"2026-03-31\"") != std::string::npos);

    auto checkRestored = [&](const CaseView& c) {
        CHECK(c.selected() == "a7-park");
        CHECK(c.filter().enabled);
        CHECK(c.filter().range.first == f.range.first);
        CHECK(c.filter().range.last == f.range.last);
    };
    SUBCASE("the store is in before the session opens")
    {
        Session b;
        b.view.resize(800, 600);
        b.cases.setData(sample, {}, "data/cases.gpkg");
        FileActions files2(dir + "/recent2.json");
        REQUIRE(files2.openSession(path, b));
        checkRestored(b.cases);
        REQUIRE(b.cases.details()); // the panel shows the compound
    }
    SUBCASE("the session opens before the store arrives (--session at start)")
    {
        Session b;
        b.view.resize(800, 600);
        FileActions files2(dir + "/recent2.json");
        REQUIRE(files2.openSession(path, b));
        b.cases.setData(sample, {}, "data/cases.gpkg");
        checkRestored(b.cases);
    }
    SUBCASE("a session with the filter off and nothing selected clears both")
    {
        Session c;
        c.view.resize(800, 600);
        c.cases.setData(sample, {}, "data/cases.gpkg");
        FileActions files3(dir + "/recent3.json");
        REQUIRE(files3.saveSession(dir + "/plain.json", c));
        FileActions files4(dir + "/recent4.json");
        REQUIRE(files4.openSession(path, c));
        REQUIRE(c.cases.filter().enabled);
        REQUIRE(files4.openSession(dir + "/plain.json", c));
        CHECK(c.cases.selected().empty());
        CHECK_FALSE(c.cases.filter().enabled);
    }
}

TEST_CASE("session: a bad session file is a message, the map is left alone")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("badsession");
    Session s;
    FileActions files(dir + "/recent.json");
    CHECK_FALSE(files.openSession(write(dir + "/bad.json", "{\"version\": 1, \"layers\": [ oops"), s));
    CHECK(files.errorCount() == 1);
    REQUIRE(!s.toasts.empty());
    CHECK(s.toasts.back().text.find("Could not open the session") == 0);
}

TEST_CASE("session: network sources wait for confirmation; nothing opens meanwhile")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("remote");
    geo::Session saved;
    geo::SessionLayer local;
    local.source = csvPoints(dir);
    geo::SessionLayer remote;
    remote.source = "https://example.invalid/data.geojson";
    saved.layers = {local, remote};
    saved.view.center = {105, 11};
    saved.view.scaleDenominator = 1e6;
    geo::saveSession(saved, dir + "/remote.json");
    Session s;
    FileActions files(dir + "/recent.json");
    REQUIRE(files.openSession(dir + "/remote.json", s));
    CHECK(files.busy()); // waiting for the answer
    files.update(s);
    CHECK(s.scene.layers().empty());
    // Declining keeps only the local layers.
    const std::vector<LoadOrder> orders = sessionLoadOrders(saved, false);
    REQUIRE(orders.size() == 1);
    CHECK(orders[0].path == local.source);
}
