// The viewer's side of the map CRS (geo::MapCrs): the view it opens on and turning what the
// user typed ("32648", "EPSG:4326") into a CRS.
#pragma once
#include "geo/map_crs.hpp"

#include <string>

namespace viewer {

// The view the app opens on: Cambodia and its neighbours, lon/lat, west to the Myawaddy
// compounds on the Thai-Myanmar border (KK Park 98.56 E 16.63 N, Shwe Kokko 16.82 N).
constexpr geo::Extent kHomeLonLat{98.2, 8.8, 109.2, 17.0};

geo::Extent defaultViewExtent(const geo::MapCrs& crs);

// "3857", "EPSG:3857", "epsg:32648", a PROJ string -> the CRS. Throws geo::Error (one line).
geo::MapCrs mapCrsFromUser(const std::string& text);

} // namespace viewer
