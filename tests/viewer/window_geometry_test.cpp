// Window placement: a first start fits the usable area; a remembered geometry round-trips
// through window.json and is kept on screen when the displays changed.
#include "viewer/app/window_geometry.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

using viewer::ScreenRect;
using viewer::WindowGeometry;

namespace {
struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("atlas-window-" + std::to_string(::getpid()));
    ~TempDir() { std::filesystem::remove_all(path); }
};
const std::vector<ScreenRect> kFullHd{{0, 0, 1920, 1040}}; // 1920x1080 less a 40 px panel
} // namespace

TEST_CASE("window geometry: a first start fits the display's usable area, not 1280x800")
{
    const WindowGeometry g = viewer::chooseWindowGeometry(std::nullopt, kFullHd);
    CHECK(g.rect.w > 1280);
    CHECK(g.rect.h > 800);
    CHECK(g.rect.x >= 0);
    CHECK(g.rect.y >= 0);
    CHECK(g.rect.x + g.rect.w <= 1920);
    CHECK(g.rect.y + g.rect.h <= 1040);
    CHECK(g.rect.x == 1920 - g.rect.x - g.rect.w); // centred
    // A second display does not move a first start off the primary.
    const std::vector<ScreenRect> two{{0, 0, 1920, 1040}, {1920, 0, 2560, 1440}};
    CHECK(viewer::chooseWindowGeometry(std::nullopt, two) == g);
}

TEST_CASE("window geometry: what was remembered comes back, kept on a display that still exists")
{
    const WindowGeometry saved{{1990, 100, 1200, 900}, false};
    const std::vector<ScreenRect> two{{0, 0, 1920, 1040}, {1920, 0, 2560, 1440}};
    CHECK(viewer::chooseWindowGeometry(saved, two) == saved);
    // The second monitor is gone: the window comes back fitted on the primary.
    CHECK(viewer::chooseWindowGeometry(saved, kFullHd) == viewer::chooseWindowGeometry(std::nullopt, kFullHd));
    // Larger than the display it is on, or hanging off its edge: shrunk and moved onto it.
    const WindowGeometry huge = viewer::chooseWindowGeometry(WindowGeometry{{-100, 500, 3000, 2000}, true}, kFullHd);
    CHECK(huge.rect == ScreenRect{0, 0, 1920, 1040});
    CHECK(huge.maximized);
}

TEST_CASE("window geometry: window.json round trip, and a missing or damaged file reads as none")
{
    TempDir dir;
    CHECK_FALSE(viewer::loadWindowGeometry(dir.path.string()));
    const WindowGeometry g{{37, 52, 1411, 873}, true};
    REQUIRE(viewer::saveWindowGeometry(dir.path.string(), g));
    const auto back = viewer::loadWindowGeometry(dir.path.string());
    REQUIRE(back);
    CHECK(*back == g);
    std::ofstream(dir.path / "window.json") << "{\"x\": 1, \"width\": \"wide\"";
    CHECK_FALSE(viewer::loadWindowGeometry(dir.path.string()));
    std::ofstream(dir.path / "window.json") << R"({"x": 0, "y": 0, "width": 5, "height": 5})";
    CHECK_FALSE(viewer::loadWindowGeometry(dir.path.string())); // absurdly small
    CHECK_FALSE(viewer::saveWindowGeometry("", g));
}

TEST_CASE("window geometry: the config folder follows XDG_CONFIG_HOME")
{
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    CHECK(viewer::configDir() == "/tmp/xdg-test/compound-atlas");
    if (old) setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    else unsetenv("XDG_CONFIG_HOME");
}
