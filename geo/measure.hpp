// Geodesic measurement of a clicked path (length) or polygon (area) on the WGS 84 ellipsoid,
// through PROJ's geodesic API (Karney), and how the results are written for people.
#pragma once
#include "geo/coords.hpp"

#include <span>
#include <string>

namespace geo {

enum class LengthUnit { Kilometres, Metres, NauticalMiles };

// Sum of the geodesic lengths of the path's segments, metres; 0 for fewer than two points.
double geodesicPathLengthM(std::span<const LonLat> path);

struct GeodesicArea {
    double areaM2 = 0;     // always >= 0, whichever way the ring runs
    double perimeterM = 0; // the closed ring
};

// The area of the polygon with these corners, joined by geodesics (geod_polygon); the ring is
// closed for you. Fewer than three corners: zero area.
GeodesicArea geodesicPolygonArea(std::span<const LonLat> ring);

// "143.51 km", "143,510 m", "77.49 NM": a length in `unit`, with the precision people read.
std::string formatLength(double metres, LengthUnit unit);
// "818.82 km²", "818,821,541 m²", "238.73 NM²".
std::string formatArea(double squareMetres, LengthUnit unit);
// "km", "m", "NM".
const char* unitSymbol(LengthUnit unit);

} // namespace geo
