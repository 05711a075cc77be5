// Douglas-Peucker simplification of flat geometries, for the renderer's levels of detail.
#pragma once
#include "geo/geometry.hpp"

namespace geo {

// Simplifies every line and ring of `g` with tolerance `tolerance` (map units). Rings that
// collapse (fewer than 4 points, an area below tolerance^2, or at most two tolerances
// across) are dropped; a polygon whose
// exterior is dropped loses its holes too. Points are returned unchanged.
// With `keepSpecks`, a collapsed exterior becomes a speck instead, a square of half the
// tolerance at its centre, one per cell of four tolerances: islands too small for the scale
// still show as a dot (as peers draw them), at a bounded cost.
// With `within` (an export's region), runs far from it cost one pass over their points:
// inside `within` the result is exactly the one without it (see reduce in simplify.cpp).
Geometry simplifyGeometry(const Geometry& g, double tolerance, bool keepSpecks = false,
                          const Extent* within = nullptr);

// A speck: the closed square ring of side `tolerance / 2` centred on `c`, as one polygon.
void appendSpeck(Geometry& g, MapXY c, double tolerance);

// Signed shoelace area of a ring (positive counter-clockwise). The ring may or may not
// repeat its first point at the end.
double ringArea(const MapXY* pts, size_t n);

} // namespace geo
