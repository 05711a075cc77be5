// Loading in the app: KML folders (layer choice), CSV points, GeoTIFF rasters, every layer
// of a multi-layer file from the command line, and the bad-file corpus giving one-line
// errors while the rest keeps loading, and files given together arriving in the given order. Runs the real LoadQueue with a headless GL context.
#include "file_actions_fixture.hpp"
#include "load_test_files.hpp"
#include "viewer/app/layer_loader.hpp"
#include "viewer/app/load_queue.hpp"
#include "viewer/app/recent_files.hpp"
#include "viewer/render/gl_context.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace viewer;
using namespace loadtest;

TEST_CASE("load: a KML with folders asks which layers, then loads the chosen ones")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("kml");
    LoadQueue q;
    Scene scene;
    q.openPath(kmlTwoFolders(dir));
    q.waitAll(scene);
    REQUIRE(q.choices().size() == 1);
    const LayerChoice& c = q.choices().front();
    REQUIRE(c.layers.size() == 2);
    CHECK(c.layers[0].name == "Compounds");
    CHECK(c.layers[1].name == "Areas");
    LoadOrder o;
    o.path = c.path;
    o.layer = "Areas";
    q.choices().clear();
    q.load({o});
    const LoadEvents ev = q.waitAll(scene);
    CHECK(ev.errors.empty());
    REQUIRE(scene.layers().size() == 1);
    CHECK(scene.layers()[0].data->name == "Areas");
    CHECK(scene.layers()[0].data->kind == geo::GeomKind::Polygon);
}

TEST_CASE("load: command-line files load every layer without asking, in file order")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("all");
    LoadQueue q;
    Scene scene;
    q.openPath(kmlTwoFolders(dir), false, false);
    const LoadEvents ev = q.waitAll(scene);
    CHECK(ev.errors.empty());
    CHECK(q.choices().empty());
    REQUIRE(scene.layers().size() == 2);
    CHECK(scene.layers()[0].data->name == "Compounds");
    CHECK(scene.layers()[1].data->name == "Areas");
}

namespace {

// A GeoJSON slow enough to read and tessellate that tiny files given after it finish first:
// `n` polygons of 64 vertices.
std::string slowGeojson(const std::string& dir, int n)
{
    std::ostringstream out;
    out << R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < n; ++i) {
        const double cx = 102 + (i % 60) * 0.1, cy = 10 + (i / 60) * 0.1;
        out << (i ? "," : "") << R"({"type":"Feature","properties":{"n":)" << i
            << R"(},"geometry":{"type":"Polygon","coordinates":[[)";
        for (int k = 0; k <= 64; ++k) {
            const double a = (k % 64) * 6.283185307179586 / 64;
            out << (k ? "," : "") << "[" << cx + 0.04 * std::cos(a) << "," << cy + 0.04 * std::sin(a) << "]";
        }
        out << "]]}}";
    }
    out << "]}";
    return write(dir + "/big.geojson", out.str());
}

} // namespace

TEST_CASE("load: files given together (the command line) come up in the given order, every run")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("order");
    const std::string big = slowGeojson(dir, 3000);
    Session s;
    FileActions files(dir + "/recent.json");
    // The slow file first: with one batch per file the small ones used to come up first.
    files.openFiles({big, csvPoints(dir), kmlTwoFolders(dir), geojsonProvinces(dir)}, s, false);
    settle(files, s);
    CHECK(files.errorCount() == 0);
    std::vector<std::string> names;
    for (const SceneLayer& l : s.scene.layers()) names.push_back(l.data->name);
    CHECK(names == std::vector<std::string>{"big", "points", "Compounds", "Areas", "provinces"});
    // Colours follow the order given too, not the order the reads finished in: one per file
    // as given, then the layers split off a multi-layer file (Areas, from the KML).
    REQUIRE(names.size() == 5);
    const size_t ordinals[] = {0, 1, 2, 4, 3};
    for (size_t i = 0; i < names.size(); ++i) {
        INFO(names[i]);
        const SceneLayer& l = s.scene.layers()[i];
        const Rgba want = defaultStyleFor(*l.data, ordinals[i]).strokeColor;
        CHECK(l.style.strokeColor.r == want.r);
        CHECK(l.style.strokeColor.g == want.g);
        CHECK(l.style.strokeColor.b == want.b);
    }
}

TEST_CASE("load: a GPX with empty route and track layers gives its waypoints and one note, no error")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("gpx");
    // GDAL lists routes, tracks, route_points and track_points for every GPX: here all empty.
    const std::string gpx = write(dir + "/walk.gpx", R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="11.08" lon="106.06"><name>Bavet</name></wpt>
<wpt lat="11.56" lon="104.92"><name>Phnom Penh</name></wpt>
</gpx>
)");
    Session s;
    FileActions files(dir + "/recent.json");
    files.openFiles({gpx}, s, false); // as from the command line: every layer
    settle(files, s);
    CHECK(files.errorCount() == 0); // what makes the exit status 1
    REQUIRE(s.scene.layers().size() == 1);
    CHECK(s.scene.layers()[0].data->name == "waypoints");
    CHECK(s.warnings.empty());
    size_t notes = 0;
    for (const Toast& t : s.toasts) {
        INFO(t.text);
        CHECK(t.text.rfind(gpx, 0) != 0); // no error toast per empty layer (those start with the path)
        if (t.text.rfind("Empty layers left out:", 0) == 0) {
            ++notes;
            for (const char* layer : {"routes", "tracks", "route_points", "track_points"})
                CHECK(t.text.find(std::string("'") + layer + "'") != std::string::npos);
        }
    }
    CHECK(notes == 1);

    SUBCASE("a file with nothing in any layer is still one error")
    {
        const std::string none = write(dir + "/none.gpx", R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"></gpx>
)");
        files.openFiles({none}, s, false);
        settle(files, s);
        CHECK(files.errorCount() == 1);
    }
}

TEST_CASE("load: CSV points and a GeoTIFF land in the map CRS, the raster as a raster layer")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("csvtif");
    LoadQueue q;
    Scene scene;
    q.openPath(csvPoints(dir));
    q.openPath(geotiff(dir));
    const LoadEvents ev = q.waitAll(scene);
    CHECK(ev.errors.empty());
    REQUIRE(scene.layers().size() == 1);
    const geo::Layer& pts = *scene.layers()[0].data;
    CHECK(pts.kind == geo::GeomKind::Point);
    CHECK(pts.features.size() == 4);
    // Bavet at 106.06 E in Web Mercator metres.
    CHECK(pts.features[0].geometry.coords[0].x == doctest::Approx(11806545.0).epsilon(1e-5));
    REQUIRE(scene.rasterLayers().size() == 1);
    const RasterLayer& r = scene.rasterLayers()[0];
    CHECK(r.extent().minX == doctest::Approx(11577227.0).epsilon(1e-3)); // 104 E
    CHECK(r.extent().maxX == doctest::Approx(12022506.0).epsilon(1e-3)); // 108 E (warp rounds to pixels)
    CHECK(r.width() > 0);
}

TEST_CASE("load: bad files give one-line errors and the good ones still arrive")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("bad");
    const std::vector<std::string> bad{
        write(dir + "/empty.geojson", ""),
        write(dir + "/garbage.gpkg", std::string("\x01\x02garbage\xff\xfe not a geopackage", 30)),
        write(dir + "/truncated.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Po)"),
        write(dir + "/notes.txt", "just some text\n"),
        write(dir + "/empty_layer.geojson", R"({"type":"FeatureCollection","features":[]})"),
        dir + "/missing.shp",
    };
    LoadQueue q;
    Scene scene;
    for (const std::string& p : bad) q.openPath(p);
    q.openPath(csvPoints(dir));
    const LoadEvents ev = q.waitAll(scene);
    CHECK(ev.errors.size() == bad.size());
    for (const std::string& e : ev.errors) {
        INFO(e);
        CHECK(e.find('\n') == std::string::npos);
        CHECK(!e.empty());
    }
    REQUIRE(scene.layers().size() == 1);
    CHECK(scene.layers()[0].data->name == "points");
}

TEST_CASE("load: no CRS, NaN and huge coordinates, invalid rings: loaded with warnings")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("warn");
    // CSV has no CRS: assumed WGS 84 (said); the bow tie is kept as it is (the even-odd
    // fill draws it; no validity pass on the drawing path).
    const std::string csv = write(dir + "/odd.csv", "name,WKT\n"
                                                    "ok,\"POINT (105 11)\"\n"
                                                    "bowtie,\"POLYGON ((104 10,106 12,106 10,104 12,104 10))\"\n");
    // GeoJSON is WGS 84 by definition: the absurd points are skipped (counted).
    const std::string json = write(dir + "/odd.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"ok"},"geometry":{"type":"Point","coordinates":[105,11]}},
{"type":"Feature","properties":{"name":"huge"},"geometry":{"type":"Point","coordinates":[1e300,5]}},
{"type":"Feature","properties":{"name":"pole"},"geometry":{"type":"Point","coordinates":[10,95]}}]})");
    LoadQueue q;
    Scene scene;
    q.openPath(csv);
    q.openPath(json);
    const LoadEvents ev = q.waitAll(scene);
    for (const std::string& e : ev.errors) MESSAGE(e);
    CHECK(ev.errors.empty());
    REQUIRE(scene.layers().size() == 2);
    std::string all;
    for (const std::string& w : ev.warnings) all += w + "\n";
    INFO(all);
    CHECK(all.find("no CRS") != std::string::npos);
    CHECK(all.find("skipped") != std::string::npos);
    CHECK(all.find("repaired") == std::string::npos);
    bool bowtie = false;
    for (const SceneLayer& l : scene.layers())
        for (const geo::Feature& f : l.data->features)
            if (f.geometry.kind == geo::GeomKind::Polygon) bowtie = f.geometry.polygonCount() == 1 && f.geometry.coords.size() == 5;
    CHECK(bowtie);
}

TEST_CASE("load: with deferred levels a layer arrives with the level its view draws and the coarser ones only")
{
    auto ctx = HeadlessGlContext::create();
    const std::string path = geojsonProvinces(tempFolder("viewfirst"));
    auto arrive = [&](double unitsPerPixel) {
        LoadQueue q;
        q.setDeferFineLevels(true);
        if (unitsPerPixel > 0) q.setViewUnitsPerPixel(unitsPerPixel);
        Scene scene;
        q.openPath(path);
        q.waitAll(scene);
        REQUIRE(scene.layers().size() == 1);
        const SceneLayer& l = scene.layers()[0];
        REQUIRE(l.gpu->lodCount() >= 1);
        const std::vector<double>& d = l.deferredTolerances;
        return std::make_pair(l.gpu->lodTolerance(0), std::find(d.begin(), d.end(), 5120.0) != d.end());
    };
    // The whole world in 1920 pixels (Web Mercator metres): only the coarsest level is built.
    const auto [worldFinest, worldDefers5k] = arrive(40075016.0 / 1920);
    CHECK(worldFinest == 20480);
    CHECK(worldDefers5k);
    // No view given, or a close one: the coarse levels (kDeferFinerThanMetres) and up.
    const auto [finest, defers5k] = arrive(0);
    CHECK(finest == 5120);
    CHECK_FALSE(defers5k);
    CHECK(arrive(50).first == 5120);
}

TEST_CASE("load: cancel stops a job and nothing arrives")
{
    auto ctx = HeadlessGlContext::create();
    const std::string dir = tempFolder("cancel");
    LoadQueue q;
    Scene scene;
    q.openPath(csvPoints(dir));
    for (const auto& j : q.jobs()) q.cancel(j.id);
    const LoadEvents ev = q.waitAll(scene);
    CHECK(ev.errors.empty());
    CHECK(scene.layers().empty());
}

TEST_CASE("recent files: newest first, no duplicates, bounded, persisted")
{
    const std::string dir = tempFolder("recent");
    const std::string file = dir + "/compound-atlas/recent.json";
    {
        RecentFiles r(file);
        for (int i = 0; i < 14; ++i) r.add(dir + "/f" + std::to_string(i) + ".kml");
        r.add(dir + "/f5.kml");
        CHECK(r.paths().size() == RecentFiles::kMax);
        CHECK(r.paths().front() == dir + "/f5.kml");
        CHECK(r.paths()[1] == dir + "/f13.kml");
    }
    RecentFiles again(file);
    CHECK(again.paths().size() == RecentFiles::kMax);
    CHECK(again.paths().front() == dir + "/f5.kml");
    write(file, "{not json");
    CHECK(RecentFiles(file).paths().empty());
}
