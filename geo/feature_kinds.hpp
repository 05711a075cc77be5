// What a layer holds, counted by the kind of each feature's geometry: "2 polygons",
// "1 polygon, 1 line". A mixed layer (WKT in a CSV, GeoJSON, GPKG with GEOMETRY) keeps
// Layer::kind as its first feature's kind, so that kind alone miscounts it.
#pragma once
#include "geo/layer.hpp"

#include <string>

namespace geo {

struct FeatureKindCounts {
    size_t points = 0, lines = 0, polygons = 0, empty = 0; // empty: no usable geometry
};

FeatureKindCounts countFeatureKinds(const Layer& layer);

// Polygons, lines, points, then features without geometry, each "N kind" with the right
// number ("1 line", "3 points"); "no features" for an empty layer.
std::string featureKindsText(const Layer& layer);

} // namespace geo
