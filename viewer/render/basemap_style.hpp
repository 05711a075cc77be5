// The basemap's layer styles (countries, provinces, borders): one table used by the window
// (viewer/app/layer_loader.cpp) and by the export (viewer/export/export_scene.cpp).
#pragma once
#include "viewer/render/layer_style.hpp"

#include <array>
#include <string>

namespace viewer {

// The basemap's layers, bottom to top.
constexpr std::array<const char*, 3> kBasemapLayers{"countries", "provinces", "borders"};

// The style of basemap layer `layerName`; a default LayerStyle for any other name.
LayerStyle basemapStyle(const std::string& layerName);

} // namespace viewer
