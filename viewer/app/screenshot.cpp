// Timestamped, collision-free screenshot paths.
#include "viewer/app/screenshot.hpp"

#include <cstdlib>
#include <filesystem>

namespace viewer {

std::string screenshotFolder()
{
    for (const char* var : {"ATLAS_SCREENSHOT_DIR", "XDG_PICTURES_DIR"})
        if (const char* v = std::getenv(var); v && *v && std::filesystem::is_directory(v)) return v;
    if (const char* home = std::getenv("HOME"); home && *home) {
        const std::string pictures = std::string(home) + "/Pictures";
        if (std::filesystem::is_directory(pictures)) return pictures;
    }
    return std::filesystem::current_path().string();
}

std::string screenshotPath(const std::string& folder, std::time_t when)
{
    std::tm tm{};
    localtime_r(&when, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    const std::string base = folder + "/compound-atlas-" + stamp;
    std::string path = base + ".png";
    for (int n = 2; std::filesystem::exists(path); ++n) path = base + "-" + std::to_string(n) + ".png";
    return path;
}

} // namespace viewer
