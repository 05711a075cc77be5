// Feature geometry as flat coordinate arrays, ready for indexing and GPU upload.
#pragma once
#include "geo/coords.hpp"

#include <cstdint>
#include <vector>

namespace geo {

enum class GeomKind { None, Point, Line, Polygon };

// One feature's geometry, flattened. Runs of `coords` are delimited by `partStarts`
// (size = parts + 1):
//   Point   - every coordinate is a point (multipoints have several); partStarts = {0, n}
//   Line    - each part is a polyline
//   Polygon - each part is a ring; `polygonStarts` (size = polygons + 1) indexes the parts,
//             the first ring of each polygon is its exterior, the rest are holes.
struct Geometry {
    GeomKind kind = GeomKind::None;
    std::vector<MapXY> coords;
    std::vector<uint32_t> partStarts{0};
    std::vector<uint32_t> polygonStarts{0};

    bool empty() const { return coords.empty(); }
    size_t partCount() const { return partStarts.size() - 1; }
    size_t polygonCount() const { return polygonStarts.size() - 1; }
    Extent extent() const
    {
        Extent e;
        for (const MapXY& p : coords) e.expand(p.x, p.y);
        return e;
    }
};

} // namespace geo
