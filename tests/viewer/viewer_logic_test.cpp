// UI-free viewer logic: Web Mercator helpers, coordinate/scale formatting, navigation from
// synthetic SDL events, screenshot names and folders, bench percentiles, state JSON.
#include "viewer/app/bench_script.hpp"
#include "viewer/app/map_crs.hpp"
#include "viewer/app/navigation.hpp"
#include "viewer/app/screenshot.hpp"
#include "viewer/app/state_dump.hpp"
#include "viewer/ui/coordinate_format.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace viewer;

TEST_CASE("map CRS: Web Mercator round trip and known values")
{
    const geo::MapXY m = geo::webMercatorForward({105.8, 11.1});
    CHECK(m.x == doctest::Approx(11777602.126).epsilon(1e-7));
    const geo::LonLat back = geo::webMercatorInverse(m);
    CHECK(back.lon == doctest::Approx(105.8).epsilon(1e-12));
    CHECK(back.lat == doctest::Approx(11.1).epsilon(1e-12));
    CHECK(geo::webMercatorForward({0, 90}).y == doctest::Approx(geo::webMercatorForward({0, geo::kMercatorMaxLat}).y));
    CHECK(geo::MapCrs().metresPerUnitAt(geo::webMercatorForward({0, 60})) == doctest::Approx(0.5).epsilon(1e-9));
}

TEST_CASE("formatting: decimal, DMS, scale")
{
    CHECK(formatDecimal({105.8, -11.1}) == "11.10000\xC2\xB0 S, 105.80000\xC2\xB0 E");
    CHECK(formatDms({105.5, 11.25}) == "11\xC2\xB0" "15'00.0\" N 105\xC2\xB0" "30'00.0\" E");
    CHECK(formatScale(1234567) == "1:1 230 000");
    CHECK(formatScale(4321) == "1:4 320");
    CHECK(formatScale(0) == "1:?");
}

namespace {
SDL_Event mouseButton(Uint32 type, int x, int y, Uint8 clicks = 1)
{
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    e.button.clicks = clicks;
    return e;
}
SDL_Event motion(int x, int y)
{
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    return e;
}
SDL_Event key(SDL_Keycode k)
{
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    return e;
}
} // namespace

TEST_CASE("navigation: drag pans with the pointer, keys zoom and pan, Home returns")
{
    Session s;
    s.view = geo::Viewport(800, 600, {1000, 2000}, 10);
    s.homeExtent = geo::Extent{0, 0, 8000, 6000};
    Navigation nav;
    nav.handle(mouseButton(SDL_MOUSEBUTTONDOWN, 400, 300), s, true, true);
    nav.handle(motion(450, 320), s, true, true);
    nav.handle(motion(500, 340), s, true, true);
    CHECK(nav.dragging());
    nav.handle(mouseButton(SDL_MOUSEBUTTONUP, 500, 340), s, true, true);
    // Dragged 100 px right and 40 px down: the map followed, so the centre moved left/up.
    CHECK(s.view.center().x == doctest::Approx(1000 - 100 * 10));
    CHECK(s.view.center().y == doctest::Approx(2000 + 40 * 10));
    CHECK_FALSE(s.scene.selection());

    nav.handle(key(SDLK_PLUS), s, true, true);
    CHECK(s.view.unitsPerPixel() == doctest::Approx(10 / Navigation::kKeyFactor));
    nav.handle(key(SDLK_MINUS), s, true, true);
    CHECK(s.view.unitsPerPixel() == doctest::Approx(10));
    const double x = s.view.center().x;
    nav.handle(key(SDLK_RIGHT), s, true, true);
    CHECK(s.view.center().x > x);
    nav.handle(key(SDLK_HOME), s, true, true);
    CHECK(s.view.center().x == doctest::Approx(4000));
    // Keys are ignored while the UI has the keyboard.
    const double upp = s.view.unitsPerPixel();
    nav.handle(key(SDLK_PLUS), s, true, false);
    CHECK(s.view.unitsPerPixel() == doctest::Approx(upp));
    // Double click zooms in 2x around the pointer, which keeps its map point.
    const geo::MapXY under = s.view.toMap({200, 100});
    nav.handle(mouseButton(SDL_MOUSEBUTTONDOWN, 200, 100, 2), s, true, true);
    CHECK(s.view.unitsPerPixel() == doctest::Approx(upp / 2));
    CHECK(s.view.toMap({200, 100}).x == doctest::Approx(under.x));
}

TEST_CASE("navigation: high-DPI windows convert pointer points to drawable pixels")
{
    Session s;
    s.windowRatio = 2;
    s.uiScale = 1.5; // sizes panels and symbols, not how far the map follows the pointer
    s.pixelRatio = s.windowRatio * s.uiScale;
    s.view = geo::Viewport(1600, 1200, {0, 0}, 1);
    Navigation nav;
    nav.handle(mouseButton(SDL_MOUSEBUTTONDOWN, 100, 100), s, true, true);
    nav.handle(motion(150, 100), s, true, true);
    nav.handle(mouseButton(SDL_MOUSEBUTTONUP, 150, 100), s, true, true);
    CHECK(s.view.center().x == doctest::Approx(-100)); // 50 points = 100 pixels
}

TEST_CASE("navigation: every wheel notch zooms, about the pointer where the notch happened")
{
    Session s;
    s.view = geo::Viewport(800, 600, {0, 0}, 10);
    const geo::MapXY under = s.view.toMap({200, 150});
    Navigation nav;
    SDL_Event e{};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = 1;
#if SDL_VERSION_ATLEAST(2, 26, 0)
    e.wheel.mouseX = 200;
    e.wheel.mouseY = 150;
#endif
    for (int i = 0; i < 3; ++i) nav.handle(e, s, true, true);
    CHECK(s.view.unitsPerPixel() == doctest::Approx(10 / (Navigation::kWheelFactor * Navigation::kWheelFactor *
                                                          Navigation::kWheelFactor)));
#if SDL_VERSION_ATLEAST(2, 26, 0)
    CHECK(s.view.toMap({200, 150}).x == doctest::Approx(under.x));
    CHECK(s.view.toMap({200, 150}).y == doctest::Approx(under.y));
#endif
    nav.handle(e, s, false, true); // over a panel: the panel's
    CHECK(s.view.unitsPerPixel() == doctest::Approx(10 / (Navigation::kWheelFactor * Navigation::kWheelFactor *
                                                          Navigation::kWheelFactor)));
}

TEST_CASE("state JSON: the pointer and the feature hovered")
{
    Session s;
    s.view = geo::Viewport(800, 600, {0, 0}, 1000);
    CHECK(stateJson(s, WindowInfo{})["pointer"].is_null());
    s.cursor = geo::ScreenPx{40, 50};
    s.cursorOverUi = true;
    const nlohmann::json j = stateJson(s, WindowInfo{});
    CHECK(j["pointer"]["x"] == 40);
    CHECK(j["pointer"]["over_ui"] == true);
    CHECK(j["hover"].is_null());
}

TEST_CASE("screenshot paths are timestamped and never overwrite")
{
    const auto dir = std::filesystem::temp_directory_path() / "atlas-shot-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::time_t t = 1700000000;
    const std::string first = screenshotPath(dir.string(), t);
    CHECK(first.find("compound-atlas-2023") != std::string::npos);
    CHECK(first.substr(first.size() - 4) == ".png");
    std::ofstream(first) << "x";
    const std::string second = screenshotPath(dir.string(), t);
    CHECK(second != first);
    CHECK(second.find("-2.png") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("screenshot folder: the first usable candidate, made when missing; the configured one first")
{
    const auto dir = std::filesystem::temp_directory_path() / "atlas-shot-folder-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "home");
    std::ofstream((dir / "a-file").string()) << "x";
    // A file is no folder, and nothing can be made under it: the next one is made.
    const std::string made = (dir / "home" / "Pictures").string();
    CHECK(firstUsableFolder({"", (dir / "a-file").string(), (dir / "a-file" / "sub").string(), made}) == made);
    CHECK(std::filesystem::is_directory(made));
    CHECK(firstUsableFolder({(dir / "a-file").string()}).empty());
    // --screenshot-dir comes before everything the environment says; ~/Pictures closes the list.
    const std::vector<std::string> c = screenshotFolderCandidates((dir / "configured").string());
    REQUIRE(c.size() >= 2);
    CHECK(c.front() == (dir / "configured").string());
    if (const char* home = std::getenv("HOME"); home && *home) {
        CHECK(c.back() == std::string(home) + "/Pictures");
        for (const std::string& f : c) CHECK(f != std::filesystem::current_path().string());
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("bench percentiles")
{
    CHECK(percentile({5, 1, 3, 2, 4}, 50) == doctest::Approx(3));
    CHECK(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 95) == doctest::Approx(10.5));
}

TEST_CASE("state JSON: view centre in lon/lat, no selection")
{
    Session s;
    s.view = geo::Viewport(800, 600, geo::webMercatorForward({105, 12}), 1000);
    const nlohmann::json j = stateJson(s, WindowInfo{800, 600, 800, 600, 7});
    CHECK(j["view"]["center"]["lon"].get<double>() == doctest::Approx(105));
    CHECK(j["view"]["center"]["lat"].get<double>() == doctest::Approx(12));
    CHECK(j["view"]["units_per_pixel"].get<double>() == doctest::Approx(1000));
    CHECK(j["selected"].is_null());
    CHECK(j["frames"] == 7);
}

TEST_CASE("feature names: the label field, a name-like field, both sides of a boundary, else the fid")
{
    geo::Layer l;
    l.fields = {{"a_name", geo::FieldType::String}, {"b_name", geo::FieldType::String}, {"pop", geo::FieldType::Integer}};
    geo::Feature f;
    f.fid = 7;
    f.values = {"Svay Rieng", "Prey Vêng", "5"};
    l.features = {f};
    f.values = {"", "", "6"};
    l.features.push_back(f);
    SceneLayer layer;
    layer.data = std::make_shared<const geo::Layer>(l);
    CHECK(featureName(layer, 0) == "Svay Rieng \u2013 Prey Vêng");
    CHECK(featureName(layer, 1) == "#7");
    layer.style.labelField = "pop";
    CHECK(featureName(layer, 0) == "5");
    CHECK(featureName(layer, 5).empty());
}
