// The viewer's map CRS (Web Mercator: metres, so street-level zoom works) and the helpers
// that relate it to lon/lat and to the scale shown to the user.
#pragma once
#include "geo/coords.hpp"

namespace viewer {

constexpr const char* kMapCrs = "EPSG:3857";
constexpr const char* kMapCrsName = "EPSG:3857 WGS 84 / Pseudo-Mercator";
// Web Mercator stops here; data beyond is clamped before projecting.
constexpr double kMercatorMaxLat = 85.05112878;

// Spherical Web Mercator formulas (exact for EPSG:3857, no PROJ context needed per frame).
geo::MapXY lonLatToMap(geo::LonLat p);
geo::LonLat mapToLonLat(geo::MapXY m);
geo::Extent lonLatBoxToMap(double west, double south, double east, double north);

// True metres per map unit at `m` (Web Mercator stretches by 1/cos(latitude)).
double metresPerUnitAt(geo::MapXY m);

// The view the app opens on: Cambodia and its neighbours.
geo::Extent defaultViewExtent();

} // namespace viewer
