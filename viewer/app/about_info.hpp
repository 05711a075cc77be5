// What Help > About shows: the app's and its libraries' versions (asked of the libraries this
// process loaded) and the shipped data's sources and licences (data/SOURCES.md).
#pragma once
#include "geo/data_licences.hpp"

#include <string>
#include <utility>
#include <vector>

namespace viewer {

struct AboutInfo {
    std::string version;                                      // Compound Atlas
    std::string dataDir;                                      // where data/ was found, and how
    std::vector<std::pair<std::string, std::string>> libraries; // {"GDAL", "3.6.2"}, ...
    geo::DataSources data;
    std::string dataError; // when SOURCES.md could not be read: the one line saying why
};

// Asks GDAL, PROJ, GEOS, SDL and Dear ImGui for their versions and reads SOURCES.md; called
// when About is first opened, not every frame.
AboutInfo gatherAboutInfo();

} // namespace viewer
