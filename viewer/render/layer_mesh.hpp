// CPU-side render data for one layer, built on a worker (no GL): every line and ring at
// several levels of detail as plain float vertex runs. Nothing is triangulated: fills are
// drawn stencil-then-cover with the even-odd rule straight from the rings (any ring, valid
// or not), strokes are extruded per segment in the vertex shader from the same vertices.
// So a level costs 9 bytes a vertex, and building it is one pass over the coordinates.
#pragma once
#include "geo/layer.hpp"

#include <atomic>
#include <cstdint>
#include <vector>

namespace viewer {

// A run [first, first + count) in an array.
struct IndexRange {
    uint32_t first = 0;
    uint32_t count = 0;
};

// A ring is filled as fans of this many edges, each from its own first vertex, plus one fan
// over their first vertices (the spine): under the even-odd rule that is the ring itself
// (each chunk's closing edge cancels against the spine's), and the triangles stay as local
// as the chunk instead of slivers from one far vertex (which cost a software rasteriser
// dearly: Thailand's coast fanned from its northern tip crosses a hundred tiles a triangle).
constexpr size_t kFanChunk = 32;

// One level of detail: all features simplified with the same tolerance. Each part (ring or
// polyline) is stored as   pad, v0 .. v(m-1) [, v0 for a ring], pad [, spine]   where the
// pads are the neighbours a stroke join needs (a ring's wrap-around vertices; an open line's
// own end points) and, like the spine, are flagged 0 in `real`, so no segment touching them
// is drawn.
struct LodMesh {
    double tolerance = 0;                 // map units; 0 = full resolution
    std::vector<float> xy;                // 2 floats per vertex: offsets from the layer origin
    std::vector<uint8_t> real;            // per vertex: 1 = a vertex of its part, 0 = a pad
    std::vector<int32_t> partFirst;       // per part: first vertex (after the leading pad)
    std::vector<int32_t> partCount;       // per part: vertices (a ring repeats v0 at the end)
    std::vector<int32_t> partSpineFirst;  // per part: the spine's first vertex (= end of the part's storage - count)
    std::vector<int32_t> partSpineCount;  // per part: spine vertices (0: fanned whole)
    std::vector<float> partBox;           // per part: minx, miny, maxx, maxy (offsets)
    std::vector<uint8_t> partFilled;      // per part: 1 for polygon rings
    std::vector<IndexRange> featureParts; // per feature: its parts
    // The features this level holds (ascending); empty: all of them. A level built for the
    // features in view holds only those, and GpuLayer draws the others from another level.
    std::vector<uint32_t> features;

    size_t vertexCount() const { return xy.size() / 2; }
};

struct LayerMesh {
    geo::MapXY origin;                     // vertices are float offsets from this
    std::vector<LodMesh> lods;             // finest first
    std::vector<float> points;             // point features: x, y offsets (2 floats per point)
    std::vector<IndexRange> pointRanges;   // per feature, into points/2
    // Per feature: the stencil bit (0-7) its fill toggles (prepareLayer fills it in; empty:
    // bit 0). Features whose boxes overlap get different bits where eight allow, so two
    // overlapping areas do not cancel out.
    std::vector<uint8_t> stencilBit;
};

// Simplification tolerances (map units) for the levels of detail of a layer whose map
// units are `metresPerUnit` metres: full, then 2x steps from ~20 m (with 4x steps a view drew
// on average twice the vertices its pixel needs).
std::vector<double> lodTolerances(double metresPerUnit);

// Levels finer than this many metres are built only once a view needs them, and then for
// the features in view (App::startRefining): the coarse ones are cheap for the whole file
// (most of its vertices fall in the radial pass) and keep every view drawn meanwhile.
constexpr double kDeferFinerThanMetres = 5000;

// Builds the levels for `tolerances` (any order; kept finest first). Never touches GL; safe
// on a worker thread; uses up to the machine's cores. Each level is simplified from the full
// geometry, so it is the same whichever levels are built with it (the radial pass before
// Douglas-Peucker makes a coarse level cost little more than one read of the coordinates).
// A level that keeps more than 3/4 of the vertices of the finer one is dropped (it would
// cost memory and draw no faster). `cancel`, when set, stops early (the result is then
// incomplete). With `within` (an export's region, map CRS), lines far from it are cut short
// (geo::simplifyGeometry): the levels then draw as they would whole inside it, only.
LayerMesh buildLayerMesh(const geo::Layer& layer, const std::vector<double>& tolerances,
                         const std::atomic<bool>* cancel = nullptr, const geo::Extent* within = nullptr);

// Only the levels (same origin as `base`), for refining a layer shown with coarse levels.
// With `only` (ascending feature numbers), just those features, at every tolerance given
// (LodMesh::features says which): the detail a view needs, without the rest of the file.
std::vector<LodMesh> buildLods(const geo::Layer& layer, geo::MapXY origin, const std::vector<double>& tolerances,
                               const std::atomic<bool>* cancel = nullptr, const std::vector<uint32_t>* only = nullptr,
                               const geo::Extent* within = nullptr);

// The tolerance a view of `unitsPerPixel` draws: the coarsest of `tolerances` whose error is
// within a pixel, else the finest (GpuLayer::chooseLod's rule). 0 for an empty list.
double levelForView(const std::vector<double>& tolerances, double unitsPerPixel);


} // namespace viewer
