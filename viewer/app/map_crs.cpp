// Viewer map CRS helpers.
#include "viewer/app/map_crs.hpp"

#include "geo/error.hpp"

#include <algorithm>
#include <cctype>

namespace viewer {

geo::Extent defaultViewExtent(const geo::MapCrs& crs) { return crs.lonLatBox(kHomeLonLat); }

geo::MapCrs mapCrsFromUser(const std::string& text)
{
    std::string t = text;
    t.erase(t.begin(), std::find_if(t.begin(), t.end(), [](unsigned char c) { return !std::isspace(c); }));
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    if (t.empty()) throw geo::Error("no CRS given: type an EPSG code such as 32648");
    if (std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); })) t = "EPSG:" + t;
    try {
        return geo::MapCrs(t);
    } catch (const geo::Error&) {
        throw geo::Error("'" + text + "' is not a CRS this app can draw in (try an EPSG code such as 32648)");
    }
}

} // namespace viewer
