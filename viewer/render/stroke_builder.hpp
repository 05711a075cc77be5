// Stroke geometry for lines and polygon outlines: a strip of quads whose vertices carry a
// miter vector, extruded in the vertex shader so the width stays in screen pixels.
#pragma once
#include "geo/coords.hpp"

#include <cstdint>
#include <vector>

namespace viewer {

// Per vertex: x, y (float offset from the origin), ex, ey (extrusion direction, unit normal
// lengthened for miters, clamped), side (+1 / -1, for anti-aliasing in the fragment shader).
struct StrokeMesh {
    static constexpr int kFloatsPerVertex = 5;
    std::vector<float> vertices;
    std::vector<uint32_t> indices; // 6 per segment

    size_t vertexCount() const { return vertices.size() / kFloatsPerVertex; }
};

// Appends the stroke of pts[0..n). `closed` joins the last point back to the first (rings
// may or may not repeat their first point). Repeated points are skipped.
void buildStroke(const geo::MapXY* pts, size_t n, bool closed, geo::MapXY origin, StrokeMesh& out);

// Longest miter, in half-widths, before the join is clamped (sharp spikes stay bounded).
constexpr float kMiterLimit = 3.0f;

} // namespace viewer
