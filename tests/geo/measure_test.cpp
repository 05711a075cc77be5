// Measure tool maths against PROJ's own numbers, computed once outside this code:
//   echo "11.0667 106.1333 11.5564 104.9160" | geod +ellps=WGS84 -I +units=m -f "%.6f"
//     -> -67.705058  112.056165  143509.543          (azimuths, metres; proj-bin 9.1.1)
//   python3 -c "from pyproj import Geod; g=Geod(ellps='WGS84');
//     print(g.polygon_area_perimeter([106.1333,105.80,104.9160],[11.0667,11.09,11.5564]));
//     print(g.line_length([106.1333,105.80,104.9160],[11.0667,11.09,11.5564]))"
//     -> (-818821541.2186661, 289444.8634714692)  145935.32071766807   (python3-pyproj 3.4.1)
#include "geo/measure.hpp"

#include <doctest/doctest.h>

#include <vector>

using geo::LengthUnit;
using geo::LonLat;

namespace {
const LonLat kBavet{106.1333, 11.0667};
const LonLat kSvayRieng{105.80, 11.09};
const LonLat kPhnomPenh{104.9160, 11.5564};
} // namespace

// geod prints millimetres: 1e-8 of 143.5 km is 1.4 mm.
TEST_CASE("measure: Bavet to Phnom Penh is PROJ geod's 143509.543 m")
{
    const std::vector<LonLat> path{kBavet, kPhnomPenh};
    CHECK(geo::geodesicPathLengthM(path) == doctest::Approx(143509.543).epsilon(1e-8));
    CHECK(geo::formatLength(geo::geodesicPathLengthM(path), LengthUnit::Kilometres) == "143.51 km");
    CHECK(geo::formatLength(geo::geodesicPathLengthM(path), LengthUnit::Metres) == "143,510 m");
    CHECK(geo::formatLength(geo::geodesicPathLengthM(path), LengthUnit::NauticalMiles) == "77.49 NM"); // / 1852
}

TEST_CASE("measure: a path is the sum of its segments, and fewer than two points measure nothing")
{
    const std::vector<LonLat> path{kBavet, kSvayRieng, kPhnomPenh};
    CHECK(geo::geodesicPathLengthM(path) == doctest::Approx(145935.3207).epsilon(1e-9));
    CHECK(geo::geodesicPathLengthM(std::vector<LonLat>{kBavet}) == 0);
    CHECK(geo::geodesicPathLengthM(std::vector<LonLat>{}) == 0);
    // Going there and back is twice the way.
    const std::vector<LonLat> back{kBavet, kPhnomPenh, kBavet};
    CHECK(geo::geodesicPathLengthM(back) == doctest::Approx(2 * 143509.543).epsilon(1e-8));
}

TEST_CASE("measure: the Bavet - Svay Rieng - Phnom Penh triangle has pyproj's area, either way round")
{
    const std::vector<LonLat> ring{kBavet, kSvayRieng, kPhnomPenh};
    const geo::GeodesicArea a = geo::geodesicPolygonArea(ring);
    CHECK(a.areaM2 == doctest::Approx(818821541.2187).epsilon(1e-9));
    CHECK(a.perimeterM == doctest::Approx(289444.8635).epsilon(1e-9));
    const std::vector<LonLat> reversed{kPhnomPenh, kSvayRieng, kBavet};
    CHECK(geo::geodesicPolygonArea(reversed).areaM2 == doctest::Approx(a.areaM2).epsilon(1e-12));
    CHECK(geo::formatArea(a.areaM2, LengthUnit::Kilometres) == "818.82 km\u00b2");
    CHECK(geo::formatArea(a.areaM2, LengthUnit::Metres) == "818,821,541 m\u00b2");
    CHECK(geo::formatArea(a.areaM2, LengthUnit::NauticalMiles) == "238.73 NM\u00b2");
    // Two corners are a line, not an area.
    CHECK(geo::geodesicPolygonArea(std::vector<LonLat>{kBavet, kPhnomPenh}).areaM2 == 0);
}

TEST_CASE("measure: large lengths are grouped, small ones keep two decimals")
{
    CHECK(geo::formatLength(1234567.0, LengthUnit::Kilometres) == "1,235 km");
    CHECK(geo::formatLength(12.6, LengthUnit::Metres) == "13 m");
    CHECK(geo::formatLength(250.0, LengthUnit::Kilometres) == "0.25 km");
}
