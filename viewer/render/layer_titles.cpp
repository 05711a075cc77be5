// One table of titles, read by the Layers panel, the state dump and the export legend.
#include "viewer/render/layer_titles.hpp"

#include <array>
#include <utility>

namespace viewer {

std::string layerTitle(std::string_view internalName)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kTitles{{
        {"countries", "Countries"},
        {"provinces", "Provinces"},
        {"province_lines", "Province boundaries"},
        {"borders", "International borders"},
        {kCompoundsMarkers, "Compounds"},
        {kPlacesMarkers, "Incident places"},
        {kLinksMarkers, "Links"},
        {kUncertaintyMarkers, "Uncertainty"},
    }};
    for (const auto& [name, title] : kTitles)
        if (name == internalName) return std::string(title);
    return std::string(internalName);
}

} // namespace viewer
