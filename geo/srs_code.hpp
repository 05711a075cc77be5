// How geo/ names a GDAL spatial reference to users: "AUTH:CODE" when there is one.
#pragma once
#include <string>

class OGRSpatialReference;

namespace geo {

// "EPSG:4326" (GDAL is asked to identify WKT that carries no code), else the WKT2 text;
// "" for none. For the readers of vector and raster sources alike.
std::string crsCode(const OGRSpatialReference* srs);

} // namespace geo
