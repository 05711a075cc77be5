// Window placement rules and their file; the SDL calls that feed them are in app_window.cpp.
#include "viewer/app/window_geometry.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace viewer {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFile = "window.json";

int overlap(int a0, int a1, int b0, int b1) { return std::max(0, std::min(a1, b1) - std::max(a0, b0)); }

// The usable area less 4% a side: room for the title bar and borders the window manager adds.
WindowGeometry fitted(const ScreenRect& d)
{
    const int mx = d.w * 4 / 100, my = d.h * 4 / 100;
    return {{d.x + mx, d.y + my, d.w - 2 * mx, d.h - 2 * my}, false};
}

} // namespace

std::string configDir()
{
    fs::path base;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = fs::path(h) / ".config";
    else return "";
    return (base / "compound-atlas").string();
}

WindowGeometry chooseWindowGeometry(const std::optional<WindowGeometry>& remembered, const std::vector<ScreenRect>& displays)
{
    const ScreenRect primary = displays.empty() ? ScreenRect{0, 0, 1280, 800} : displays.front();
    if (remembered) {
        const ScreenRect& r = remembered->rect;
        for (const ScreenRect& d : displays) {
            if (overlap(r.x, r.x + r.w, d.x, d.x + d.w) < kMinVisible || overlap(r.y, r.y + r.h, d.y, d.y + d.h) < kMinVisible)
                continue;
            WindowGeometry g = *remembered;
            g.rect.w = std::min(r.w, d.w);
            g.rect.h = std::min(r.h, d.h);
            g.rect.x = std::clamp(r.x, d.x, d.x + d.w - g.rect.w);
            g.rect.y = std::clamp(r.y, d.y, d.y + d.h - g.rect.h);
            return g;
        }
    }
    return fitted(primary);
}

std::optional<WindowGeometry> loadWindowGeometry(const std::string& dir)
{
    if (dir.empty()) return std::nullopt;
    std::ifstream in(fs::path(dir) / kFile);
    if (!in) return std::nullopt;
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        WindowGeometry g{{j.at("x").get<int>(), j.at("y").get<int>(), j.at("width").get<int>(), j.at("height").get<int>()},
                         j.value("maximized", false)};
        if (g.rect.w < 200 || g.rect.h < 150 || g.rect.w > 32768 || g.rect.h > 32768) return std::nullopt;
        return g;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt; // damaged: open fitted, as on a first start
    }
}

bool saveWindowGeometry(const std::string& dir, const WindowGeometry& g)
{
    if (dir.empty()) return false;
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path file = fs::path(dir) / kFile, tmp = fs::path(dir) / (std::string(kFile) + ".tmp");
    {
        std::ofstream out(tmp);
        out << nlohmann::json{{"x", g.rect.x}, {"y", g.rect.y}, {"width", g.rect.w}, {"height", g.rect.h}, {"maximized", g.maximized}}
                   .dump(2)
            << "\n";
        if (!out) return false;
    }
    fs::rename(tmp, file, ec);
    return !ec;
}

} // namespace viewer
