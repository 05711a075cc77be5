// Hit testing: which feature is under a screen pixel, top layer first, using the spatial
// index to find candidates and geo::polygonContains / pixel distances to decide.
#pragma once
#include "viewer/render/scene.hpp"

#include "geo/viewport.hpp"

#include <optional>

namespace viewer {

// Lines and points count as hit within this many (style) pixels.
constexpr double kPickTolerancePx = 4;

// A cluster of a dense point layer (viewer/render/cluster_symbols.hpp) under a pixel.
struct ClusterHit {
    uint64_t layerId = 0;
    geo::PointCluster cluster;
};

// `pixelScale`: drawable pixels per style pixel, as the map was drawn (DrawOptions::pixelScale).
// A layer drawn as clusters there is hit on its discs: a disc of one point is that point's
// feature; a disc of many hides the features under it (no feature: pickCluster says which).
std::optional<FeatureRef> pickFeature(const Scene& scene, const geo::Viewport& view, geo::ScreenPx at,
                                      double pixelScale = 1);
// What is under `at`: the topmost layer's feature, or a disc of many points (one of the two
// at most); pickFeature and pickCluster give one half each.
struct MapHit {
    std::optional<FeatureRef> feature;
    std::optional<ClusterHit> cluster;
};
MapHit pickAt(const Scene& scene, const geo::Viewport& view, geo::ScreenPx at, double pixelScale = 1);
// The topmost cluster disc under `at` of a layer drawn as clusters, if no layer above it is hit first.
std::optional<ClusterHit> pickCluster(const Scene& scene, const geo::Viewport& view, geo::ScreenPx at,
                                      double pixelScale = 1);

} // namespace viewer
