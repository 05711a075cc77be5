// Switching the map CRS in the app's state (FileActions::switchCrs, Session::setCrs): every
// layer comes back from its source in the new CRS, with the same order, styles, selection,
// view centre and scale; sessions keep the CRS; old sessions open in Web Mercator.
#include "file_actions_fixture.hpp"
#include "viewer/app/map_crs.hpp"
#include "viewer/render/gl_context.hpp"

#include "geo/error.hpp"

#include <doctest/doctest.h>

using namespace viewer;
using namespace loadtest;

namespace {

geo::LonLat centreLonLat(const Session& s) { return s.crs.inverse(s.view.center()); }
double scaleOf(const Session& s)
{
    return geo::scaleDenominator(s.view.unitsPerPixel(), s.crs.metresPerUnitAt(s.view.center()));
}

const SceneLayer* layerNamed(const Session& s, const std::string& name)
{
    for (const SceneLayer& l : s.scene.layers())
        if (l.data->name == name) return &l;
    return nullptr;
}

} // namespace

TEST_CASE("map CRS switch: layers reload in UTM 48N, same place, scale, styles and selection")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("crsswitch");
    Session s;
    s.view.resize(800, 600);
    FileActions files(dir + "/recent.json");
    openThreeFiles(files, s, dir);
    for (SceneLayer& l : s.scene.layers()) {
        if (l.data->name == "points") l.style.visible = false;
        if (l.data->name == "provinces") {
            l.style.labelField = "name";
            s.scene.select(FeatureRef{l.id, 1}); // "B"
        }
    }
    s.view.setCenter(s.crs.forward({105.5, 11.5}));
    s.view.setUnitsPerPixel(250);
    const geo::LonLat before = centreLonLat(s);
    const double scaleBefore = scaleOf(s);
    std::vector<std::string> namesBefore;
    for (const SceneLayer& l : s.scene.layers()) namesBefore.push_back(l.data->name);

    files.switchCrs(geo::MapCrs("EPSG:32648"), s);
    settle(files, s);

    CHECK(files.errorCount() == 0);
    CHECK(s.crs.definition() == "EPSG:32648");
    CHECK(s.scene.mapCrs == "EPSG:32648");
    const geo::LonLat after = centreLonLat(s);
    CHECK(after.lon == doctest::Approx(before.lon).epsilon(1e-9));
    CHECK(after.lat == doctest::Approx(before.lat).epsilon(1e-9));
    CHECK(scaleOf(s) == doctest::Approx(scaleBefore).epsilon(1e-9));
    // UTM metres, not Mercator metres: 105.5 E is ~54 km east of the zone's 500 km easting.
    CHECK(s.view.center().x == doctest::Approx(s.crs.forward({105.5, 11.5}).x));
    CHECK(s.view.center().x > 500000);
    CHECK(s.view.center().x < 600000);

    std::vector<std::string> namesAfter;
    for (const SceneLayer& l : s.scene.layers()) namesAfter.push_back(l.data->name);
    CHECK(namesAfter == namesBefore);
    const SceneLayer* prov = layerNamed(s, "provinces");
    REQUIRE(prov);
    CHECK(prov->style.labelField == "name");
    CHECK(prov->data->crs == "EPSG:32648");
    // Province "B" (105..106 E, 11..12 N) now has UTM coordinates around Phnom Penh's.
    const geo::Extent b = prov->data->features[1].bbox;
    CHECK(b.contains(s.crs.forward({105.5, 11.5}).x, s.crs.forward({105.5, 11.5}).y));
    CHECK(b.width() == doctest::Approx(109000).epsilon(0.02)); // one degree at 11.5 N, ~109 km
    const SceneLayer* pts = layerNamed(s, "points");
    REQUIRE(pts);
    CHECK_FALSE(pts->style.visible);
    REQUIRE(s.scene.selection());
    const SceneLayer* sel = s.scene.find(s.scene.selection()->layerId);
    REQUIRE(sel);
    CHECK(sel->data->features[s.scene.selection()->feature].values[0] == "B");
    REQUIRE(s.scene.rasterLayers().size() == 1);
    const geo::Extent r = s.scene.rasterLayers()[0].extent();
    CHECK(r.contains(s.crs.forward({106, 12}).x, s.crs.forward({106, 12}).y)); // re-warped into UTM
    // Home follows the CRS.
    CHECK(s.homeExtent.contains(s.crs.forward({105, 12.5}).x, s.crs.forward({105, 12.5}).y));

    // And to WGS 84 degrees: zoom limits in degrees, the same place again.
    files.switchCrs(geo::MapCrs("EPSG:4326"), s);
    settle(files, s);
    CHECK(s.view.center().x == doctest::Approx(before.lon).epsilon(1e-9));
    CHECK(s.view.center().y == doctest::Approx(before.lat).epsilon(1e-9));
    CHECK(scaleOf(s) == doctest::Approx(scaleBefore).epsilon(1e-6));
    CHECK(s.view.minUnitsPerPixel() < 1e-6);
    CHECK(s.scene.metresPerUnit == doctest::Approx(111320));
}

TEST_CASE("map CRS: a session keeps it; one without map_crs opens in Web Mercator; a bad one is a warning")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("crssession");
    Session a;
    a.view.resize(800, 600);
    FileActions files(dir + "/recent.json");
    a.setCrs(geo::MapCrs("EPSG:32648"));
    files.openFiles({geojsonProvinces(dir)}, a);
    settle(files, a);
    REQUIRE(a.scene.layers().size() == 1);
    CHECK(a.scene.layers()[0].data->crs == "EPSG:32648"); // read straight into the CRS
    a.view.setCenter(a.crs.forward({104.92, 11.56}));
    a.view.setUnitsPerPixel(120);
    REQUIRE(files.saveSession(dir + "/utm.json", a));
    CHECK(geo::loadSession(dir + "/utm.json").mapCrs == "EPSG:32648");

    Session b;
    b.view.resize(800, 600);
    FileActions files2(dir + "/recent2.json");
    REQUIRE(files2.openSession(dir + "/utm.json", b));
    settle(files2, b);
    CHECK(b.crs.definition() == "EPSG:32648");
    REQUIRE(b.scene.layers().size() == 1);
    CHECK(b.scene.layers()[0].data->crs == "EPSG:32648");
    CHECK(b.view.center().x == doctest::Approx(a.view.center().x).epsilon(1e-9));
    CHECK(b.view.center().y == doctest::Approx(a.view.center().y).epsilon(1e-9));
    CHECK(b.view.unitsPerPixel() == doctest::Approx(120).epsilon(1e-9));

    // A session written before map_crs existed.
    write(dir + "/old.json", R"({"compound_atlas_session": 1, "view": {"center": [104.92, 11.56], "scale": 1000000},
        "layers": [{"source": "provinces.geojson", "layer": "", "visible": true, "style": {}}]})");
    REQUIRE(files2.openSession(dir + "/old.json", b));
    settle(files2, b);
    CHECK(b.crs.definition() == "EPSG:3857");
    REQUIRE(b.scene.layers().size() == 1);
    CHECK(b.scene.layers()[0].data->crs == "EPSG:3857");
    CHECK(centreLonLat(b).lon == doctest::Approx(104.92).epsilon(1e-9));

    // An unusable map_crs: one warning, the map stays in its CRS.
    write(dir + "/bad.json", R"({"compound_atlas_session": 1, "map_crs": "EPSG:999999", "layers": []})");
    REQUIRE(files2.openSession(dir + "/bad.json", b));
    settle(files2, b);
    CHECK(b.crs.definition() == "EPSG:3857");
    REQUIRE(b.warnings.size() == 1);
    CHECK(b.warnings[0].find("map CRS cannot be used") != std::string::npos);
}

TEST_CASE("map CRS: what the user types")
{
    CHECK(mapCrsFromUser(" 32648 ").definition() == "EPSG:32648");
    CHECK(mapCrsFromUser("epsg:4326").definition() == "EPSG:4326");
    CHECK_THROWS_AS(mapCrsFromUser("12345678"), geo::Error);
    CHECK_THROWS_AS(mapCrsFromUser(""), geo::Error);
    CHECK_THROWS_WITH_AS(mapCrsFromUser("EPSG:0"), doctest::Contains("not a CRS this app can draw in"), geo::Error);
}
