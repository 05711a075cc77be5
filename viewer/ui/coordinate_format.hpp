// Coordinates and scales as people read them: decimal degrees, degrees-minutes-seconds,
// and "1:N" scale denominators rounded sensibly.
#pragma once
#include "geo/coords.hpp"

#include <string>

namespace viewer {

// "11.08900° N, 105.80050° E"
std::string formatDecimal(geo::LonLat p);
// "11°05'20.4\" N 105°48'01.8\" E"
std::string formatDms(geo::LonLat p);
// "1:1 234 000" with three significant digits.
std::string formatScale(double denominator);

} // namespace viewer
