// Run-time versions: SDL_GetVersion (not SDL_VERSION, the headers') and ImGui::GetVersion.
#include "viewer/app/about_info.hpp"

#include "geo/app_version.hpp"
#include "geo/data_dir.hpp"
#include "geo/error.hpp"
#include "geo/library_versions.hpp"

#include <SDL.h>
#include <imgui.h>

namespace viewer {

AboutInfo gatherAboutInfo()
{
    AboutInfo a;
    a.version = geo::appVersion();
    const geo::DataDir dir = geo::findDataDir();
    a.dataDir = dir.path + " (" + dir.how + ")";
    const geo::LibraryVersions v = geo::libraryVersions();
    SDL_version sdl;
    SDL_GetVersion(&sdl);
    a.libraries = {{"GDAL", v.gdal},
                   {"PROJ", v.proj},
                   {"GEOS", v.geos},
                   {"SDL", std::to_string(sdl.major) + "." + std::to_string(sdl.minor) + "." + std::to_string(sdl.patch)},
                   {"Dear ImGui", ImGui::GetVersion()}};
    try {
        a.data = geo::readDataSources(dir.path + "/data/SOURCES.md");
    } catch (const geo::Error& e) {
        a.dataError = e.what();
    }
    return a;
}

} // namespace viewer
