// Measurements for map furniture: a scale bar that is geodesically right at the view centre
// and the direction of true north, in any map CRS. Used by the viewer and by export.
#pragma once
#include "geo/viewport.hpp"

#include <string>

namespace geo {

struct ScaleBar {
    double metres = 0;   // a round length: 1, 2 or 5 x 10^n
    double pixels = 0;   // its length on screen at the view centre
    std::string label;   // "5 km", "200 m"
};

// Geodesic metres per screen pixel along the horizontal through the view centre.
double metresPerPixelAtCentre(const Viewport& v, const std::string& mapCrs);

// The longest round length that fits in `maxPixels`.
ScaleBar chooseScaleBar(const Viewport& v, const std::string& mapCrs, double maxPixels);

// Screen angle of true north at the view centre, degrees clockwise from straight up
// (0 in Web Mercator; the grid convergence in UTM away from the central meridian).
double trueNorthScreenAngleDeg(const Viewport& v, const std::string& mapCrs);

} // namespace geo
