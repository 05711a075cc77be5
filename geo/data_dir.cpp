// The data folder lookup: installed beside the executable first, the build's source tree last.
#include "geo/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

#ifndef ATLAS_BIN_TO_DATA
#define ATLAS_BIN_TO_DATA "../share/compound-atlas"
#endif

namespace geo {

namespace fs = std::filesystem;

DataDir findDataDir()
{
    if (const char* env = std::getenv("ATLAS_DATA_DIR"); env && *env) return {env, "ATLAS_DATA_DIR"};
    std::error_code ec;
    // /proc/self/exe: the binary itself, wherever it was unpacked or installed, not argv[0].
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = (exe.parent_path() / ATLAS_BIN_TO_DATA).lexically_normal();
        if (fs::is_regular_file(installed / "data" / "basemap.gpkg", ec)) return {installed.string(), "installed"};
    }
    return {ATLAS_SOURCE_DIR, "source tree"};
}

std::string dataFile(const std::string& relative) { return findDataDir().path + "/" + relative; }

} // namespace geo
