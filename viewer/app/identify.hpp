// Hit testing: which feature is under a screen pixel, top layer first, using the spatial
// index to find candidates and geo::polygonContains / pixel distances to decide.
#pragma once
#include "viewer/render/scene.hpp"

#include "geo/viewport.hpp"

#include <optional>

namespace viewer {

// Lines and points count as hit within this many (style) pixels.
constexpr double kPickTolerancePx = 4;

// `pixelScale`: drawable pixels per style pixel, as the map was drawn (DrawOptions::pixelScale).
std::optional<FeatureRef> pickFeature(const Scene& scene, const geo::Viewport& view, geo::ScreenPx at,
                                      double pixelScale = 1);

} // namespace viewer
