// Geodesic measurements on the WGS 84 ellipsoid (PROJ's geodesic routines, Karney's algorithm).
#pragma once
#include "geo/coords.hpp"
#include "geo/geometry.hpp"

struct geod_geodesic; // PROJ's geodesic.h

namespace geo {

// The WGS 84 ellipsoid for PROJ's geod_* routines (made once, never changed).
const geod_geodesic& wgs84Geodesic();

// Distance in metres along the ellipsoid between two points.
double geodesicDistanceM(LonLat a, LonLat b);

// The point `distanceM` metres from `from` along `azimuthDeg` (clockwise from true north).
LonLat geodesicDestination(LonLat from, double azimuthDeg, double distanceM);

// Azimuth in degrees, clockwise from true north, of the geodesic from a to b.
double geodesicAzimuthDeg(LonLat a, LonLat b);

struct NearestPoint {
    double distanceM = -1; // -1 when the geometry has no segments or points
    LonLat point;
};

// Nearest point of the geometry's lines (polygon rings, polylines, or points) to `p`, with
// its geodesic distance. Coordinates of `g` are lon/lat. The search runs in an azimuthal
// equidistant projection centred on `p`, where distances from `p` are true; the distance is
// then recomputed on the ellipsoid. Accurate to metres for the distances that matter here.
NearestPoint nearestOnGeometry(LonLat p, const Geometry& g);

// Even-odd point-in-polygon over all rings of a lon/lat polygon geometry.
bool polygonContains(const Geometry& g, MapXY p);

} // namespace geo
