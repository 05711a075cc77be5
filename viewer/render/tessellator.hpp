// Polygon fill triangulation with the GLU tessellator (odd winding: holes and
// multipolygons come out right; self-touching rings are split at new vertices).
#pragma once
#include "geo/geometry.hpp"

#include <cstdint>
#include <vector>

namespace viewer {

// Triangles as float32 xy offsets from an origin plus an index list (3 per triangle).
struct TriangleMesh {
    std::vector<float> xy;          // 2 floats per vertex
    std::vector<uint32_t> indices;  // 3 per triangle, into xy/2

    size_t vertexCount() const { return xy.size() / 2; }
};

// Appends the triangulation of every polygon of `g` (coordinates relative to `origin`).
// Each polygon (exterior + its holes) is tessellated on its own, so overlapping parts of a
// multipolygon stay filled. Returns false if GLU reported an error (what it produced is kept).
bool tessellatePolygons(const geo::Geometry& g, geo::MapXY origin, TriangleMesh& out);

// Sum of the absolute triangle areas (map units squared), for tests and diagnostics.
double triangleArea(const TriangleMesh& mesh);

} // namespace viewer
