// Several compounds at one coordinate (the four Bavet compounds share the town point): group
// them, and lay a group out in a small ring around the shared point so every one stays
// visible and clickable.
#pragma once
#include "geo/coords.hpp"

#include <cstddef>
#include <vector>

namespace viewer {

// Points closer than this (degrees, ~1 m) count as the same coordinate.
constexpr double kSamePointDeg = 1e-5;

// Groups of indices into `points` that share a coordinate, in order of first appearance;
// single points form groups of one. Members keep their input order.
std::vector<std::vector<size_t>> groupColocated(const std::vector<geo::LonLat>& points);

// Pixel offsets (x right, y down) of n markers of diameter up to `diameterPx` in a ring
// around their shared point, first at the top, clockwise, neighbours `gapPx` apart. One
// marker stays on the point.
std::vector<geo::ScreenPx> ringOffsets(size_t n, double diameterPx, double gapPx = 3);

// The ring's radius for n markers (0 for n < 2).
double ringRadiusPx(size_t n, double diameterPx, double gapPx = 3);

} // namespace viewer
