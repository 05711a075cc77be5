// Which detail to build next: the deferred levels of detail a view needs, for the features
// in and around it. A big file's fine levels are built a view at a time, never whole.
#pragma once
#include "viewer/render/scene.hpp"

#include "geo/viewport.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace viewer {

struct RefineJob {
    uint64_t layerId = 0;
    std::shared_ptr<const geo::Layer> data;
    geo::MapXY origin;
    std::vector<double> tolerances; // deferred levels from the one the view draws up
    std::vector<uint32_t> features; // ascending: those near the view that level lacks
};

// For each visible layer with deferred levels whose level for `view` (levelForView) is one
// of them: that level and the deferred coarser ones, for the features within a quarter of
// the view's size around it that the level does not hold yet. Empty when the view has all
// it needs.
std::vector<RefineJob> refinePlan(const Scene& scene, const geo::Viewport& view);

} // namespace viewer
