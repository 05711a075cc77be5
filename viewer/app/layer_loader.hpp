// Reading layers for the map: the default basemap with its styles, and user files (every
// layer in them), projected once into the map CRS and prepared for the GPU off the GL thread.
#pragma once
#include "viewer/render/scene.hpp"

#include "geo/map_crs.hpp"

#include <string>
#include <vector>

namespace viewer {

// Reads `layerName` of `path` ("" = first) to lon/lat and projects it into `crs`
// (geo::MapCrs::projectLayer). Throws geo::Error with one line on failure.
geo::Layer readMapLayer(const std::string& path, const std::string& layerName, const geo::MapCrs& crs);

// A quiet default style for a user layer by geometry kind; `ordinal` varies the colour.
LayerStyle defaultStyleFor(const geo::Layer& layer, size_t ordinal);

// The basemap's countries, provinces and borders, styled; layers missing from the file are
// skipped with a warning. Loads in parallel (each task with its own copy of `crs`).
// `deferBelowMetres`: see prepareLayer (the app defers the finest levels; tests build all).
std::vector<PreparedLayer> loadBasemap(const std::string& path, const geo::MapCrs& crs, std::vector<std::string>& warnings,
                                       double deferBelowMetres = 0);

} // namespace viewer
