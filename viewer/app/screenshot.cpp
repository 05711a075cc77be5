// Screenshot folders (GLib for the XDG user pictures folder) and timestamped, collision-free
// paths.
#include "viewer/app/screenshot.hpp"

#include <glib.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace viewer {

std::vector<std::string> screenshotFolderCandidates(const std::string& configured)
{
    std::vector<std::string> out;
    auto add = [&out](const char* v) {
        if (v && *v) out.emplace_back(v);
    };
    add(configured.c_str());
    add(std::getenv("ATLAS_SCREENSHOT_DIR"));
    add(std::getenv("XDG_PICTURES_DIR"));
    // GLib reads $XDG_CONFIG_HOME/user-dirs.dirs (XDG_PICTURES_DIR="$HOME/Bilder"); null when unset.
    add(g_get_user_special_dir(G_USER_DIRECTORY_PICTURES));
    if (const char* home = std::getenv("HOME"); home && *home) out.push_back(std::string(home) + "/Pictures");
    else out.push_back(std::filesystem::current_path().string());
    return out;
}

std::string firstUsableFolder(const std::vector<std::string>& candidates)
{
    for (const std::string& c : candidates) {
        std::error_code ec;
        if (std::filesystem::is_directory(c, ec)) return c;
        if (std::filesystem::create_directories(c, ec) && !ec) return c;
    }
    return "";
}

std::string screenshotFolder(const std::string& configured)
{
    return firstUsableFolder(screenshotFolderCandidates(configured));
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
