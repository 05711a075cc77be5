// The names people read for the app's own layers (Layers panel, legend): "Province boundaries",
// not "province_lines". Internal names stay the ids that sessions, state dumps and tests use.
#pragma once
#include <string>
#include <string_view>

namespace viewer {

// The case layers' internal names (MarkerLayer::name()).
inline constexpr const char* kCompoundsMarkers = "cases: compounds";
inline constexpr const char* kPlacesMarkers = "cases: incident places";
inline constexpr const char* kLinksMarkers = "cases: links";
inline constexpr const char* kUncertaintyMarkers = "cases: uncertainty";

// The title of a basemap or case layer by its internal name; any other name as it is.
std::string layerTitle(std::string_view internalName);

} // namespace viewer
