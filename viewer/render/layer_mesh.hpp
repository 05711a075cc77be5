// CPU-side render data for one layer, built once at load (thread-safe, no GL): fills
// triangulated and outlines stroked at several levels of detail, with per-feature index
// ranges so the renderer can draw only what the spatial index says is visible.
#pragma once
#include "viewer/render/stroke_builder.hpp"
#include "viewer/render/tessellator.hpp"

#include "geo/layer.hpp"

#include <atomic>
#include <cstdint>
#include <vector>

namespace viewer {

// A run of indices [first, first + count) in an index buffer.
struct IndexRange {
    uint32_t first = 0;
    uint32_t count = 0;
};

// One level of detail: all features simplified with the same tolerance.
struct LodMesh {
    double tolerance = 0;                  // map units; 0 = full resolution
    TriangleMesh fill;
    std::vector<float> fillClass;          // per fill vertex: the feature's palette class
    StrokeMesh stroke;
    std::vector<IndexRange> fillRanges;    // one per feature (count 0 when none)
    std::vector<IndexRange> strokeRanges;
};

struct LayerMesh {
    geo::MapXY origin;                     // vertices are float offsets from this
    std::vector<LodMesh> lods;             // finest first
    std::vector<float> points;             // point features: x, y offsets (2 floats per point)
    std::vector<IndexRange> pointRanges;   // per feature, into points/2
    size_t failedTessellations = 0;
};

// Simplification tolerances (map units) for the levels of detail of a layer whose map
// units are `metresPerUnit` metres: full, then 4x steps from ~20 m.
std::vector<double> lodTolerances(double metresPerUnit);

// Builds everything. Never touches GL; safe on a worker thread. `paletteClass` (one per
// feature, may be empty) tags each fill vertex so palette fills need no per-feature draws.
// `cancel`, when given and set, stops the work early (the result is then incomplete).
LayerMesh buildLayerMesh(const geo::Layer& layer, const std::vector<double>& tolerances,
                         const std::vector<uint8_t>& paletteClass = {}, const std::atomic<bool>* cancel = nullptr);

// The coarsest level whose tolerance stays within a pixel at `unitsPerPixel`.
size_t chooseLod(const LayerMesh& mesh, double unitsPerPixel);

} // namespace viewer
