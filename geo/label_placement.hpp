// Label placement helpers: an anchor point inside a polygon, and greedy collision-free
// selection of label boxes in priority order.
#pragma once
#include "geo/coords.hpp"
#include "geo/geometry.hpp"

#include <vector>

namespace geo {

// A point to hang a feature's label on: for polygons a point inside the largest polygon
// (its centroid when that lies inside, else the middle of the widest horizontal chord
// through it); for lines the middle vertex of the longest part; for points the first point.
MapXY labelAnchor(const Geometry& g);

// For a polygon whose usual anchor is out of view: the middle of the widest horizontal
// chord through the part of `g` inside `window` (tries 9 heights). Returns false when no
// chord is at least `minWidth` long.
bool labelAnchorWithin(const Geometry& g, const Extent& window, double minWidth, MapXY& out);

// Screen box of one label candidate (pixels; min/max).
struct LabelBox {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool overlaps(const LabelBox& o) const
    {
        return minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY;
    }
};

// Accepts boxes in the given order, skipping any that overlaps one already accepted (or
// leaves the [0,width]x[0,height] screen). Returns the indices of the accepted boxes.
// Uses a uniform grid, so it stays near-linear for thousands of candidates.
std::vector<size_t> placeLabels(const std::vector<LabelBox>& boxes, double width, double height);

} // namespace geo
