// The viewer's side of the map CRS (geo::MapCrs): the view it opens on and turning what the
// user typed ("32648", "EPSG:4326") into a CRS.
#pragma once
#include "geo/map_crs.hpp"

#include <string>

namespace viewer {

// The view the app opens on: Cambodia and its neighbours, lon/lat.
constexpr geo::Extent kHomeLonLat{100.8, 8.8, 109.2, 16.2};

geo::Extent defaultViewExtent(const geo::MapCrs& crs);

// "3857", "EPSG:3857", "epsg:32648", a PROJ string -> the CRS. Throws geo::Error (one line).
geo::MapCrs mapCrsFromUser(const std::string& text);

} // namespace viewer
