// The basemap's layer styles (countries, provinces, province lines, borders): one table used by
// the window (viewer/app/layer_loader.cpp) and by the export (viewer/export/export_scene.cpp).
#pragma once
#include "viewer/render/layer_style.hpp"

#include <array>
#include <string>
#include <vector>

namespace viewer {

// The basemap's layers, bottom to top. Provinces are filled by nothing and outlined by nothing
// (they are there for labels, hover and identify); their boundaries are drawn by
// province_lines, which leaves out each country's outline (it ran beside `borders`).
constexpr std::array<const char*, 4> kBasemapLayers{"countries", "provinces", "province_lines", "borders"};

// The style of basemap layer `layerName`; a default LayerStyle for any other name.
LayerStyle basemapStyle(const std::string& layerName);

struct BasemapLayer {
    const char* name;
    LayerStyle style;
};

// The layers of kBasemapLayers that a basemap file has (`present`: its layer names), bottom to
// top, with their styles; a warning naming `path` for each missing one. A basemap made before
// province_lines existed gets its provinces outlined instead.
std::vector<BasemapLayer> basemapLayersFor(const std::vector<std::string>& present, const std::string& path,
                                           std::vector<std::string>& warnings);

} // namespace viewer
